import type { ArrivalAlert } from '@vitrine/shared';

export interface MergeOptions {
  /** How many alerts the feed keeps; older ones fall off the end. */
  limit?: number;
}

const arrivalTime = (alert: ArrivalAlert): number => Date.parse(alert.arrivedAt);

/**
 * The feed after new alerts come in, from the recent list or the socket: one card per
 * alert id (a re-sent alert replaces its earlier copy, as it may carry a fresher profile),
 * newest arrival first, capped. The same alert arriving by both paths after a reconnect
 * is the normal case, not an error.
 */
export function mergeAlerts(
  current: readonly ArrivalAlert[],
  incoming: readonly ArrivalAlert[],
  { limit = 100 }: MergeOptions = {},
): ArrivalAlert[] {
  const byId = new Map<string, ArrivalAlert>();
  for (const alert of current) byId.set(alert.alertId, alert);
  for (const alert of incoming) byId.set(alert.alertId, alert);
  return [...byId.values()]
    .sort((a, b) => arrivalTime(b) - arrivalTime(a) || a.alertId.localeCompare(b.alertId))
    .slice(0, Math.max(0, limit));
}

/** The calendar day (2026-11-23) of an instant in a time zone. */
export function calendarDay(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD, which compares as a string.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The alerts of one day, by id. Kept apart from the capped feed so that a busy day still
 * counts every arrival, not only the last hundred cards.
 */
export interface DayTally {
  day: string;
  alertIds: readonly string[];
}

export function emptyTally(now: Date, timeZone: string): DayTally {
  return { day: calendarDay(now, timeZone), alertIds: [] };
}

/** Adds the alerts that arrived today; a new day starts a new tally. */
export function tallyToday(
  tally: DayTally,
  alerts: readonly ArrivalAlert[],
  now: Date,
  timeZone: string,
): DayTally {
  const today = calendarDay(now, timeZone);
  const ids = new Set(tally.day === today ? tally.alertIds : []);
  for (const alert of alerts) {
    if (calendarDay(new Date(alert.arrivedAt), timeZone) === today) ids.add(alert.alertId);
  }
  return { day: today, alertIds: [...ids] };
}

/** The count to show now: a tally from yesterday reads as zero after midnight. */
export function countToday(tally: DayTally, now: Date, timeZone: string): number {
  return tally.day === calendarDay(now, timeZone) ? tally.alertIds.length : 0;
}
