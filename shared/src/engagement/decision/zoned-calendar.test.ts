import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createZonedCalendar, dayNumberOf } from './zoned-calendar.ts';

describe('zoned calendar', () => {
  it('reads the local date, weekday and minute of an instant', () => {
    const tokyo = createZonedCalendar('Asia/Tokyo');
    // 2026-12-04 is a Friday; 23:30 UTC on the 3rd is 08:30 on the 4th in Tokyo.
    expect(tokyo.at(Date.parse('2026-12-03T23:30:00Z'))).toEqual({
      day: dayNumberOf('2026-12-04'),
      weekday: 4,
      minute: 8 * 60 + 30,
      year: 2026,
      month: 12,
    });
  });

  it('reads local midnight as minute 0, never as hour 24', () => {
    const paris = createZonedCalendar('Europe/Paris');
    expect(paris.at(Date.parse('2026-11-30T23:00:00Z'))).toMatchObject({ minute: 0, month: 12 });
  });

  it('follows daylight saving: the same UTC hour is a different local hour', () => {
    const newYork = createZonedCalendar('America/New_York');
    expect(newYork.at(Date.parse('2026-03-07T14:00:00Z')).minute).toBe(9 * 60);
    expect(newYork.at(Date.parse('2026-03-09T14:00:00Z')).minute).toBe(10 * 60);
  });

  it('counts days so that consecutive dates differ by one across a month end', () => {
    expect(dayNumberOf('2026-03-01') - dayNumberOf('2026-02-28')).toBe(1);
    expect(dayNumberOf('1970-01-01')).toBe(0);
  });
});

/** The local reading straight from Intl, nothing reused. */
function reference(timeZone: string, instant: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  return {
    date: `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`,
    minute: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
  };
}

const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
];

describe('zoned calendar against Intl', () => {
  it('reads every minute around the 2026 changes as Intl does', () => {
    for (const [timeZone, change] of [
      ['Europe/Paris', '2026-03-29T01:00:00Z'],
      ['Europe/Paris', '2026-10-25T01:00:00Z'],
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
    ] as const) {
      const calendar = createZonedCalendar(timeZone);
      for (
        let t = Date.parse(change) - 3_600_000;
        t < Date.parse(change) + 3_600_000;
        t += 60_000
      ) {
        const local = calendar.at(t);
        const expected = reference(timeZone, t);
        expect(
          { day: local.day, minute: local.minute },
          `${timeZone} ${new Date(t).toISOString()}`,
        ).toEqual({
          day: dayNumberOf(expected.date),
          minute: expected.minute,
        });
      }
    }
  });

  it('reads any instant, in any order, as Intl does', () => {
    const calendars = new Map(ZONES.map((zone) => [zone, createZonedCalendar(zone)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({
          min: Date.parse('2020-01-01T00:00:00Z'),
          max: Date.parse('2032-01-01T00:00:00Z'),
        }),
        (timeZone, instant) => {
          const local = calendars.get(timeZone)?.at(instant);
          const expected = reference(timeZone, instant);
          expect(local && { day: local.day, minute: local.minute }).toEqual({
            day: dayNumberOf(expected.date),
            minute: expected.minute,
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
