/**
 * The last `capacity` message ids seen, for dropping QoS 1 redeliveries: MQTT delivers at
 * least once, and an associate must not be told twice that the same customer arrived.
 */
export interface SeenIds {
  /** True the first time an id is offered, false for a repeat still remembered. */
  firstTime(id: string): boolean;
  /** Takes an id back: a message that could not be kept will come again, and must count. */
  forget(id: string): void;
}

export function createSeenIds(capacity = 10_000): SeenIds {
  const seen = new Set<string>();
  return {
    firstTime(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > capacity) {
        const oldest = seen.values().next();
        if (!oldest.done) seen.delete(oldest.value);
      }
      return true;
    },
    forget(id) {
      seen.delete(id);
    },
  };
}
