import { pino } from 'pino';
import { formatConfigProblems, loadCloudConfig } from './config/cloud-config.ts';
import { startCloud } from './start-cloud.ts';

// The cloud's composition root on Node: config → database → keys → app → HTTP server.
const result = loadCloudConfig(process.env);
if (!result.ok) {
  console.error(formatConfigProblems(result.problems));
  process.exit(1);
}
const { config } = result;
const logger = pino({ level: config.logLevel, base: { service: 'cloud' } });

try {
  const cloud = await startCloud(config, { logger });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await cloud.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean stop');
      process.exit(1);
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  logger.fatal({ err: error }, 'cloud failed to start');
  process.exit(1);
}
