import { buildTopic, type CheckIn, createEnvelope, TOPICS } from '@vitrine/shared';
import { connectAsync } from 'mqtt';

export interface CheckInToPublish {
  storeId: string;
  clientId: string;
  at: Date;
  /** The customer's pass and a fresh proof of presence for this store. */
  pass: string;
  proof: string;
  method?: CheckIn['method'];
}

export type PublishCheckIn = (checkIn: CheckInToPublish) => Promise<void>;

export interface CheckInPublisherOptions {
  url: string;
  connectTimeoutMs?: number;
}

/**
 * Publishes a check-in as the loyalty app does: the phone connects under its own client id,
 * sends the check-in at QoS 1 on the shared topic, waits for the broker's ack, and leaves.
 */
export function createCheckInPublisher({
  url,
  connectTimeoutMs = 5000,
}: CheckInPublisherOptions): PublishCheckIn {
  return async ({ storeId, clientId, at, pass, proof, method = 'app' }) => {
    const client = await connectAsync(url, {
      clientId,
      clean: true,
      reconnectPeriod: 0,
      connectTimeout: connectTimeoutMs,
    });
    try {
      const data: CheckIn = { pass, proof, method, clientId };
      const envelope = createEnvelope(storeId, data, { at });
      await client.publishAsync(
        buildTopic('checkIn', { store: storeId, clientId }),
        JSON.stringify(envelope),
        {
          qos: TOPICS.checkIn.qos,
          retain: TOPICS.checkIn.retain,
        },
      );
    } finally {
      await client.endAsync();
    }
  };
}
