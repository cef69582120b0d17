import type { StoredCampaign } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { addDays, layOutWeek, weekStartOf } from './week-calendar.ts';

const PARIS = 'sto_paris-rivoli';

function campaign(overrides: Partial<StoredCampaign>): StoredCampaign {
  return {
    id: 'cmp_evening',
    name: 'Evening',
    status: 'active',
    version: 1,
    trigger: { kind: 'store-enter' },
    audience: { kind: 'everyone' },
    schedule: { from: '2026-10-01', until: null, windows: [] },
    targets: { stores: 'all', zones: 'all' },
    caps: {
      perCustomer: { max: 1, per: 'visit' },
      perVisitAcrossCampaigns: null,
      cooldownMinutes: 0,
    },
    priority: 100,
    exclusive: false,
    budget: { maxDeliveries: null },
    actions: [{ kind: 'associate-alert', suggestion: 'Say hello' }],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    ...overrides,
  };
}

const night = campaign({
  id: 'cmp_night',
  name: 'Night owls',
  schedule: {
    from: '2026-10-01',
    until: null,
    windows: [{ days: ['sat'], start: '01:00', end: '04:00' }],
  },
});

describe('the week calendar', () => {
  it('starts the week on the Monday of the store, not of UTC', () => {
    // Sunday 23:30 in UTC is already Monday 08:30 in Tokyo.
    const at = new Date('2026-10-25T23:30:00Z');
    expect(weekStartOf(at, 'Asia/Tokyo')).toBe('2026-10-26');
    expect(weekStartOf(at, 'America/New_York')).toBe('2026-10-19');
  });

  it('gives the day the clocks go back 25 hours, and a window across it its real length', () => {
    const week = layOutWeek(
      [
        campaign({
          schedule: {
            ...night.schedule,
            windows: [{ days: ['sun'], start: '01:00', end: '04:00' }],
          },
        }),
      ],
      { storeId: PARIS, timeZone: 'Europe/Paris', weekStart: '2026-10-19' },
    );
    const sunday = week[6];
    expect(sunday).toMatchObject({ date: '2026-10-25', weekday: 'sun', hours: 25 });
    expect(sunday?.blocks).toEqual([
      expect.objectContaining({ startMinute: 60, endMinute: 240, realMinutes: 240 }),
    ]);
    expect(week.slice(0, 6).every((day) => day.hours === 24)).toBe(true);
  });

  it('gives the day the clocks go forward 23 hours, and the same window two real hours', () => {
    const week = layOutWeek(
      [
        campaign({
          schedule: {
            ...night.schedule,
            from: '2026-03-01',
            windows: [{ days: ['sun'], start: '01:00', end: '04:00' }],
          },
        }),
      ],
      { storeId: PARIS, timeZone: 'Europe/Paris', weekStart: '2026-03-23' },
    );
    expect(week[6]).toMatchObject({ date: '2026-03-29', hours: 23 });
    expect(week[6]?.blocks[0]).toMatchObject({ startMinute: 60, endMinute: 240, realMinutes: 120 });
  });

  it('keeps a window on the wall clock: 18:00 in Tokyo is 18:00 in Tokyo', () => {
    const evening = campaign({
      schedule: {
        from: '2026-10-19',
        until: '2026-10-21',
        windows: [{ days: ['mon', 'tue', 'wed', 'thu'], start: '18:00', end: '21:00' }],
      },
    });
    const week = layOutWeek([evening], {
      storeId: 'sto_tokyo-ginza',
      timeZone: 'Asia/Tokyo',
      weekStart: '2026-10-19',
    });
    const withBlocks = week.filter((day) => day.blocks.length > 0).map((day) => day.weekday);
    // Thursday is a day of the window, but after the campaign's last date.
    expect(withBlocks).toEqual(['mon', 'tue', 'wed']);
    expect(week[0]?.blocks[0]).toMatchObject({
      startMinute: 1080,
      endMinute: 1260,
      realMinutes: 180,
    });
  });

  it('splits a window past midnight between its day and the next', () => {
    const late = campaign({
      schedule: {
        from: '2026-10-23',
        until: '2026-10-23',
        windows: [{ days: ['fri'], start: '22:00', end: '02:00' }],
      },
    });
    const week = layOutWeek([late], {
      storeId: PARIS,
      timeZone: 'Europe/Paris',
      weekStart: '2026-10-19',
    });
    expect(week[4]?.blocks).toEqual([
      expect.objectContaining({ startMinute: 1320, endMinute: 1440, continued: false }),
    ]);
    expect(week[5]?.blocks).toEqual([
      expect.objectContaining({ startMinute: 0, endMinute: 120, continued: true }),
    ]);
  });

  it('leaves out archived campaigns and those for other stores', () => {
    const week = layOutWeek(
      [
        campaign({ id: 'cmp_gone', status: 'archived' }),
        campaign({ id: 'cmp_tokyo', targets: { stores: ['sto_tokyo-ginza'], zones: 'all' } }),
        campaign({ id: 'cmp_here', targets: { stores: [PARIS], zones: 'all' } }),
      ],
      { storeId: PARIS, timeZone: 'Europe/Paris', weekStart: '2026-10-19' },
    );
    expect(week[0]?.allDay.map((block) => block.campaignId)).toEqual(['cmp_here']);
    expect(week[0]?.blocks).toEqual([]);
  });

  it('puts overlapping campaigns side by side', () => {
    const evening = (id: string, start: string, end: string) =>
      campaign({
        id,
        name: id,
        schedule: { from: '2026-10-19', until: null, windows: [{ days: ['mon'], start, end }] },
      });
    const [monday] = layOutWeek(
      [
        evening('cmp_a', '10:00', '12:00'),
        evening('cmp_b', '11:00', '13:00'),
        evening('cmp_c', '12:00', '14:00'),
      ],
      { storeId: PARIS, timeZone: 'Europe/Paris', weekStart: '2026-10-19' },
    );
    expect(monday?.blocks.map((block) => [block.campaignId, block.lane])).toEqual([
      ['cmp_a', 0],
      ['cmp_b', 1],
      ['cmp_c', 0],
    ]);
    expect(monday?.lanes).toBe(2);
  });

  it('moves by whole calendar days', () => {
    expect(addDays('2026-10-19', 7)).toBe('2026-10-26');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
