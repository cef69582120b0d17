import { describe, expect, it } from 'vitest';
import { alertFixture } from '../../../test/fixtures/arrival-alerts.ts';
import { countToday, emptyTally, mergeAlerts, tallyToday } from './alert-feed.ts';

const at = (iso: string, alertId: string) => alertFixture({ alertId, arrivedAt: iso });

describe('mergeAlerts', () => {
  it('puts the newest arrival first, whatever the order received', () => {
    const merged = mergeAlerts(
      [at('2026-11-23T09:00:00Z', 'alr_a')],
      [at('2026-11-23T09:30:00Z', 'alr_c'), at('2026-11-23T08:00:00Z', 'alr_b')],
    );
    expect(merged.map((a) => a.alertId)).toEqual(['alr_c', 'alr_a', 'alr_b']);
  });

  it('keeps one card for an alert received from the recent list and the socket', () => {
    const alert = at('2026-11-23T09:00:00Z', 'alr_a');
    expect(mergeAlerts([alert], [alert, { ...alert }])).toHaveLength(1);
  });

  it('lets a re-sent alert replace its earlier copy', () => {
    const cached = alertFixture({ alertId: 'alr_a', freshness: 'cached', degraded: true });
    const fresh = alertFixture({ alertId: 'alr_a', freshness: 'fresh', degraded: false });
    expect(mergeAlerts([cached], [fresh])[0]?.freshness).toBe('fresh');
  });

  it('orders arrivals given in different offsets by instant', () => {
    const merged = mergeAlerts(
      [],
      [at('2026-11-23T18:00:00+09:00', 'alr_tokyo'), at('2026-11-23T09:30:00Z', 'alr_utc')],
    );
    expect(merged.map((a) => a.alertId)).toEqual(['alr_utc', 'alr_tokyo']);
  });

  it('keeps only the newest alerts up to the limit', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      at(new Date(Date.UTC(2026, 10, 23, 0, i)).toISOString(), `alr_${String(i).padStart(3, '0')}`),
    );
    const merged = mergeAlerts([], many);
    expect(merged).toHaveLength(100);
    expect(merged[0]?.alertId).toBe('alr_119');
    expect(merged.at(-1)?.alertId).toBe('alr_020');
    expect(mergeAlerts([], many, { limit: 3 }).map((a) => a.alertId)).toEqual([
      'alr_119',
      'alr_118',
      'alr_117',
    ]);
  });
});

describe('tallyToday', () => {
  const tz = 'Asia/Tokyo';
  const now = new Date('2026-11-23T10:00:00Z'); // 19:00 in Tokyo

  it('counts each alert of the local day once', () => {
    let tally = emptyTally(now, tz);
    tally = tallyToday(tally, [at('2026-11-23T01:00:00Z', 'alr_a')], now, tz);
    tally = tallyToday(
      tally,
      [at('2026-11-23T01:00:00Z', 'alr_a'), at('2026-11-23T02:00:00Z', 'alr_b')],
      now,
      tz,
    );
    expect(countToday(tally, now, tz)).toBe(2);
  });

  it('leaves out arrivals of the previous local day', () => {
    // 14:30 UTC on the 22nd is 23:30 on the 22nd in Tokyo.
    const tally = tallyToday(emptyTally(now, tz), [at('2026-11-22T14:30:00Z', 'alr_a')], now, tz);
    expect(countToday(tally, now, tz)).toBe(0);
  });

  it('reads zero after midnight and starts a new tally with the next alert', () => {
    const tally = tallyToday(emptyTally(now, tz), [at('2026-11-23T01:00:00Z', 'alr_a')], now, tz);
    const nextDay = new Date('2026-11-23T15:30:00Z'); // 00:30 on the 24th in Tokyo
    expect(countToday(tally, nextDay, tz)).toBe(0);
    const next = tallyToday(tally, [at('2026-11-23T15:20:00Z', 'alr_b')], nextDay, tz);
    expect(next.alertIds).toEqual(['alr_b']);
  });
});
