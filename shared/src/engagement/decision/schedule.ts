import { type CampaignSchedule, minutesOfDay, WEEKDAYS } from '../campaign-schedule.ts';
import { dayNumberOf, type LocalTime } from './zoned-calendar.ts';

/** Half-open minute ranges [start, end) of one local day. */
type DayRanges = ReadonlyArray<readonly [number, number]>;

/**
 * A schedule turned into numbers once per snapshot. Each weekday has the ranges that
 * start on it, and the ranges that spill into it from an overnight window of the day
 * before (those belong to the previous day's date for the date range).
 */
export interface CompiledSchedule {
  fromDay: number;
  untilDay: number | null;
  /** null: all day. */
  own: DayRanges[] | null;
  spill: DayRanges[];
}

export type ScheduleMiss = 'before-start' | 'ended' | 'outside-windows';

export function compileSchedule(schedule: CampaignSchedule): CompiledSchedule {
  const compiled: CompiledSchedule = {
    fromDay: dayNumberOf(schedule.from),
    untilDay: schedule.until === null ? null : dayNumberOf(schedule.until),
    own: null,
    spill: WEEKDAYS.map(() => []),
  };
  if (schedule.windows.length === 0) return compiled;
  const own: [number, number][][] = WEEKDAYS.map(() => []);
  const spill: [number, number][][] = WEEKDAYS.map(() => []);
  for (const window of schedule.windows) {
    const start = minutesOfDay(window.start);
    const end = minutesOfDay(window.end);
    for (const name of new Set(window.days)) {
      const weekday = WEEKDAYS.indexOf(name);
      if (end > start) {
        own[weekday]?.push([start, end]);
      } else {
        own[weekday]?.push([start, 24 * 60]);
        if (end > 0) spill[(weekday + 1) % 7]?.push([0, end]);
      }
    }
  }
  return { ...compiled, own, spill };
}

function inDates(schedule: CompiledSchedule, day: number): boolean {
  return day >= schedule.fromDay && (schedule.untilDay === null || day <= schedule.untilDay);
}

function within(ranges: DayRanges | undefined, minute: number): boolean {
  if (!ranges) return false;
  for (const [start, end] of ranges) if (minute >= start && minute < end) return true;
  return false;
}

/**
 * Null when the schedule runs at this local time, else why not. Windows are read on the
 * wall clock: across a daylight-saving change a 09:00–18:00 window still opens at 09:00,
 * a window inside the skipped spring hour does not open that day, and one inside the
 * repeated autumn hour stays open for both passes of it.
 */
export function scheduleMiss(schedule: CompiledSchedule, local: LocalTime): ScheduleMiss | null {
  if (schedule.own === null) {
    if (local.day < schedule.fromDay) return 'before-start';
    return inDates(schedule, local.day) ? null : 'ended';
  }
  if (within(schedule.own[local.weekday], local.minute) && inDates(schedule, local.day)) {
    return null;
  }
  if (within(schedule.spill[local.weekday], local.minute) && inDates(schedule, local.day - 1)) {
    return null;
  }
  if (local.day < schedule.fromDay) return 'before-start';
  if (schedule.untilDay !== null && local.day > schedule.untilDay) return 'ended';
  return 'outside-windows';
}

export function isScheduled(schedule: CompiledSchedule, local: LocalTime): boolean {
  return scheduleMiss(schedule, local) === null;
}
