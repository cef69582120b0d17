import { describe, expect, it } from 'vitest';
import { type CampaignScheduleInput, campaignScheduleSchema } from '../campaign-schedule.ts';
import { compileSchedule, isScheduled, scheduleMiss } from './schedule.ts';
import { createZonedCalendar } from './zoned-calendar.ts';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MINUTE = 60_000;

function scheduleOf(input: CampaignScheduleInput) {
  return compileSchedule(campaignScheduleSchema.parse(input));
}

function daily(start: string, end: string) {
  return scheduleOf({ from: '2026-01-01', windows: [{ days: [...EVERY_DAY], start, end }] });
}

/** Real minutes during which the schedule runs between two UTC instants. */
function activeMinutes(
  input: ReturnType<typeof daily>,
  timeZone: string,
  from: string,
  to: string,
) {
  const calendar = createZonedCalendar(timeZone);
  let minutes = 0;
  for (let t = Date.parse(from); t < Date.parse(to); t += MINUTE) {
    if (isScheduled(input, calendar.at(t))) minutes++;
  }
  return minutes;
}

/** The first instant (minute) from `from` at which the schedule runs. */
function opensAt(input: ReturnType<typeof daily>, timeZone: string, from: string): string {
  const calendar = createZonedCalendar(timeZone);
  let t = Date.parse(from);
  while (!isScheduled(input, calendar.at(t))) t += MINUTE;
  return new Date(t).toISOString();
}

describe('schedules in the store time zone', () => {
  it('opens 09:00 local in Paris before and after the spring-forward change', () => {
    const opening = daily('09:00', '18:00');
    expect(opensAt(opening, 'Europe/Paris', '2026-03-28T00:00:00Z')).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(opensAt(opening, 'Europe/Paris', '2026-03-29T00:00:00Z')).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('never opens a window inside the skipped spring hour in Paris', () => {
    const skipped = daily('02:00', '03:00');
    expect(
      activeMinutes(skipped, 'Europe/Paris', '2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z'),
    ).toBe(0);
    expect(
      activeMinutes(skipped, 'Europe/Paris', '2026-03-27T22:00:00Z', '2026-03-28T04:00:00Z'),
    ).toBe(60);
  });

  it('keeps a window inside the repeated autumn hour open for both passes in Paris', () => {
    const repeated = daily('02:00', '03:00');
    expect(
      activeMinutes(repeated, 'Europe/Paris', '2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z'),
    ).toBe(120);
  });

  it('runs a 09:00–18:00 day for 9 real hours on both change days in Paris', () => {
    const day = daily('09:00', '18:00');
    expect(activeMinutes(day, 'Europe/Paris', '2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(
      540,
    );
    expect(activeMinutes(day, 'Europe/Paris', '2026-10-25T00:00:00Z', '2026-10-26T00:00:00Z')).toBe(
      540,
    );
  });

  it('shortens a window across the spring-forward change in New York', () => {
    const night = daily('01:00', '04:00');
    expect(
      activeMinutes(night, 'America/New_York', '2026-03-08T04:00:00Z', '2026-03-08T12:00:00Z'),
    ).toBe(120);
    expect(opensAt(daily('09:00', '18:00'), 'America/New_York', '2026-03-07T00:00:00Z')).toBe(
      '2026-03-07T14:00:00.000Z',
    );
    expect(opensAt(daily('09:00', '18:00'), 'America/New_York', '2026-03-08T00:00:00Z')).toBe(
      '2026-03-08T13:00:00.000Z',
    );
  });

  it('keeps the repeated hour open twice at the fall-back change in New York', () => {
    const repeated = daily('01:00', '02:00');
    expect(
      activeMinutes(repeated, 'America/New_York', '2026-11-01T03:00:00Z', '2026-11-01T09:00:00Z'),
    ).toBe(120);
  });

  it('opens the same campaign at 18:00 in Tokyo and, hours later, at 18:00 in Paris', () => {
    const evening = scheduleOf({
      from: '2026-12-01',
      windows: [{ days: [...EVERY_DAY], start: '18:00', end: '21:00' }],
    });
    expect(opensAt(evening, 'Asia/Tokyo', '2026-11-30T00:00:00Z')).toBe('2026-12-01T09:00:00.000Z');
    expect(opensAt(evening, 'Europe/Paris', '2026-11-30T00:00:00Z')).toBe(
      '2026-12-01T17:00:00.000Z',
    );
  });

  it('reads the date range as local dates, the end date included', () => {
    const december = scheduleOf({ from: '2026-12-01', until: '2026-12-31' });
    const tokyo = createZonedCalendar('Asia/Tokyo');
    const newYork = createZonedCalendar('America/New_York');
    expect(isScheduled(december, tokyo.at(Date.parse('2026-11-30T15:00:00Z')))).toBe(true);
    expect(isScheduled(december, newYork.at(Date.parse('2026-11-30T15:00:00Z')))).toBe(false);
    expect(isScheduled(december, newYork.at(Date.parse('2027-01-01T04:59:00Z')))).toBe(true);
    expect(scheduleMiss(december, newYork.at(Date.parse('2027-01-01T05:00:00Z')))).toBe('ended');
    expect(scheduleMiss(december, newYork.at(Date.parse('2026-11-30T15:00:00Z')))).toBe(
      'before-start',
    );
  });

  it('runs an overnight window into the next morning, on the dates of the day it starts', () => {
    const tokyo = createZonedCalendar('Asia/Tokyo');
    // Friday 2026-12-04 22:00 – Saturday 02:00 in Tokyo (UTC+9).
    const lateFriday = scheduleOf({
      from: '2026-12-04',
      until: '2026-12-04',
      windows: [{ days: ['fri'], start: '22:00', end: '02:00' }],
    });
    expect(isScheduled(lateFriday, tokyo.at(Date.parse('2026-12-04T12:59:00Z')))).toBe(false);
    expect(isScheduled(lateFriday, tokyo.at(Date.parse('2026-12-04T13:00:00Z')))).toBe(true);
    expect(isScheduled(lateFriday, tokyo.at(Date.parse('2026-12-04T16:00:00Z')))).toBe(true);
    expect(scheduleMiss(lateFriday, tokyo.at(Date.parse('2026-12-04T17:00:00Z')))).toBe('ended');
    const fromSaturday = scheduleOf({
      from: '2026-12-05',
      windows: [{ days: ['fri'], start: '22:00', end: '02:00' }],
    });
    // Saturday 01:00 is on the start date, but its window began on Friday, before the start.
    expect(scheduleMiss(fromSaturday, tokyo.at(Date.parse('2026-12-04T16:00:00Z')))).toBe(
      'outside-windows',
    );
  });

  it('says a time between windows is outside them, and runs a window until 24:00', () => {
    const tokyo = createZonedCalendar('Asia/Tokyo');
    const lateShift = scheduleOf({
      from: '2026-12-01',
      windows: [{ days: ['mon', 'tue'], start: '20:00', end: '24:00' }],
    });
    // Tuesday 2026-12-01 in Tokyo.
    expect(scheduleMiss(lateShift, tokyo.at(Date.parse('2026-12-01T10:00:00Z')))).toBe(
      'outside-windows',
    );
    expect(isScheduled(lateShift, tokyo.at(Date.parse('2026-12-01T14:59:00Z')))).toBe(true);
    expect(isScheduled(lateShift, tokyo.at(Date.parse('2026-12-01T15:00:00Z')))).toBe(false);
  });
});
