import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from './campaign-schedule.ts';
import { scheduleEntrySchema } from './screen-playlist.ts';
import { localClock, playlist, SCREEN } from './screen-schedule.fixtures.ts';
import { playsAt, resolveSchedule } from './screen-schedule.ts';

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
