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

/**
 * Reads instants in an IANA time zone with the runtime's own zone data (Intl), so that
 * daylight-saving changes follow the same rules as every other clock on the machine.
 * The formatter is built once: it costs far more than a reading.
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
  return {
    timeZone,
    at(instant) {
      let year = 0;
      let month = 0;
      let date = 0;
      let hour = 0;
      let minute = 0;
      for (const part of format.formatToParts(instant)) {
        if (part.type === 'year') year = Number(part.value);
        else if (part.type === 'month') month = Number(part.value);
        else if (part.type === 'day') date = Number(part.value);
        else if (part.type === 'hour') hour = Number(part.value);
        else if (part.type === 'minute') minute = Number(part.value);
      }
      const day = dayNumber(year, month, date);
      return { day, weekday: weekdayOf(day), minute: hour * 60 + minute, year, month };
    },
  };
}
