import type { ActivityRow, AlertRow, VisitRow } from '../api/analytics-reports.ts';
import { addDays } from './week-calendar.ts';

export interface Series {
  name: string;
  /** One value per day of the period, in order; a day without a row is 0. */
  values: number[];
}

/** Every date from `from` to `to`, inclusive. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < 400; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Sums a value per day over the rows that `keep` selects. */
function perDay<Row extends { day: string }>(
  rows: Row[],
  days: string[],
  value: (row: Row) => number,
): number[] {
  const totals = new Map(days.map((day) => [day, 0]));
  for (const row of rows) {
    const total = totals.get(row.day);
    if (total !== undefined) totals.set(row.day, total + value(row));
  }
  return days.map((day) => totals.get(day) ?? 0);
}

/** Entries per zone per day, zones named (or by id when unknown), the busiest first. */
export function zoneEntries(
  rows: VisitRow[],
  days: string[],
  zoneNames: Map<string, string>,
): Series[] {
  const zones = [...new Set(rows.flatMap((row) => (row.zoneId === null ? [] : [row.zoneId])))];
  return zones
    .map((zoneId) => ({
      name: zoneNames.get(zoneId) ?? zoneId,
      values: perDay(
        rows.filter((row) => row.zoneId === zoneId),
        days,
        (row) => row.entries,
      ),
    }))
    .sort((a, b) => sum(b.values) - sum(a.values));
}

/** Average dwell per zone over the period, in minutes: all stays' time over their count. */
export function zoneDwellMinutes(
  rows: VisitRow[],
  zoneNames: Map<string, string>,
): { label: string; value: number }[] {
  const totals = new Map<string, { seconds: number; stays: number }>();
  for (const row of rows) {
    if (row.zoneId === null) continue;
    const total = totals.get(row.zoneId) ?? { seconds: 0, stays: 0 };
    totals.set(row.zoneId, {
      seconds: total.seconds + row.dwellTotalS,
      stays: total.stays + row.stays,
    });
  }
  return [...totals]
    .filter(([, total]) => total.stays > 0)
    .map(([zoneId, total]) => ({
      label: zoneNames.get(zoneId) ?? zoneId,
      value: Math.round((total.seconds / total.stays / 60) * 10) / 10,
    }));
}

/** Store visits (entries of the store itself) per day. */
export function storeVisits(rows: VisitRow[], days: string[]): Series {
  return {
    name: 'Visits',
    values: perDay(
      rows.filter((row) => row.zoneId === null),
      days,
      (row) => row.entries,
    ),
  };
}

/** Alerts delivered and acknowledged per day, every store of the report together. */
export function alertCounts(rows: AlertRow[], days: string[]): Series[] {
  return [
    { name: 'Delivered', values: perDay(rows, days, (row) => row.delivered) },
    { name: 'Acknowledged', values: perDay(rows, days, (row) => row.acknowledged) },
  ];
}

/**
 * The median time to acknowledge per day, in seconds. With several stores a day's median
 * is each store's median weighted by its acknowledged alerts: an estimate, exact for one store.
 */
export function ackMedianSeconds(rows: AlertRow[], days: string[]): Series {
  const weighted = perDay(rows, days, (row) => (row.ackP50S ?? 0) * row.acknowledged);
  const counts = perDay(rows, days, (row) => (row.ackP50S === null ? 0 : row.acknowledged));
  return {
    name: 'Median time to acknowledge (s)',
    values: weighted.map((total, index) => {
      const count = counts[index] ?? 0;
      return count === 0 ? 0 : Math.round(total / count);
    }),
  };
}

/** Check-ins and scans per day. */
export function activityCounts(rows: ActivityRow[], days: string[]): Series[] {
  return [
    { name: 'Check-ins', values: perDay(rows, days, (row) => row.checkIns) },
    { name: 'Product scans', values: perDay(rows, days, (row) => row.productScans) },
    { name: 'Screen scans', values: perDay(rows, days, (row) => row.screenScans) },
  ];
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
