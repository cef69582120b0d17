import type { EdgeConfig } from '../config/edge-config.ts';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import type { Logger } from '../observability/logger.ts';

/** What every part of the edge is composed with. */
export interface EdgeContext {
  config: EdgeConfig;
  logger: Logger;
  metrics: EdgeMetrics;
  /** Clock of caches, windows and latency measurements. */
  now: () => number;
  /** The test's fetch, when it gives one, for every call to the cloud. */
  fetch: { fetch?: typeof globalThis.fetch };
  /** Registers what to stop; parts stop in the reverse order of their start. */
  onStop(name: string, stop: () => Promise<void>): void;
}

/** The parts' stops, run in reverse order; a failing stop is logged and the rest go on. */
export function createStops(logger: Logger) {
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  return {
    onStop(name: string, stop: () => Promise<void>) {
      stops.push({ name, stop });
    },
    async stopAll() {
      for (const { name, stop } of stops.splice(0).reverse()) {
        await stop().catch((error: unknown) =>
          logger.error({ err: error, part: name }, 'stop failed'),
        );
      }
    },
  };
}
