import { describe, expect, it } from 'vitest';
import { playlist, SCREEN } from './screen-schedule.fixtures.ts';
import { resolveSchedule } from './screen-schedule.ts';

describe('resolving a screen’s schedule', () => {
  it('plays the items in turn by share of voice', () => {
    const entries = resolveSchedule({
      screen: SCREEN,
      playlists: [
        playlist('pls_main', {
          entries: [
            { contentId: 'cnt_a', shareOfVoice: 75 },
            { contentId: 'cnt_b', shareOfVoice: 25 },
          ],
        }),
      ],
      durations: new Map([
        ['cnt_a', 10],
        ['cnt_b', 10],
      ]),
      from: new Date('2026-12-01T10:00:00Z'),
      to: new Date('2026-12-01T10:01:20Z'),
    });
    expect(entries.map((entry) => entry.contentId)).toEqual([
      ...['cnt_a', 'cnt_a', 'cnt_a', 'cnt_b'],
      ...['cnt_a', 'cnt_a', 'cnt_a', 'cnt_b'],
    ]);
    expect(entries[0]).toEqual({
      startsAt: '2026-12-01T10:00:00.000Z',
      endsAt: '2026-12-01T10:00:10.000Z',
      contentId: 'cnt_a',
      playlistId: 'pls_main',
    });
  });

  it('switches to the breakfast daypart at 08:00 Paris time and back at 11:00, cutting the item playing', () => {
    const entries = resolveSchedule({
      screen: SCREEN,
      playlists: [
        playlist('pls_all-day', { entries: [{ contentId: 'cnt_a', shareOfVoice: 100 }] }),
        playlist('pls_breakfast', {
          priority: 80,
          entries: [{ contentId: 'cnt_b', shareOfVoice: 100 }],
          dayparts: [{ days: ['tue'], start: '08:00', end: '11:00' }],
        }),
      ],
      durations: new Map([
        ['cnt_a', 25],
        ['cnt_b', 60],
      ]),
      // Tuesday 1 December 2026, 06:59:50 to 10:00:30 UTC (07:59:50 to 11:00:30 in Paris).
      from: new Date('2026-12-01T06:59:50Z'),
      to: new Date('2026-12-01T10:00:30Z'),
    });
    expect(entries[0]).toMatchObject({ contentId: 'cnt_a', endsAt: '2026-12-01T07:00:00.000Z' });
    expect(entries[1]).toMatchObject({ contentId: 'cnt_b', startsAt: '2026-12-01T07:00:00.000Z' });
    expect(entries.filter((entry) => entry.playlistId === 'pls_breakfast')).toHaveLength(180);
    expect(entries.at(-2)).toMatchObject({
      contentId: 'cnt_a',
      startsAt: '2026-12-01T10:00:00.000Z',
    });
  });

  it('prefers the screen’s own playlist over its zone’s at equal priority', () => {
    const entries = resolveSchedule({
      screen: SCREEN,
      playlists: [
        playlist('pls_a-zone'),
        playlist('pls_b-screen', {
          target: { kind: 'screen', screenId: 'screen-window' },
          entries: [{ contentId: 'cnt_b', shareOfVoice: 100 }],
        }),
        playlist('pls_c-other-screen', {
          priority: 100,
          target: { kind: 'screen', screenId: 'screen-counter' },
        }),
      ],
      durations: new Map([
        ['cnt_a', 10],
        ['cnt_b', 10],
      ]),
      from: new Date('2026-12-01T10:00:00Z'),
      to: new Date('2026-12-01T10:00:30Z'),
    });
    expect(new Set(entries.map((entry) => entry.playlistId))).toEqual(new Set(['pls_b-screen']));
  });

  it('plays nothing outside the playlists’ dates, in the store’s time zone', () => {
    const christmas = playlist('pls_christmas', {
      validFrom: '2026-12-24',
      validUntil: '2026-12-25',
    });
    // 22:30 UTC on the 23rd is already the 24th in Tokyo, still the 23rd in Paris.
    const at = new Date('2026-12-23T22:30:00Z');
    const run = (timeZone: string) =>
      resolveSchedule({
        screen: { ...SCREEN, timeZone },
        playlists: [christmas],
        durations: new Map([['cnt_a', 10]]),
        from: at,
        to: new Date(at.getTime() + 60_000),
      });
    expect(run('Europe/Paris')).toEqual([]);
    expect(run('Asia/Tokyo')).toHaveLength(6);
  });

  it('keeps its dayparts on local time across the change to winter time', () => {
    // Sunday 25 October 2026: Paris goes from UTC+2 to UTC+1 at 03:00.
    const morning = playlist('pls_morning', {
      dayparts: [{ days: ['sun', 'mon'], start: '09:00', end: '09:01' }],
    });
    const entries = resolveSchedule({
      screen: SCREEN,
      playlists: [morning],
      durations: new Map([['cnt_a', 60]]),
      from: new Date('2026-10-25T00:00:00Z'),
      to: new Date('2026-10-27T00:00:00Z'),
    });
    expect(entries.map((entry) => entry.startsAt)).toEqual([
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('skips an entry whose item is unknown and stops at the bound on entries', () => {
    const entries = resolveSchedule({
      screen: SCREEN,
      playlists: [
        playlist('pls_main', {
          entries: [
            { contentId: 'cnt_a', shareOfVoice: 50 },
            { contentId: 'cnt_gone', shareOfVoice: 50 },
          ],
        }),
      ],
      durations: new Map([['cnt_a', 10]]),
      from: new Date('2026-12-01T10:00:00Z'),
      to: new Date('2026-12-02T10:00:00Z'),
      maxEntries: 5,
    });
    expect(entries.map((entry) => entry.contentId)).toEqual(Array(5).fill('cnt_a'));
  });
});
