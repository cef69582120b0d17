import { createZonedCalendar } from './decision/zoned-calendar.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A wall-clock time without a zone, to the minute: `2026-03-29T19:30`. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A local date-time read as if it were UTC (epoch ms); null when it is no calendar time. */
export function wallClockOfLocal(local: string): number | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (match === null) return null;
  const [year, month, date, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  const check = new Date(wall);
  const real =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === date &&
    hour < 24 &&
    minute < 60;
  return real ? wall : null;
}

export type LocalInstant =
  | { kind: 'instant'; at: Date }
  | { kind: 'invalid' }
  /** The clocks jump over this time on that day (a daylight-saving gap). */
  | { kind: 'skipped' };

/**
 * The instant a store's wall clock shows `local`. A time shown twice (the clocks go back)
 * is its first occurrence; a time the clocks skip is `skipped`, never moved silently.
 */
export function instantOfLocal(timeZone: string, local: string): LocalInstant {
  const wall = wallClockOfLocal(local);
  if (wall === null) return { kind: 'invalid' };
  const calendar = createZonedCalendar(timeZone);
  const wallAt = (instant: number) => {
    const time = calendar.at(instant);
    return time.day * DAY_MS + time.minute * MINUTE_MS;
  };
  // Offsets a day either side of the wall clock: the zone's offsets around any transition.
  const offsets = new Set([
    wallAt(wall - DAY_MS) - (wall - DAY_MS),
    wallAt(wall + DAY_MS) - (wall + DAY_MS),
  ]);
  const matches = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallAt(instant) === wall)
    .sort((a, b) => a - b);
  const first = matches[0];
  return first === undefined ? { kind: 'skipped' } : { kind: 'instant', at: new Date(first) };
}
