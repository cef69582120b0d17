import { pino } from 'pino';
import { createCheckInPublisher } from './check-in-publisher.ts';
import { enrolWallets, presentWallet } from './loyalty-wallets.ts';
import { runSimulator } from './run-simulator.ts';
import { parseSimulatorConfig } from './simulator-config.ts';

/**
 * Demo simulator: customers check in at one store over MQTT, as the loyalty app would:
 * each customer's app is enrolled first (a key pair, a pass from the cloud), then every
 * check-in carries the pass and a fresh proof of presence.
 */
const result = parseSimulatorConfig(process.env);
if (!result.ok) {
  process.stderr.write(`simulator: refusing to start: ${result.problems.join('; ')}\n`);
  process.exit(1);
}
const { config } = result;
const logger = pino({ base: { service: 'simulator', storeId: config.storeId } });
const { wallets, refused } = await enrolWallets({
  cloudUrl: config.cloudUrl,
  token: config.cloudToken,
  customerIds: config.customerIds,
});
if (refused.length > 0) logger.warn({ refused }, 'some customers could not be enrolled');
if (wallets.size === 0) {
  logger.fatal('no customer could be enrolled; nothing to simulate');
  process.exit(1);
}
const publish = createCheckInPublisher({ url: config.mqttUrl });
const simulator = runSimulator({
  ...config,
  customerIds: [...wallets.keys()],
  publish: async ({ storeId, customerId, clientId, at }) => {
    const wallet = wallets.get(customerId);
    if (!wallet) throw new Error(`${customerId} has no enrolled app`);
    await publish({ storeId, clientId, at, ...(await presentWallet(wallet, storeId, at)) });
  },
  onPublished: (customerId) => logger.info({ customerId }, 'check-in published'),
  onError: (error) => logger.warn({ err: error }, 'check-in not published'),
});
logger.info(
  {
    mqttUrl: config.mqttUrl,
    customers: wallets.size,
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
