import { afterEach, describe, expect, it } from 'vitest';
import type { PresenceSource, SourceSighting } from '../../src/presence/sources/presence-source.ts';
import { settle, waitFor } from '../support/wait.ts';
import { type RecordingSink, recordingSink } from './support/recording-sink.ts';

export interface SourceUnderTest {
  source: PresenceSource;
  /**
   * Makes the source's input carry one reading (a node's message, a radio's advertisement,
   * a recorded line); returns what the delivered sighting must match.
   */
  produce(): Promise<Partial<SourceSighting>>;
  /** Makes the input carry something the source cannot use, when its input can. */
  produceBad?: () => Promise<void>;
  close(): Promise<void>;
}

function matches(sighting: SourceSighting, expected: Partial<SourceSighting>): boolean {
  return Object.entries(expected).every(
    ([key, value]) => (sighting as unknown as Record<string, unknown>)[key] === value,
  );
}

/**
 * What the presence service needs from every source, run once per adapter: MQTT scanner
 * nodes (aedes, or Mosquitto with MQTT_URL), ESPresense, ranging, noble with a fake
 * module, replay and the simulator.
 */
export function describePresenceSourceContract(name: string, open: () => Promise<SourceUnderTest>) {
  describe(`presence source contract: ${name}`, () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    });

    async function started(): Promise<SourceUnderTest & { recorded: RecordingSink }> {
      const under = await open();
      cleanups.push(() => under.close());
      const recorded = recordingSink();
      await under.source.start(recorded.sink);
      cleanups.push(() => under.source.stop());
      return { ...under, recorded };
    }

    function delivered(recorded: RecordingSink, expected: Partial<SourceSighting>) {
      return waitFor(() => recorded.sightings.find((s) => matches(s, expected)), {
        what: `a sighting like ${JSON.stringify(expected)}`,
      });
    }

    it('is stopped until started, and running once started', async () => {
      const under = await open();
      cleanups.push(() => under.close());
      expect(under.source.health().state).toBe('stopped');
      await under.source.start(recordingSink().sink);
      cleanups.push(() => under.source.stop());
      expect(under.source.health().state).toBe('running');
    });

    it('delivers a reading with a receiver, a device, an RSSI in range and an edge time', async () => {
      const under = await started();
      const expected = await under.produce();
      const sighting = await delivered(under.recorded, expected);
      expect(sighting.receiverId.length).toBeGreaterThan(0);
      expect(sighting.deviceId.length).toBeGreaterThan(0);
      expect(sighting.rssi).toBeLessThanOrEqual(0);
      expect(sighting.rssi).toBeGreaterThanOrEqual(-127);
      expect(Number.isFinite(sighting.at)).toBe(true);
      const health = under.source.health();
      expect(health.sightings).toBeGreaterThanOrEqual(1);
      expect(health.lastSightingAt).not.toBeNull();
    });

    it('drops an input it cannot use, counts it, and goes on delivering', async () => {
      const under = await started();
      if (!under.produceBad) return;
      await under.produceBad();
      await waitFor(() => (under.recorded.drops.length > 0 ? true : undefined), {
        what: 'a drop',
      });
      const expected = await under.produce();
      await delivered(under.recorded, expected);
      expect(under.source.health().dropped).toBeGreaterThanOrEqual(1);
      expect(under.recorded.drops[0]?.reason.length).toBeGreaterThan(0);
    });

    it('delivers nothing once stopped', async () => {
      const under = await started();
      await under.source.stop();
      const before = under.recorded.sightings.length;
      await under.produce();
      await settle(200);
      expect(under.recorded.sightings.length).toBe(before);
      expect(under.source.health().state).toBe('stopped');
    });
  });
}
