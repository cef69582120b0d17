import type { MqttClient } from 'mqtt';
import type { Logger } from '../observability/logger.ts';
import { createOrderedAcks, pubackPacket } from './domain/ordered-acks.ts';

/**
 * Resolves once the message may be acknowledged (PUBACK); a rejection leaves it
 * unacknowledged, and the broker delivers it again on the session's next connection.
 */
export type MessageHandler = (topic: string, payload: Buffer) => Promise<void> | void;

/**
 * Makes the client acknowledge each QoS 1 message only once `keep` has kept it, in the
 * order the messages arrived, while the messages behind it are handled meanwhile. A
 * message that could not be kept drops the connection: the broker then delivers it again,
 * with everything unacknowledged after it (duplicates the edge recognises).
 */
export function acknowledgeWhenKept(mqtt: MqttClient, keep: MessageHandler, logger: Logger): void {
  const acks = createOrderedAcks((messageId) => {
    if (!mqtt.connected || mqtt.stream.destroyed) return;
    mqtt.stream.write(pubackPacket(messageId));
  });
  mqtt.on('close', () => acks.reset());
  // mqtt.js sends the PUBACK itself when this calls back without an error, and reads the
  // next message only then (one fsync per message). Called back with one, it sends
  // nothing and reads on: the answer is then ours to send, once the message is kept.
  const answeredOnceKept = new Error('acknowledged by the edge once kept');
  const run = (topic: string, payload: Buffer) =>
    Promise.resolve().then(() => keep(topic, payload));

  mqtt.handleMessage = (packet, callback) => {
    const payload =
      typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    if (packet.qos === 0) {
      // Nothing to acknowledge, nothing to wait for.
      void run(packet.topic, payload).catch(() => {});
      callback();
      return;
    }
    if (packet.qos !== 1 || packet.messageId === undefined) {
      // QoS 2 is never subscribed to; should a broker send it, mqtt.js answers once kept.
      run(packet.topic, payload).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
      return;
    }
    const kept = acks.arrived(packet.messageId);
    callback(answeredOnceKept);
    run(packet.topic, payload).then(kept, (error: unknown) => {
      logger.warn(
        { err: error, topic: packet.topic },
        'message not kept; reconnecting so that the broker delivers it again',
      );
      mqtt.stream.destroy();
    });
  };
}
