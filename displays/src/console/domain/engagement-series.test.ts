import { describe, expect, it } from 'vitest';
import { attendanceBars, offerCounts } from './engagement-series.ts';

const offer = (day: string, delivered: number, opened: number, redeemed: number) => ({
  day,
  storeId: 'sto_paris-rivoli',
  campaignId: 'cmp_dwell',
  offerId: 'off_coffee',
  delivered,
  opened,
  redeemed,
  openRate: null,
  redemptionRate: null,
});

const session = (
  eventId: string,
  storeId: string,
  startsAt: string,
  expected: number,
  attended: number,
) => ({
  day: startsAt.slice(0, 10),
  eventId,
  eventName: `Event ${eventId}`,
  storeId,
  startsAt,
  invited: expected,
  rsvpYes: expected,
  rsvpNo: 0,
  rsvpMaybe: 0,
  rsvpPending: 0,
  expected,
  attended,
  attendanceRate: null,
});

describe('offer and event series', () => {
  it('sums offers per day, a day without a row at zero', () => {
    const days = ['2026-12-01', '2026-12-02', '2026-12-03'];
    const series = offerCounts(
      [offer('2026-12-01', 3, 2, 1), offer('2026-12-01', 1, 0, 0), offer('2026-12-03', 0, 0, 2)],
      days,
    );
    expect(series).toEqual([
      { name: 'Delivered', values: [4, 0, 0] },
      { name: 'Opened', values: [2, 0, 0] },
      { name: 'Redeemed', values: [1, 0, 2] },
    ]);
  });

  it('pairs the people expected with those admitted, per event across its stores', () => {
    const bars = attendanceBars([
      session('evt_b', 'sto_paris-rivoli', '2026-12-09T18:00:00Z', 3, 2),
      session('evt_a', 'sto_paris-rivoli', '2026-12-02T18:00:00Z', 4, 4),
      session('evt_b', 'sto_tokyo-ginza', '2026-12-09T10:00:00Z', 2, 1),
    ]);
    expect(bars).toEqual([
      { label: 'Event evt_a', values: [4, 4] },
      { label: 'Event evt_b', values: [5, 3] },
    ]);
  });
});
