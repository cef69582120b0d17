/**
 * The PUBACKs of one connection, sent in the order its QoS 1 messages arrived (MQTT 3.1.1
 * §4.6), each only once its message is kept. A message still being written holds back the
 * acknowledgements behind it, never the handling of the messages behind it: they are
 * written meanwhile, and a burst shares the outbox's fsyncs.
 */
export interface OrderedAcks {
  /** A message arrived; call what this returns once it is kept. */
  arrived(messageId: number): () => void;
  /**
   * The connection is gone: nothing waiting is acknowledged, on it or on the next one (the
   * broker sends every unacknowledged message again, and ids are reused).
   */
  reset(): void;
  /** Messages whose acknowledgement is waiting. */
  readonly waiting: number;
}

export function createOrderedAcks(send: (messageId: number) => void): OrderedAcks {
  let line: { messageId: number; kept: boolean }[] = [];
  return {
    arrived(messageId) {
      const entry = { messageId, kept: false };
      const own = line;
      own.push(entry);
      return () => {
        if (own !== line) return;
        entry.kept = true;
        while (line[0]?.kept) {
          const next = line.shift();
          if (next) send(next.messageId);
        }
      };
    },
    reset() {
      line = [];
    },
    get waiting() {
      return line.length;
    },
  };
}

/** An MQTT 3.1.1 PUBACK: fixed header 0x40, remaining length 2, the message id. */
export function pubackPacket(messageId: number): Uint8Array {
  return Uint8Array.of(0x40, 0x02, (messageId >> 8) & 0xff, messageId & 0xff);
}
