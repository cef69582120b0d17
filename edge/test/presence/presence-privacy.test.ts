import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, type PresenceEvent } from '../../src/presence/index.ts';
import { CUSTOMER, countingSalts, feed, trackerFor } from './support/tracker-fixtures.ts';

function randomMac(random: ReturnType<typeof createRandom>): string {
  return Array.from({ length: 6 }, () =>
    Math.floor(random.next() * 256)
      .toString(16)
      .padStart(2, '0'),
  ).join(':');
}

describe('anonymous devices', () => {
  it('are counted per zone but produce no events and cannot be looked up', () => {
    const tracker = trackerFor();
    const events = [
      ...feed(tracker, 'aa:bb:cc:00:00:01', { 'node-fitting': -60 }, 0, 5000),
      ...feed(tracker, 'aa:bb:cc:00:00:02', { 'node-fitting': -61 }, 0, 5000),
      ...feed(tracker, 'aa:bb:cc:00:00:03', { 'node-floor-a': -62 }, 0, 5000),
    ];
    expect(events).toEqual([]);
    expect(tracker.presenceOf('aa:bb:cc:00:00:01')).toEqual({ state: 'not-present' });
    expect(tracker.occupancy().zones).toEqual({
      zon_entrance: { identified: 0, anonymous: 0 },
      zon_floor: { identified: 0, anonymous: 1 },
      zon_fitting: { identified: 0, anonymous: 2 },
    });
  });

  it('never put an anonymous identifier in an event, whatever the readings', () => {
    const reading = fc.record({
      device: fc.constantFrom(CUSTOMER, 'de:ad:be:ef:00:01', 'phone-7f3a', 'cus_000999'),
      receiver: fc.constantFrom('node-entrance', 'node-floor-a', 'node-fitting', 'node-x'),
      rssi: fc.integer({ min: -140, max: 10 }),
      step: fc.integer({ min: -5_000, max: 20_000 }),
    });
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 200 }), (readings) => {
        const tracker = trackerFor();
        const events: PresenceEvent[] = [];
        let now = 1_000_000;
        for (const r of readings) {
          now += r.step;
          const outcome = tracker.sighting(
            { deviceId: r.device, receiverId: r.receiver, rssi: r.rssi },
            now,
          );
          if (outcome.ok) events.push(...outcome.events);
          events.push(...tracker.tick(now));
        }
        const text = JSON.stringify(events);
        expect(text).not.toContain('de:ad');
        expect(text).not.toContain('phone-7f3a');
        expect(text).not.toContain('anon:');
      }),
      { numRuns: 300 },
    );
  });

  it('rotates the salt at least every five minutes without counting a device twice', () => {
    const salts = countingSalts();
    const tracker = trackerFor({ newSalt: salts.newSalt, saltRotationMs: 10 * 60_000 });
    feed(tracker, 'aa:bb:cc:00:00:01', { 'node-floor-a': -60 }, 0, 12 * 60_000);
    expect(tracker.stats().saltRotations).toBe(2);
    expect(salts.made).toBe(3);
    expect(tracker.stats().anonymous).toBe(1);
    expect(tracker.occupancy().zones.zon_floor).toEqual({ identified: 0, anonymous: 1 });
  });

  it('keeps memory bounded under 10,000 random addresses a minute', () => {
    const tracker = trackerFor({ maxDevices: 4_000, storeExitAfterMs: 30_000 });
    const random = createRandom(42);
    let peak = 0;
    // Five minutes at 10,000 new addresses a minute, each heard two or three times.
    for (let t = 0; t < 5 * 60_000; t += 100) {
      for (let n = 0; n < 17; n++) {
        const mac = randomMac(random);
        const rssi = -60 - Math.floor(random.next() * 30);
        tracker.sighting({ deviceId: mac, receiverId: 'node-floor-a', rssi }, t);
        tracker.sighting({ deviceId: mac, receiverId: 'node-entrance', rssi: rssi - 5 }, t + 50);
      }
      if (t % 1000 === 0) tracker.tick(t);
      peak = Math.max(peak, tracker.stats().devices);
    }
    expect(peak).toBeLessThanOrEqual(4_000);
    expect(tracker.stats().evictions).toBeGreaterThan(0);
    // Idle devices leave on their own once the flood stops.
    for (let t = 5 * 60_000; t < 6 * 60_000; t += 1000) tracker.tick(t);
    expect(tracker.stats().devices).toBe(0);
    const { zones, unknownZone } = tracker.occupancy();
    expect(Object.values(zones).every((z) => z.anonymous === 0)).toBe(true);
    expect(unknownZone.anonymous).toBe(0);
  });
});

describe('bad input', () => {
  it('rejects RSSI out of range and unknown receivers with a reason, and counts them', () => {
    const tracker = trackerFor();
    expect(
      tracker.sighting({ deviceId: CUSTOMER, receiverId: 'node-floor-a', rssi: 5 }, 0),
    ).toEqual({
      ok: false,
      reason: 'rssi-positive',
    });
    expect(
      tracker.sighting({ deviceId: CUSTOMER, receiverId: 'node-floor-a', rssi: -128 }, 0),
    ).toEqual({
      ok: false,
      reason: 'rssi-below-floor',
    });
    expect(
      tracker.sighting({ deviceId: CUSTOMER, receiverId: 'room-not-in-layout', rssi: -60 }, 0),
    ).toEqual({
      ok: false,
      reason: 'unknown-receiver',
    });
    expect(tracker.stats().rejected).toEqual({
      'rssi-positive': 1,
      'rssi-below-floor': 1,
      'unknown-receiver': 1,
    });
    expect(tracker.stats().devices).toBe(0);
  });
});

describe('clock jumps', () => {
  it('goes on without spurious events when the clock jumps back an hour', () => {
    const tracker = trackerFor();
    feed(tracker, CUSTOMER, { 'node-fitting': -60 }, 10_000_000, 10_010_000);
    const back = 10_010_000 - 3_600_000;
    const events = feed(tracker, CUSTOMER, { 'node-fitting': -60 }, back, back + 15_000);
    expect(events).toEqual([]);
    expect(tracker.presenceOf(CUSTOMER)).toMatchObject({ zoneId: 'zon_fitting' });
    expect(tracker.stats().clockJumps).toBe(1);
  });

  it('does not exit everyone when the clock leaps hours forward', () => {
    const tracker = trackerFor();
    feed(tracker, CUSTOMER, { 'node-fitting': -60 }, 0, 10_000);
    const ahead = 3 * 3_600_000;
    const events = feed(tracker, CUSTOMER, { 'node-fitting': -60 }, ahead, ahead + 10_000);
    expect(events).toEqual([]);
    expect(tracker.presenceOf(CUSTOMER)).toMatchObject({ zoneId: 'zon_fitting' });
  });

  it('still times a real departure correctly after a jump', () => {
    const tracker = trackerFor({ storeExitAfterMs: 30_000 });
    feed(tracker, CUSTOMER, { 'node-fitting': -60 }, 0, 10_000);
    feed(tracker, CUSTOMER, { 'node-fitting': -60 }, 7_200_000, 7_205_000);
    const events: PresenceEvent[] = [];
    for (let t = 7_205_000; t < 7_260_000; t += 1000) events.push(...tracker.tick(t));
    expect(events.map((e) => e.type)).toEqual(['zone-exit', 'store-exit']);
    expect(events[1]?.at).toBeLessThanOrEqual(7_205_000 + 31_000);
  });
});
