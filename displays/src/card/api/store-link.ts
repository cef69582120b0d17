import {
  buildTopic,
  createEnvelope,
  decodeMessage,
  type PhoneOffer,
  type ScanAnswer,
  TOPICS,
  type TopicName,
  type TopicParams,
} from '@vitrine/shared';
import mqtt, { type MqttClient } from 'mqtt';

/** The pass and a fresh proof for this store, made anew for every message. */
export type Credentials = () => Promise<{ pass: string; proof: string }>;

export type LinkStatus = 'connecting' | 'connected' | 'offline';

export interface StoreLinkOptions {
  storeId: string;
  /** The store edge's MQTT over WebSocket address (`ws://…/mqtt`). */
  url: string;
  clientId: string;
  credentials: Credentials;
  onStatus: (status: LinkStatus) => void;
  onOffer: (offer: PhoneOffer) => void;
  onScanAnswer: (answer: ScanAnswer) => void;
}

export interface StoreLink {
  /** Resolves on the broker's PUBACK: the check-in reached the store. */
  checkIn: () => Promise<void>;
  /** Sends a scanned code; resolves with the scan id its answer will name. */
  scan: (code: string) => Promise<string>;
  /** Reports a delivered offer opened (analytics' "opened"). */
  offerOpened: (offer: PhoneOffer & { deliveryId: string }) => Promise<void>;
  /** Messages from the store refused by the shared schemas, by reason. */
  rejected: Map<string, number>;
  close: () => Promise<void>;
}

/**
 * The card's link to a store edge: MQTT over WebSocket, with this installation's client
 * id, QoS 1 both ways, on the topics of shared's topic map. What the store sends is
 * decoded by shared's gate; a message that fails it is dropped, counted and logged.
 */
export function connectStoreLink({
  storeId,
  url,
  clientId,
  credentials,
  onStatus,
  onOffer,
  onScanAnswer,
}: StoreLinkOptions): StoreLink {
  const params = { store: storeId, clientId };
  const rejected = new Map<string, number>();
  onStatus('connecting');
  const client: MqttClient = mqtt.connect(url, {
    clientId,
    clean: false,
    reconnectPeriod: 2_000,
    connectTimeout: 10_000,
  });
  client.on('connect', () => {
    onStatus('connected');
    client.subscribe(
      [buildTopic('phoneOffer', params), buildTopic('scanAnswer', params)],
      { qos: 1 },
      (error) => {
        if (error) console.warn('card: subscription refused', error);
      },
    );
  });
  client.on('offline', () => onStatus('offline'));
  client.on('close', () => onStatus(client.connected ? 'connected' : 'offline'));
  client.on('reconnect', () => onStatus('connecting'));
  client.on('message', (topic, payload) => {
    const decoded = decodeMessage(topic, payload);
    if (!decoded.ok) {
      rejected.set(decoded.reason, (rejected.get(decoded.reason) ?? 0) + 1);
      console.warn(`card: message dropped (${decoded.reason}): ${decoded.detail}`);
      return;
    }
    if (decoded.name === 'phoneOffer') onOffer(decoded.payload.data);
    else if (decoded.name === 'scanAnswer') onScanAnswer(decoded.payload.data);
  });

  const publish = <N extends TopicName>(name: N, topicParams: TopicParams<N>, body: unknown) =>
    new Promise<string>((resolve, reject) => {
      const envelope = createEnvelope(storeId, body, { at: new Date() });
      // Checked against the topic's own schema before it leaves: a bug here is ours.
      const checked = TOPICS[name].payload.safeParse(envelope);
      if (!checked.success) {
        reject(new Error(`card: ${name} not sent: ${checked.error.message}`));
        return;
      }
      client.publish(
        buildTopic(name, topicParams),
        JSON.stringify(envelope),
        { qos: TOPICS[name].qos },
        (error) => (error ? reject(error) : resolve(envelope.id)),
      );
    });

  return {
    checkIn: async () => {
      const { pass, proof } = await credentials();
      await publish('checkIn', params, { pass, proof, method: 'app', clientId });
    },
    scan: async (code) => {
      const { pass, proof } = await credentials();
      return publish('qrScan', params, { clientId, pass, proof, code });
    },
    offerOpened: async (offer) => {
      const { pass, proof } = await credentials();
      await publish('offerOpened', params, {
        deliveryId: offer.deliveryId,
        offerId: offer.offerId,
        openedAt: new Date().toISOString(),
        pass,
        proof,
        clientId,
      });
    },
    rejected,
    close: () => new Promise<void>((resolve) => client.end(false, {}, () => resolve())),
  };
}
