import { buildTopic, type CheckIn, createEnvelope } from '@vitrine/shared';
import { connectAsync, type MqttClient } from 'mqtt';

export interface Received {
  topic: string;
  payload: Buffer;
  retain: boolean;
  /** The QoS it arrived with: the lower of the publisher's and the subscription's. */
  qos?: number;
}

/** A plain MQTT client that records everything it receives on the given filters. */
export async function subscribeAll(url: string, filters: string[], clientId: string) {
  const client = await connectAsync(url, { clientId, clean: true, reconnectPeriod: 0 });
  const received: Received[] = [];
  client.on('message', (topic, payload, packet) =>
    received.push({ topic, payload, retain: packet.retain, qos: packet.qos }),
  );
  await client.subscribeAsync(filters, { qos: 1 });
  return { client, received, close: () => client.endAsync() };
}

export function connectPublisher(url: string, clientId: string): Promise<MqttClient> {
  return connectAsync(url, { clientId, clean: true, reconnectPeriod: 0 });
}

/** A check-in as the app publishes it; the data carries the pass and proof. */
export function checkInMessage(store: string, data: CheckIn, at: Date = new Date()) {
  return {
    topic: buildTopic('checkIn', { store, clientId: data.clientId }),
    payload: JSON.stringify(createEnvelope(store, data, { at })),
  };
}

/**
 * Leaves a shared broker as it was: clears the retained status of a test store and ends
 * the persistent session of its edge client.
 */
export async function forgetStore(url: string, store: string, edgeClientId = `edge-${store}`) {
  const cleaner = await connectAsync(url, {
    clientId: edgeClientId,
    clean: true,
    reconnectPeriod: 0,
  });
  await cleaner.publishAsync(buildTopic('edgeStatus', { store }), '', { qos: 1, retain: true });
  await cleaner.endAsync();
}
