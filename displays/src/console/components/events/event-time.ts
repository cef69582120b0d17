import type { EventSession } from '@vitrine/shared';

/** A session's start and end on its store's own clock, with the zone named. */
export function sessionTime(session: EventSession, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: session.timeZone,
  });
  const end = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: session.timeZone });
  return `${format.format(new Date(session.startsAt))}–${end.format(new Date(session.endsAt))} (${session.timeZone})`;
}
