import { describe, expect, it } from 'vitest';
import type { AlertRow, VisitRow } from '../api/analytics-reports.ts';
import {
  ackMedianSeconds,
  alertCounts,
  daysOf,
  storeVisits,
  zoneDwellMinutes,
  zoneEntries,
} from './analytics-series.ts';

const visit = (
  day: string,
  zoneId: string | null,
  entries: number,
  stays = 0,
  dwellTotalS = 0,
): VisitRow => ({
  day,
  storeId: 'sto_paris-rivoli',
  zoneId,
  entries,
  visitors: entries,
  stays,
  dwellTotalS,
  dwellAvgS: stays === 0 ? null : dwellTotalS / stays,
});
const alert = (
  day: string,
  storeId: string,
  acknowledged: number,
  ackP50S: number | null,
): AlertRow => ({
  day,
  storeId,
  delivered: acknowledged + 1,
  acknowledged,
  ackP50S,
  ackP90S: ackP50S,
});
const days = daysOf('2026-11-29', '2026-12-01');
const names = new Map([
  ['zon_floor', 'Main floor'],
  ['zon_lounge', 'Client lounge'],
]);

describe('the analytics series', () => {
  it('lists every day of the period, across a month end', () => {
    expect(days).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });

  it('gives each zone a line with zero on days it had no row, busiest zone first', () => {
    const rows = [
      visit('2026-11-29', 'zon_floor', 2),
      visit('2026-12-01', 'zon_lounge', 9),
      visit('2026-11-30', null, 40),
      visit('2026-12-01', 'zon_floor', 3),
    ];
    expect(zoneEntries(rows, days, names)).toEqual([
      { name: 'Client lounge', values: [0, 0, 9] },
      { name: 'Main floor', values: [2, 0, 3] },
    ]);
    expect(storeVisits(rows, days).values).toEqual([0, 40, 0]);
  });

  it("averages a zone's dwell over all its stays, not over its days", () => {
    const rows = [
      visit('2026-11-29', 'zon_floor', 1, 1, 600),
      visit('2026-11-30', 'zon_floor', 3, 3, 360),
    ];
    expect(zoneDwellMinutes(rows, names)).toEqual([{ label: 'Main floor', value: 4 }]);
  });

  it("weights each store's median time to acknowledge by its acknowledged alerts", () => {
    const rows = [
      alert('2026-11-29', 'sto_paris-rivoli', 3, 10),
      alert('2026-11-29', 'sto_tokyo-ginza', 1, 50),
      alert('2026-11-30', 'sto_paris-rivoli', 0, null),
    ];
    expect(ackMedianSeconds(rows, days).values).toEqual([20, 0, 0]);
    expect(alertCounts(rows, days)).toEqual([
      { name: 'Delivered', values: [6, 1, 0] },
      { name: 'Acknowledged', values: [4, 0, 0] },
    ]);
  });
});
