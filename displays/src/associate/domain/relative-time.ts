const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface RelativeTimeOptions {
  locale?: string;
}

/**
 * "now", "4 min. ago", "2 hr. ago", "yesterday": how long ago a customer arrived,
 * as an associate glances at it. Times slightly in the future (clock skew between the
 * edge and the tablet) read as "now" rather than "in 3 sec.".
 */
export function formatRelativeTime(
  at: Date | string,
  now: Date,
  { locale = 'en' }: RelativeTimeOptions = {},
): string {
  const then = typeof at === 'string' ? new Date(at) : at;
  const elapsed = now.getTime() - then.getTime();
  if (Number.isNaN(elapsed)) return '';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  if (elapsed < 45_000) return format.format(0, 'second');
  if (elapsed < HOUR_MS)
    return format.format(-Math.max(1, Math.round(elapsed / MINUTE_MS)), 'minute');
  if (elapsed < DAY_MS) return format.format(-Math.floor(elapsed / HOUR_MS), 'hour');
  return format.format(-Math.floor(elapsed / DAY_MS), 'day');
}

export interface ClockOptions {
  locale?: string;
  timeZone?: string;
}

/** The wall-clock time of an arrival (14:05), shown beside the relative time. */
export function formatClockTime(
  at: Date | string,
  { locale = 'en', timeZone }: ClockOptions = {},
): string {
  const then = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(then.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(then);
}

/** A purchase date (12 Mar 2026), in the tablet's locale. */
export function formatDate(
  at: Date | string,
  { locale = 'en', timeZone }: ClockOptions = {},
): string {
  const then = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(then.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(then);
}
