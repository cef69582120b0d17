import { join } from 'node:path';
import { DurableOutbox } from '../outbox/durable-outbox.ts';
import { createIngestClient } from '../outbox/ingest-client.ts';
import { createOutboxMetrics } from '../outbox/outbox-metrics.ts';
import { createOutboxUploader } from '../outbox/outbox-uploader.ts';
import type { EdgeContext } from './edge-context.ts';

/**
 * The durable outbox and its uploader. Opened before anything can report, stopped after
 * the MQTT intake: the last check-ins are on disk, then uploaded as far as the flush allows.
 */
export async function composeOutbox({ config, logger, metrics, now, fetch, onStop }: EdgeContext) {
  const outboxMetrics = createOutboxMetrics({ registry: metrics.registry, now });
  const dir = join(config.dataDir, 'outbox');
  const outbox = new DurableOutbox({ dir, now, metrics: outboxMetrics });
  const recovery = await outbox.open();
  onStop('outbox', () => outbox.close());
  logger.info({ dir, ...recovery }, 'outbox opened');
  const uploader = createOutboxUploader({
    outbox,
    send: createIngestClient({ baseUrl: config.cloudUrl, token: config.cloudToken, ...fetch }),
    metrics: outboxMetrics,
    logger,
  });
  uploader.start();
  onStop('outbox uploader', () => uploader.stop());
  return outbox;
}
