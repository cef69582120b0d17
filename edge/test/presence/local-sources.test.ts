import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createNobleSource } from '../../src/presence/sources/noble-source.ts';
import type { PresenceSource } from '../../src/presence/sources/presence-source.ts';
import { createReplaySource, replayLine } from '../../src/presence/sources/replay-source.ts';
import { createSimulatorSource } from '../../src/presence/sources/simulator-source.ts';
import { waitFor } from '../support/wait.ts';
import { fakeClock } from './support/fake-clock.ts';
import { fakeNobleModule, iBeaconManufacturerData } from './support/fake-noble.ts';
import { recordingSink } from './support/recording-sink.ts';
import { testLayout } from './support/store-layouts.ts';

const logger = pino({ level: 'silent' });
const sources: PresenceSource[] = [];
afterEach(async () => {
  for (const source of sources.splice(0)) await source.stop();
});

function manualTimer() {
  let check: (() => void) | null = null;
  return {
    every: (fn: () => void) => {
      check = fn;
      return () => {
        check = null;
      };
    },
    fire: () => check?.(),
  };
}

describe('the gateway radio (noble)', () => {
  it('restarts scanning after a silence and says so in its health', async () => {
    const { module, noble } = fakeNobleModule();
    let now = 0;
    const timer = manualTimer();
    const source = createNobleSource({
      receiverId: 'gateway',
      logger,
      loadNoble: async () => module,
      watchdogMs: 30_000,
      now: () => now,
      every: timer.every,
    });
    sources.push(source);
    await source.start(recordingSink().sink);
    expect(noble.scans).toBe(1);
    now = 29_000;
    timer.fire();
    expect(noble.scans).toBe(1);
    now = 31_000;
    timer.fire();
    await waitFor(() => (noble.scans === 2 ? true : undefined));
    expect(noble.stops).toBe(1);
    expect(source.health()).toMatchObject({ state: 'degraded', restarts: 1 });
    noble.emit('discover', {
      address: 'c0:ff:ee:00:00:02',
      rssi: -70,
      advertisement: { manufacturerData: iBeaconManufacturerData(1, 1) },
    });
    expect(source.health().state).toBe('running');
  });

  it('waits for the adapter to power on, and degrades while it is off', async () => {
    const { module, noble } = fakeNobleModule({ state: 'poweredOff' });
    const source = createNobleSource({
      receiverId: 'gateway',
      logger,
      loadNoble: async () => module,
    });
    sources.push(source);
    await source.start(recordingSink().sink);
    expect(noble.scans).toBe(0);
    noble.emit('stateChange', 'poweredOn');
    await waitFor(() => (noble.scans === 1 ? true : undefined));
    expect(source.health().state).toBe('running');
    noble.emit('stateChange', 'poweredOff');
    expect(source.health()).toMatchObject({ state: 'degraded', detail: 'adapter poweredOff' });
  });

  it('degrades, without failing the edge, when noble cannot load (no adapter)', async () => {
    const source = createNobleSource({
      receiverId: 'gateway',
      logger,
      loadNoble: async () => {
        throw new Error('EAFNOSUPPORT, Address family not supported by protocol');
      },
    });
    sources.push(source);
    await source.start(recordingSink().sink);
    expect(source.health().state).toBe('degraded');
    expect(source.health().detail).toContain('EAFNOSUPPORT');
  });

  it('keeps a device that is no beacon under its address', async () => {
    const { module, noble } = fakeNobleModule();
    const source = createNobleSource({
      receiverId: 'gateway',
      logger,
      loadNoble: async () => module,
    });
    sources.push(source);
    const recorded = recordingSink();
    await source.start(recorded.sink);
    noble.emit('discover', { address: '4a:11:22:33:44:55', rssi: -80, advertisement: {} });
    expect(recorded.sightings[0]?.deviceId).toBe('4a:11:22:33:44:55');
  });
});

describe('replay', () => {
  const lines = [
    replayLine({ at: 1000, receiverId: 'node-entrance', deviceId: 'a', rssi: -60 }),
    replayLine({ at: 3000, receiverId: 'node-entrance', online: false }),
    replayLine({ at: 4000, receiverId: 'esp-floor', deviceId: 'a', rssi: -70 }),
  ];

  it('plays a recording as it happened, shifted to now, on the clock', async () => {
    const clock = fakeClock(50_000);
    const source = createReplaySource({ input: { lines }, clock });
    sources.push(source);
    const recorded = recordingSink();
    await source.start(recorded.sink);
    await source.finished;
    expect(recorded.sightings.map((s) => s.at)).toEqual([50_000, 53_000]);
    expect(recorded.statuses).toEqual([{ receiverId: 'node-entrance', online: false, at: 52_000 }]);
    expect(source.health().detail).toBe('replay finished after 3 lines');
  });

  it('plays it as fast as possible with the recorded times, twice as fast at speed 2', async () => {
    const fast = createReplaySource({ input: { lines }, pace: 'fast' });
    const twice = createReplaySource({ input: { lines }, speed: 2, clock: fakeClock(0) });
    sources.push(fast, twice);
    const a = recordingSink();
    const b = recordingSink();
    await fast.start(a.sink);
    await twice.start(b.sink);
    await Promise.all([fast.finished, twice.finished]);
    expect(a.sightings.map((s) => s.at)).toEqual([1000, 4000]);
    expect(b.sightings.map((s) => s.at)).toEqual([0, 1500]);
  });

  it('degrades when the recording cannot be read', async () => {
    const source = createReplaySource({ input: { file: '/nonexistent/recording.jsonl' } });
    sources.push(source);
    await source.start(recordingSink().sink);
    await source.finished;
    expect(source.health().state).toBe('degraded');
  });
});

describe('the store simulator', () => {
  it('walks people through the layout, heard only by its receivers', async () => {
    const layout = testLayout('sto_simulated');
    const source = createSimulatorSource({ layout, clock: fakeClock(), windowMs: 60_000 });
    sources.push(source);
    const recorded = recordingSink();
    await source.start(recorded.sink);
    await waitFor(() => (recorded.sightings.length > 200 ? true : undefined));
    const nodes = new Set(layout.nodes.map((node) => node.id));
    expect(recorded.sightings.every((s) => nodes.has(s.receiverId))).toBe(true);
  });

  it('degrades in a store with nothing to hear anyone', async () => {
    const layout = { ...testLayout('sto_empty'), nodes: [], beacons: [] };
    const source = createSimulatorSource({ layout });
    sources.push(source);
    await source.start(recordingSink().sink);
    expect(source.health().state).toBe('degraded');
  });
});
