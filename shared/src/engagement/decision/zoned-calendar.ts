/** A wall-clock reading in a store's time zone. */
export interface LocalTime {
  /** The local date as days since 1970-01-01: consecutive dates differ by one. */
  day: number;
  /** Monday 0 … Sunday 6. */
  weekday: number;
  /** Minutes since local midnight, 0 … 1439. */
  minute: number;
  year: number;
  /** January 1 … December 12. */
  month: number;
}

export interface ZonedCalendar {
  readonly timeZone: string;
  /** The local wall clock at an instant (epoch milliseconds). */
  at(instant: number): LocalTime;
}

const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date, for comparing dates as numbers. */
export function dayNumber(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD`. */
export function dayNumberOf(isoDate: string): number {
  return dayNumber(
    Number(isoDate.slice(0, 4)),
    Number(isoDate.slice(5, 7)),
    Number(isoDate.slice(8, 10)),
  );
}

/** 1970-01-01 was a Thursday (3 with Monday as 0). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** A wall clock read as if it were UTC: local midnight of a date is a multiple of a day. */
function wallClockOf(parts: Intl.DateTimeFormatPart[]): number {
  let year = 0;
  let month = 0;
  let date = 0;
  let hour = 0;
  let minute = 0;
  for (const part of parts) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') date = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return Date.UTC(year, month - 1, date, hour, minute);
}

function localTimeOf(wallClock: number): LocalTime {
  const day = Math.floor(wallClock / DAY_MS);
  const midnight = new Date(day * DAY_MS);
  return {
    day,
    weekday: weekdayOf(day),
    minute: Math.floor((wallClock - day * DAY_MS) / MINUTE_MS),
    year: midnight.getUTCFullYear(),
    month: midnight.getUTCMonth() + 1,
  };
}

/**
 * Reads instants in an IANA time zone with the runtime's own zone data (Intl), so that
 * daylight-saving changes follow the same rules as every other clock on the machine.
 *
 * Asking Intl costs microseconds; a decision may not spend that on every event. Offsets
 * change only at a zone's transitions, so the calendar reads the offset at both ends of
 * the quarter hour an instant falls in and reuses it for the whole quarter when both
 * agree; a quarter that holds a transition is read from Intl instant by instant.
 */
export function createZonedCalendar(timeZone: string): ZonedCalendar {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsetAt = (minuteStart: number) =>
    wallClockOf(format.formatToParts(minuteStart)) - minuteStart;
  let quarter = Number.NaN;
  /** The quarter's offset, or null when a transition falls inside it. */
  let offset: number | null = null;
  return {
    timeZone,
    at(instant) {
      const minuteStart = Math.floor(instant / MINUTE_MS) * MINUTE_MS;
      const current = Math.floor(instant / QUARTER_MS);
      if (current !== quarter) {
        const first = offsetAt(current * QUARTER_MS);
        const last = offsetAt((current + 1) * QUARTER_MS - MINUTE_MS);
        quarter = current;
        offset = first === last ? first : null;
      }
      return localTimeOf(minuteStart + (offset ?? offsetAt(minuteStart)));
    },
  };
}
