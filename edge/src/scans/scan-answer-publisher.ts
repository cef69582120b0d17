import { buildTopic, createEnvelope, type ScanAnswer } from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';

/** Publishes on the broker the edge is connected to; QoS 1 is kept while disconnected. */
export type Publish = (
  topic: string,
  payload: string,
  options: { qos: 0 | 1; retain: boolean },
) => Promise<void>;

/** Answers one scanner (a phone, a kiosk) on its own `scan-answer` topic. */
export type AnswerScan = (clientId: string, answer: ScanAnswer) => void;

/**
 * Hands each answer to the broker at QoS 1 without waiting for its acknowledgement: that
 * arrives on the connection the scan came in on, and the scan is acknowledged only once
 * its flow returns (incoming packets are handled in order), so waiting would stall the
 * connection. The MQTT client keeps the answer until the broker has it.
 */
export function createScanAnswerPublisher({
  storeId,
  publish,
  logger,
  now = Date.now,
}: {
  storeId: string;
  publish: Publish;
  logger: Logger;
  now?: () => number;
}): AnswerScan {
  return (clientId, answer) => {
    const topic = buildTopic('scanAnswer', { store: storeId, clientId });
    const payload = JSON.stringify(createEnvelope(storeId, answer, { at: new Date(now()) }));
    publish(topic, payload, { qos: 1, retain: false }).catch((error: unknown) =>
      logger.warn({ err: error, clientId, scanId: answer.scanId }, 'scan answer not published'),
    );
  };
}
