import {
  buildTopic,
  createEnvelope,
  type QrScan,
  type ScanAnswer,
  TOPICS,
  topicFilter,
} from '@vitrine/shared';
import { connectPublisher, subscribeAll } from './mqtt-helpers.ts';
import { uniqueSuffix, waitFor } from './wait.ts';

/**
 * A scanner in the store (a customer's phone running the app, or a door kiosk): publishes
 * what it scans and reads the answers the edge sends to its own scan-answer topic.
 */
export async function connectScanner(mqttUrl: string, store: string, clientId: string) {
  const answers = await subscribeAll(
    mqttUrl,
    [topicFilter('scanAnswer', { store, clientId })],
    `answers-${uniqueSuffix()}`,
  );
  const publisher = await connectPublisher(mqttUrl, `scanner-${uniqueSuffix()}`);
  const answerTo = (scanId: string) =>
    answers.received
      .map((message) => TOPICS.scanAnswer.payload.parse(JSON.parse(message.payload.toString())))
      .find((envelope) => envelope.data.scanId === scanId);
  return {
    /** Every raw answer payload received, for what must never be in one. */
    raw: () => answers.received.map((message) => message.payload.toString()),
    /** Publishes a scan; resolves with its envelope id once the broker has it. */
    async scan(data: Omit<QrScan, 'clientId'>, { id }: { id?: string } = {}): Promise<string> {
      const envelope = createEnvelope(
        store,
        { clientId, ...data },
        { at: new Date(), ...(id ? { id } : {}) },
      );
      await publisher.publishAsync(
        buildTopic('qrScan', { store, clientId }),
        JSON.stringify(envelope),
        { qos: 1 },
      );
      return envelope.id;
    },
    /** The edge's answer to a scan. */
    async answer(scanId: string): Promise<ScanAnswer> {
      const envelope = await waitFor(() => answerTo(scanId), { what: `the answer to ${scanId}` });
      return envelope.data;
    },
    count: (scanId: string) =>
      answers.received.filter((message) => message.payload.toString().includes(scanId)).length,
    async close() {
      await publisher.endAsync();
      await answers.close();
    },
  };
}

export type Scanner = Awaited<ReturnType<typeof connectScanner>>;
