import type { StoreLayout } from '@vitrine/shared';
import { simStoreOfLayout } from '../domain/layout-sim-store.ts';
import { simulateStore } from '../domain/store-simulator.ts';
import { planVisits } from '../domain/visit-plans.ts';
import { type PlaybackClock, realClock, yieldToLoop } from './playback.ts';
import type { PresenceSink, PresenceSource } from './presence-source.ts';
import { createSourceHealth } from './source-health.ts';

export interface SimulatorSourceOptions {
  layout: StoreLayout;
  seed?: number;
  /** Visits are planned this far ahead, then the next stretch is planned. */
  windowMs?: number;
  customers?: number;
  associates?: number;
  anonymous?: number;
  noiseSigmaDb?: number;
  clock?: PlaybackClock;
}

/**
 * The store simulator as a source: people walking through the layout's zones, heard by
 * its scanner nodes (or, in a store without nodes, hearing its beacons) with realistic
 * noise, body shadowing and advertising intervals, played out on the clock. For a store
 * without hardware, the demo and the contract tests.
 */
export function createSimulatorSource({
  layout,
  seed = 1,
  windowMs = 15 * 60_000,
  customers = 8,
  associates = 2,
  anonymous = 20,
  noiseSigmaDb = 6,
  clock = realClock,
}: SimulatorSourceOptions): PresenceSource {
  const store = simStoreOfLayout(layout, layout.nodes.length > 0 ? 'nodes' : 'beacons');
  const health = createSourceHealth();
  let stopped = true;

  async function run(sink: PresenceSink) {
    for (let round = 0; !stopped; round++) {
      const startAt = clock.now();
      const people = planVisits({
        store,
        seed: seed * 1000 + round,
        startAt,
        durationMs: windowMs,
        customers,
        associates,
        anonymous,
      });
      const { sightings } = simulateStore({
        store,
        people,
        seed: seed * 1000 + round + 1,
        noiseSigmaDb,
      });
      let played = 0;
      for (const sighting of sightings) {
        const wait = sighting.at - clock.now();
        if (wait > 0) await clock.sleep(wait);
        else if (++played % 1000 === 0) await yieldToLoop();
        if (stopped) return;
        sink.sighting(sighting);
      }
      // A stretch with nobody heard still takes its time.
      if (sightings.length === 0) await clock.sleep(windowMs);
    }
  }

  return {
    name: 'simulator',
    async start(target) {
      if (store.receivers.length === 0) {
        health.set('degraded', 'the layout has no node or beacon to hear anyone');
        return;
      }
      stopped = false;
      health.set('running');
      const sink = health.track(target);
      run(sink).catch((error: unknown) =>
        health.set('degraded', `simulator failed: ${String(error)}`),
      );
    },
    async stop() {
      stopped = true;
      health.set('stopped');
    },
    health: () => health.snapshot(),
  };
}
