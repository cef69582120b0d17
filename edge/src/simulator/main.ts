import { pino } from 'pino';
import { createCheckInPublisher } from './check-in-publisher.ts';
import { runSimulator } from './run-simulator.ts';
import { parseSimulatorConfig } from './simulator-config.ts';

/** Demo simulator: customers check in at one store over MQTT, as the loyalty app would. */
const result = parseSimulatorConfig(process.env);
if (!result.ok) {
  process.stderr.write(`simulator: refusing to start: ${result.problems.join('; ')}\n`);
  process.exit(1);
}
const { config } = result;
const logger = pino({ base: { service: 'simulator', storeId: config.storeId } });
const simulator = runSimulator({
  ...config,
  publish: createCheckInPublisher({ url: config.mqttUrl }),
  onPublished: (customerId) => logger.info({ customerId }, 'check-in published'),
  onError: (error) => logger.warn({ err: error }, 'check-in not published'),
});
logger.info(
  {
    mqttUrl: config.mqttUrl,
    customers: config.customerIds.length,
    ratePerMin: config.ratePerMin,
    seed: config.seed,
  },
  'simulator running',
);
const stop = () => {
  simulator.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
