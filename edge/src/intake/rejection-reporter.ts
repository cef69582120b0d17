import type { ErrorCode } from '@vitrine/shared';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import type { Logger } from '../observability/logger.ts';

/** Drops a message on the record: counted by reason and logged with its topic and detail. */
export type RejectMessage = (reason: ErrorCode, topic: string, detail: string) => void;

export function createRejectionReporter({
  metrics,
  logger,
}: {
  metrics: Pick<EdgeMetrics, 'messagesRejected'>;
  logger: Logger;
}): RejectMessage {
  return (reason, topic, detail) => {
    metrics.messagesRejected.inc({ reason });
    logger.warn({ reason, topic, detail }, 'message rejected');
  };
}
