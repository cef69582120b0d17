import { afterEach, describe, expect, it, vi } from 'vitest';
import { periodicTask } from './periodic-task.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** A run that waits for its release, counting how many began. */
function gatedRuns() {
  const releases: (() => void)[] = [];
  let began = 0;
  const run = () => {
    began += 1;
    const n = began;
    return new Promise<number>((resolve) => releases.push(() => resolve(n)));
  };
  return { run, releases, began: () => began };
}

describe('a periodic task', () => {
  it('joins a run under way rather than starting a second', async () => {
    const gate = gatedRuns();
    const task = periodicTask(60_000, gate.run);
    const first = task.runNow();
    const second = task.runNow();
    expect(gate.began()).toBe(1);
    gate.releases[0]?.();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    const third = task.runNow();
    expect(gate.began()).toBe(2);
    gate.releases[1]?.();
    expect(await third).toBe(2);
  });

  it('runs at start and every interval until stopped, and stop waits for the run under way', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let inFlight: (() => void) | null = null;
    const task = periodicTask(1000, () => {
      runs += 1;
      return new Promise<void>((resolve) => {
        inFlight = resolve;
      });
    });
    void task.start();
    expect(runs).toBe(1);
    (inFlight as (() => void) | null)?.();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    let stopped = false;
    const stopping = task.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    (inFlight as (() => void) | null)?.();
    await stopping;
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
  });
});
