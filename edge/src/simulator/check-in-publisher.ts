import { buildTopic, createEnvelope, TOPICS } from '@vitrine/shared';
import { connectAsync } from 'mqtt';

export interface CheckInToPublish {
  storeId: string;
  customerId: string;
  clientId: string;
  at: Date;
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
  return async ({ storeId, customerId, clientId, at }) => {
    const client = await connectAsync(url, {
      clientId,
      clean: true,
      reconnectPeriod: 0,
      connectTimeout: connectTimeoutMs,
    });
    try {
      const envelope = createEnvelope(storeId, { customerId, method: 'app', clientId }, { at });
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
