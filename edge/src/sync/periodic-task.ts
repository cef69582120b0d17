/**
 * Something the edge does now and then every interval (a feed's sync, a report), never
 * twice at once: asked while a run is under way, it joins that run. `run` settles its own
 * failures (counts and logs them): a rejection would reach every caller that joined.
 */
export interface PeriodicTask<T> {
  /** Runs now, or joins the run under way. */
  runNow(): Promise<T>;
  /** Runs at once and then every interval; the first run's result. */
  start(): Promise<T>;
  /** No more runs; resolves once a run under way is over. */
  stop(): Promise<void>;
}

export function periodicTask<T>(intervalMs: number, run: () => Promise<T>): PeriodicTask<T> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T> | null = null;

  function runNow(): Promise<T> {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    runNow,
    start() {
      const first = runNow();
      timer ??= setInterval(() => void runNow(), intervalMs);
      timer.unref();
      return first;
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
