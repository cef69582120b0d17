import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from './campaign-schedule.ts';
import { type Playlist, scheduleEntrySchema } from './screen-playlist.ts';
import { playsAt, resolveSchedule } from './screen-schedule.ts';

const SCREEN = { id: 'screen-window', zoneId: 'zon_window', timeZone: 'Europe/Paris' };

function playlist(id: string, overrides: Partial<Playlist> = {}): Playlist {
  return {
    id,
    name: id,
    storeId: 'sto_paris',
    target: { kind: 'zone', zoneId: 'zon_window' },
    priority: 50,
    entries: [{ contentId: 'cnt_a', shareOfVoice: 100 }],
    dayparts: [],
    validFrom: null,
    validUntil: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

const localClock = (instant: string, timeZone = SCREEN.timeZone) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const part = Object.fromEntries(parts.map(({ type, value }) => [type, value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    weekday: String(part.weekday).toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number],
    minutes: Number(part.hour) * 60 + Number(part.minute),
  };
};

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

const entryArbitrary = fc.record({
  durationS: fc.integer({ min: 5, max: 60 }),
  weight: fc.integer({ min: 1, max: 10 }),
});

/** Shares of voice in whole percent that add up to 100, from positive weights. */
function sharesOf(weights: number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => Math.max(1, Math.floor((weight * 100) / total)));
  const rest = 100 - shares.reduce((sum, share) => sum + share, 0);
  const largest = shares.indexOf(Math.max(...shares));
  return shares.map((share, index) => (index === largest ? share + rest : share));
}

describe('schedule properties', () => {
  it('gives each item its share of airtime over a long period, within one item', () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary, { minLength: 1, maxLength: 6 }), (specs) => {
        const shares = sharesOf(specs.map((spec) => spec.weight));
        fc.pre(shares.every((share) => share >= 1));
        const ids = specs.map((_, index) => `cnt_${index}`);
        const from = new Date('2026-12-01T00:00:00Z');
        const to = new Date('2026-12-02T00:00:00Z');
        const entries = resolveSchedule({
          screen: SCREEN,
          playlists: [
            playlist('pls_main', {
              entries: ids.map((contentId, index) => ({
                contentId,
                shareOfVoice: shares[index] ?? 0,
              })),
            }),
          ],
          durations: new Map(ids.map((id, index) => [id, specs[index]?.durationS ?? 0])),
          from,
          to,
        });
        const totalMs = to.getTime() - from.getTime();
        const airtime = new Map<string, number>();
        for (const entry of entries) {
          const ms = Date.parse(entry.endsAt) - Date.parse(entry.startsAt);
          airtime.set(entry.contentId, (airtime.get(entry.contentId) ?? 0) + ms);
        }
        const longestMs = Math.max(...specs.map((spec) => spec.durationS)) * 1000;
        ids.forEach((id, index) => {
          const expected = ((shares[index] ?? 0) / 100) * totalMs;
          expect(Math.abs((airtime.get(id) ?? 0) - expected)).toBeLessThanOrEqual(2 * longestMs);
        });
      }),
      { numRuns: 40 },
    );
  });

  const daypartArbitrary = fc
    .record({
      days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
      start: fc.integer({ min: 0, max: 23 * 60 }),
      length: fc.integer({ min: 1, max: 8 * 60 }),
    })
    .map(({ days, start, length }) => {
      const end = Math.min(start + length, 24 * 60);
      const hhmm = (minutes: number) =>
        `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return { days, start: hhmm(start), end: hhmm(end) };
    });

  it('plays only playlists whose dayparts hold, the one of highest precedence, ids only', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            priority: fc.integer({ min: 0, max: 3 }),
            onScreen: fc.boolean(),
            dayparts: fc.array(daypartArbitrary, { minLength: 1, maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom('Europe/Paris', 'Asia/Tokyo', 'America/New_York'),
        fc.integer({ min: 0, max: 6 }),
        (specs, timeZone, dayOffset) => {
          const playlists = specs.map((spec, index) =>
            playlist(`pls_${index}`, {
              priority: spec.priority,
              target: spec.onScreen
                ? { kind: 'screen', screenId: SCREEN.id }
                : { kind: 'zone', zoneId: SCREEN.zoneId },
              entries: [{ contentId: `cnt_${index}`, shareOfVoice: 100 }],
              dayparts: spec.dayparts,
            }),
          );
          const from = new Date(Date.UTC(2026, 9, 24 + dayOffset));
          const to = new Date(from.getTime() + 2 * 86_400_000);
          const entries = resolveSchedule({
            screen: { ...SCREEN, timeZone },
            playlists,
            durations: new Map(playlists.map((_, index) => [`cnt_${index}`, 45])),
            from,
            to,
          });
          let previousEnd = from.getTime();
          for (const entry of entries) {
            expect(scheduleEntrySchema.parse(entry)).toEqual(entry);
            const starts = Date.parse(entry.startsAt);
            expect(starts).toBeGreaterThanOrEqual(previousEnd);
            expect(Date.parse(entry.endsAt)).toBeGreaterThan(starts);
            previousEnd = Date.parse(entry.endsAt);
            const clock = localClock(entry.startsAt, timeZone);
            const playing = playlists.find((candidate) => candidate.id === entry.playlistId);
            expect(playing && playsAt(playing, clock)).toBe(true);
            const better = playlists.filter(
              (other) =>
                playsAt(other, clock) &&
                (other.priority > (playing?.priority ?? 0) ||
                  (other.priority === playing?.priority &&
                    other.target.kind === 'screen' &&
                    playing.target.kind === 'zone')),
            );
            expect(better).toEqual([]);
          }
          expect(previousEnd).toBeLessThanOrEqual(to.getTime());
        },
      ),
      { numRuns: 15 },
    );
  });

  it('never carries anything but times and ids, whatever the playlists are called', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 3, maxLength: 40 }), { minLength: 1, maxLength: 3 }),
        fc.emailAddress(),
        (names, email) => {
          const playlists = names.map((name, index) =>
            playlist(`pls_${index}`, {
              name: `${name} ${email}`,
              priority: index,
              entries: [{ contentId: `cnt_${index}`, shareOfVoice: 100 }],
            }),
          );
          const entries = resolveSchedule({
            screen: SCREEN,
            playlists,
            durations: new Map(names.map((_, index) => [`cnt_${index}`, 30])),
            from: new Date('2026-12-01T10:00:00Z'),
            to: new Date('2026-12-01T10:10:00Z'),
          });
          expect(entries.length).toBeGreaterThan(0);
          for (const entry of entries) {
            expect(Object.keys(entry).sort()).toEqual([
              'contentId',
              'endsAt',
              'playlistId',
              'startsAt',
            ]);
            expect(JSON.stringify(entry)).not.toContain(email);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
