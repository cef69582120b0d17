import type { PresenceSink, SourceHealth, SourceState } from './presence-source.ts';

/** The bookkeeping every source shares: its state, what it delivered and dropped. */
export interface SourceHealthTracker {
  /** Wraps a sink so that deliveries are counted; nothing is delivered once stopped. */
  track(sink: PresenceSink): PresenceSink;
  set(state: SourceState, detail?: string | null): void;
  restarted(): void;
  snapshot(): SourceHealth;
  readonly state: SourceState;
}

export function createSourceHealth(): SourceHealthTracker {
  let state: SourceState = 'stopped';
  let detail: string | null = null;
  let sightings = 0;
  let dropped = 0;
  let lastSightingAt: number | null = null;
  let restarts = 0;
  return {
    track(sink) {
      return {
        sighting(sighting) {
          if (state === 'stopped') return;
          sightings++;
          lastSightingAt = sighting.at;
          sink.sighting(sighting);
        },
        receiverStatus(receiverId, online, at) {
          if (state !== 'stopped') sink.receiverStatus(receiverId, online, at);
        },
        dropped(reason, why) {
          if (state === 'stopped') return;
          dropped++;
          sink.dropped(reason, why);
        },
      };
    },
    set(next, why = null) {
      state = next;
      detail = why;
    },
    restarted() {
      restarts++;
    },
    snapshot: () => ({ state, detail, sightings, dropped, lastSightingAt, restarts }),
    get state() {
      return state;
    },
  };
}
