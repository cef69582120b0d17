import type { EventAttendanceRow, OfferRow } from '../api/analytics-reports.ts';
import type { Series } from './analytics-series.ts';

function perDay(rows: OfferRow[], days: string[], value: (row: OfferRow) => number): number[] {
  const totals = new Map(days.map((day) => [day, 0]));
  for (const row of rows) {
    const total = totals.get(row.day);
    if (total !== undefined) totals.set(row.day, total + value(row));
  }
  return days.map((day) => totals.get(day) ?? 0);
}

/** Phone offers delivered, opened and redeemed per day, over every campaign and offer. */
export function offerCounts(rows: OfferRow[], days: string[]): Series[] {
  return [
    { name: 'Delivered', values: perDay(rows, days, (row) => row.delivered) },
    { name: 'Opened', values: perDay(rows, days, (row) => row.opened) },
    { name: 'Redeemed', values: perDay(rows, days, (row) => row.redeemed) },
  ];
}

export interface PairedBar {
  label: string;
  values: [number, number];
}

/**
 * Per event (summed over the stores shown), the people the yes answers bring against the
 * people the doors admitted; events in the order they start.
 */
export function attendanceBars(rows: EventAttendanceRow[]): PairedBar[] {
  const byEvent = new Map<string, { label: string; startsAt: string; yes: number; came: number }>();
  for (const row of rows) {
    const known = byEvent.get(row.eventId) ?? {
      label: row.eventName,
      startsAt: row.startsAt,
      yes: 0,
      came: 0,
    };
    known.yes += row.expected;
    known.came += row.attended;
    if (row.startsAt < known.startsAt) known.startsAt = row.startsAt;
    byEvent.set(row.eventId, known);
  }
  return [...byEvent.values()]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map(({ label, yes, came }) => ({ label, values: [yes, came] }));
}
