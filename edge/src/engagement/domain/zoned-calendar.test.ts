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
