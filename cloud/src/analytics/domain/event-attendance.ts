import type { EventSession } from '@vitrine/shared';
import type { EventAttendanceRow } from '../analytics-schemas.ts';

export interface AttendanceEvent {
  id: string;
  name: string;
  sessions: EventSession[];
}

export interface InvitationCounts {
  invited: number;
  yes: number;
  no: number;
  maybe: number;
  pending: number;
  expected: number;
}

/** The local calendar day of an instant in a time zone, YYYY-MM-DD. */
export function localDayOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

const keyOf = (eventId: string, storeId: string) => `${eventId}|${storeId}`;

/**
 * One row per event session (an event at one store) starting on a local day of the period:
 * the invitations to that store and their answers, against the people its door admitted.
 */
export function eventAttendanceRows(
  events: AttendanceEvent[],
  {
    from,
    to,
    storeId,
    invitations,
    admissions,
  }: {
    from: string;
    to: string;
    storeId?: string;
    /** By `eventId|storeId`. */
    invitations: ReadonlyMap<string, InvitationCounts>;
    /** People admitted, by `eventId|storeId`. */
    admissions: ReadonlyMap<string, number>;
  },
): EventAttendanceRow[] {
  const rows: EventAttendanceRow[] = [];
  for (const event of events) {
    for (const session of event.sessions) {
      if (storeId !== undefined && session.storeId !== storeId) continue;
      const day = localDayOf(session.startsAt, session.timeZone);
      if (day < from || day > to) continue;
      const key = keyOf(event.id, session.storeId);
      const counts = invitations.get(key);
      const expected = counts?.expected ?? 0;
      const attended = admissions.get(key) ?? 0;
      rows.push({
        day,
        eventId: event.id,
        eventName: event.name,
        storeId: session.storeId,
        startsAt: session.startsAt,
        invited: counts?.invited ?? 0,
        rsvpYes: counts?.yes ?? 0,
        rsvpNo: counts?.no ?? 0,
        rsvpMaybe: counts?.maybe ?? 0,
        rsvpPending: counts?.pending ?? 0,
        expected,
        attended,
        attendanceRate: expected === 0 ? null : attended / expected,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      a.eventId.localeCompare(b.eventId) ||
      a.storeId.localeCompare(b.storeId),
  );
}

export { keyOf as attendanceKey };
