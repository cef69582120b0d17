/** One planned arrival, when it happens: who, on which phone, at which store. */
export interface SimulatedArrival {
  storeId: string;
  customerId: string;
  clientId: string;
  at: Date;
}

import { nextArrival, type ScheduleState, startSchedule } from './domain/arrival-schedule.ts';

export interface SimulatorOptions {
  storeId: string;
  customerIds: string[];
  ratePerMin: number;
  seed: number;
  publish: (arrival: SimulatedArrival) => Promise<void>;
  onPublished?: (customerId: string) => void;
  onError?: (error: unknown) => void;
  now?: () => number;
}

export interface RunningSimulator {
  stop(): void;
}

/**
 * Wakes at each planned arrival, publishes it, and plans the next; a failed publish
 * is reported and skipped, so a broker restart does not end the demo.
 */
export function runSimulator({
  storeId,
  customerIds,
  ratePerMin,
  seed,
  publish,
  onPublished,
  onError,
  now = Date.now,
}: SimulatorOptions): RunningSimulator {
  let state: ScheduleState = startSchedule(seed, now());
  let handle: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function scheduleNext() {
    if (stopped) return;
    const step = nextArrival(state, { customerIds, ratePerMin });
    state = step.state;
    const { arrival } = step;
    handle = setTimeout(
      () => {
        publish({
          storeId,
          customerId: arrival.customerId,
          clientId: arrival.clientId,
          at: new Date(now()),
        })
          .then(() => onPublished?.(arrival.customerId))
          .catch((error: unknown) => onError?.(error));
        scheduleNext();
      },
      Math.max(0, arrival.at - now()),
    );
  }

  scheduleNext();
  return {
    stop() {
      stopped = true;
      clearTimeout(handle);
    },
  };
}
