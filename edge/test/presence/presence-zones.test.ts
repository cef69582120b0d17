import { describe, expect, it } from 'vitest';
import { CUSTOMER, feed, silence, trackerFor, types } from './support/tracker-fixtures.ts';

describe('zone presence', () => {
  it('starts not present, then enters the store and the zone on clear readings', () => {
    const tracker = trackerFor();
    expect(tracker.presenceOf(CUSTOMER)).toEqual({ state: 'not-present' });
    const events = feed(tracker, CUSTOMER, { 'node-entrance': -60, 'node-floor-a': -85 }, 0, 3000);
    expect(types(events)).toEqual(['store-enter', 'zone-enter zon_entrance']);
    expect(tracker.presenceOf(CUSTOMER)).toMatchObject({
      state: 'present',
      zoneId: 'zon_entrance',
    });
  });

  it('does not switch zones on a single strong reading', () => {
    const tracker = trackerFor();
    feed(tracker, CUSTOMER, { 'node-entrance': -60, 'node-floor-a': -80 }, 0, 20_000);
    const spike = tracker.sighting(
      { deviceId: CUSTOMER, receiverId: 'node-floor-a', rssi: -40 },
      20_000,
    );
    expect(spike.ok && spike.events).toEqual([]);
    const after = feed(
      tracker,
      CUSTOMER,
      { 'node-entrance': -60, 'node-floor-a': -80 },
      21_000,
      40_000,
    );
    expect(
      types(after).filter((t) => t.startsWith('zone-enter') || t.startsWith('zone-exit')),
    ).toEqual([]);
  });

  it('switches once the new zone has won by the margin for the minimum time', () => {
    const tracker = trackerFor({ minSwitchMs: 4_000, firstZoneGraceMs: 20_000 });
    // Past the first zone's grace period: the full switching rules apply.
    feed(tracker, CUSTOMER, { 'node-entrance': -60, 'node-floor-a': -80 }, 0, 30_000);
    const events = feed(
      tracker,
      CUSTOMER,
      { 'node-entrance': -74, 'node-floor-a': -58 },
      30_000,
      60_000,
    );
    const moves = events.filter((e) => e.type === 'zone-exit' || e.type === 'zone-enter');
    expect(types(moves)).toEqual(['zone-exit zon_entrance', 'zone-enter zon_floor']);
    expect(moves[0]).toMatchObject({ reason: 'moved' });
    // Smoothing plus the minimum time: not at the first reading, and not long after.
    expect(moves[0]?.at).toBeGreaterThanOrEqual(34_000);
    expect(moves[0]?.at).toBeLessThanOrEqual(45_000);
  });

  it('corrects a wrong first zone of a visit within a few readings', () => {
    const tracker = trackerFor({ minSwitchMs: 4_000, firstZoneGraceMs: 20_000 });
    // The entrance node missed the first advertisements: the floor is named first.
    const first = feed(tracker, CUSTOMER, { 'node-floor-a': -70 }, 0, 2_000);
    expect(types(first)).toEqual(['store-enter', 'zone-enter zon_floor']);
    const events = feed(
      tracker,
      CUSTOMER,
      { 'node-entrance': -60, 'node-floor-a': -72 },
      2_000,
      10_000,
    );
    const moves = events.filter((e) => e.type === 'zone-exit' || e.type === 'zone-enter');
    expect(types(moves)).toEqual(['zone-exit zon_floor', 'zone-enter zon_entrance']);
    expect(moves[1]?.at).toBeLessThanOrEqual(4_000);
  });

  it('applies the receiver calibration offset when comparing zones', () => {
    const tracker = trackerFor();
    // -70 + 4 dB of calibration beats -72 by 6 dB; uncalibrated, 2 dB would be too close to call.
    const events = feed(
      tracker,
      CUSTOMER,
      { 'node-entrance': -72, 'node-floor-b': -70 },
      0,
      10_000,
    );
    expect(types(events)).toEqual(['store-enter', 'zone-enter zon_floor']);
  });

  it('stays unknown rather than guess between two equally strong zones', () => {
    const tracker = trackerFor();
    const events = feed(
      tracker,
      CUSTOMER,
      { 'node-entrance': -65, 'node-floor-a': -65 },
      0,
      30_000,
    );
    expect(types(events)).toEqual(['store-enter']);
    expect(tracker.presenceOf(CUSTOMER)).toMatchObject({ state: 'present', zoneId: null });
    expect(tracker.occupancy().unknownZone.identified).toBe(1);
  });

  it('uses separate enter and exit thresholds', () => {
    const tracker = trackerFor({ enterThresholdDbm: -76, exitThresholdDbm: -84 });
    expect(types(feed(tracker, CUSTOMER, { 'node-fitting': -79 }, 0, 10_000))).toEqual([
      'store-enter',
    ]);
    feed(tracker, CUSTOMER, { 'node-fitting': -70 }, 10_000, 30_000);
    expect(tracker.presenceOf(CUSTOMER)).toMatchObject({ zoneId: 'zon_fitting' });
    // Between the two thresholds the stay goes on.
    const between = feed(tracker, CUSTOMER, { 'node-fitting': -80 }, 30_000, 60_000);
    expect(between.filter((e) => e.type === 'zone-exit')).toEqual([]);
    const below = feed(tracker, CUSTOMER, { 'node-fitting': -90 }, 60_000, 90_000);
    expect(below.filter((e) => e.type === 'zone-exit')).toMatchObject([{ reason: 'faded' }]);
  });

  it('fires each dwell threshold once per stay', () => {
    const tracker = trackerFor({ dwellThresholdsMs: [30_000, 120_000] });
    const events = feed(tracker, CUSTOMER, { 'node-fitting': -60 }, 0, 200_000);
    const dwells = events.filter((e) => e.type === 'zone-dwell');
    expect(dwells.map((e) => e.type === 'zone-dwell' && e.dwellMs)).toEqual([30_000, 120_000]);
    expect(dwells[0]?.at).toBeLessThanOrEqual(32_000);
  });

  it('leaves the zone after its timeout and the store after the store timeout', () => {
    const tracker = trackerFor({ zoneExitAfterMs: 10_000, storeExitAfterMs: 30_000 });
    feed(tracker, CUSTOMER, { 'node-entrance': -60 }, 0, 10_000);
    const events = silence(tracker, 10_000, 60_000);
    expect(types(events)).toEqual(['zone-exit zon_entrance', 'store-exit']);
    const [zoneExit, storeExit] = events;
    // The last reading was at 9 s; ticks every second.
    expect(zoneExit?.at).toBeGreaterThan(19_000);
    expect(zoneExit?.at).toBeLessThanOrEqual(20_000);
    expect(storeExit?.at).toBeGreaterThan(39_000);
    expect(storeExit?.at).toBeLessThanOrEqual(40_000);
    expect(tracker.presenceOf(CUSTOMER)).toEqual({ state: 'not-present' });
    expect(tracker.stats().devices).toBe(0);
  });

  it('makes the zone unknown, not wrong, when its receivers go offline', () => {
    const tracker = trackerFor();
    feed(tracker, CUSTOMER, { 'node-fitting': -62, 'node-floor-a': -78 }, 0, 10_000);
    const events = tracker.receiverStatus('node-fitting', false, 10_000);
    expect(events).toMatchObject([
      { type: 'zone-exit', zoneId: 'zon_fitting', reason: 'receivers-offline' },
    ]);
    // The floor node still hears the device, weakly: that must not name the floor.
    const later = feed(
      tracker,
      CUSTOMER,
      { 'node-fitting': -62, 'node-floor-a': -74 },
      10_000,
      40_000,
    );
    expect(later.filter((e) => e.type === 'zone-enter')).toEqual([]);
    expect(tracker.presenceOf(CUSTOMER)).toMatchObject({ state: 'present', zoneId: null });
    tracker.receiverStatus('node-fitting', true, 40_000);
    const back = feed(
      tracker,
      CUSTOMER,
      { 'node-fitting': -62, 'node-floor-a': -74 },
      40_000,
      45_000,
    );
    expect(types(back)).toEqual(['zone-enter zon_fitting']);
  });

  it('works the same with the one-euro filter', () => {
    const tracker = trackerFor({ smoothing: { kind: 'one-euro' } });
    const events = feed(tracker, CUSTOMER, { 'node-floor-a': -60 }, 0, 5000);
    expect(types(events)).toEqual(['store-enter', 'zone-enter zon_floor']);
  });
});
