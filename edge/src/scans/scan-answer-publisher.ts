import { buildTopic, createEnvelope, type ScanAnswer } from '@vitrine/shared';

/** Publishes on the broker the edge is connected to; QoS 1 is kept while disconnected. */
export type Publish = (
  topic: string,
  payload: string,
  options: { qos: 0 | 1; retain: boolean },
) => Promise<void>;

/** Answers one scanner (a phone, a kiosk) on its own `scan-answer` topic. */
export type AnswerScan = (clientId: string, answer: ScanAnswer) => Promise<void>;

export function createScanAnswerPublisher({
  storeId,
  publish,
  now = Date.now,
}: {
  storeId: string;
  publish: Publish;
  now?: () => number;
}): AnswerScan {
  return (clientId, answer) =>
    publish(
      buildTopic('scanAnswer', { store: storeId, clientId }),
      JSON.stringify(createEnvelope(storeId, answer, { at: new Date(now()) })),
      { qos: 1, retain: false },
    );
}
