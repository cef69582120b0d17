import { minutesOfDay, WEEKDAYS, type Weekday } from './campaign-schedule.ts';
import type { Playlist, ScheduleEntry } from './screen-playlist.ts';

/** Where the schedule is played: a screen in a zone, in a store's time zone. */
export interface ScheduledScreen {
  id: string;
  zoneId: string;
  timeZone: string;
}

export interface ResolveScheduleOptions {
  screen: ScheduledScreen;
  /** The store's playlists; those for other screens and zones are ignored. */
  playlists: readonly Playlist[];
  /** How long each item plays, by id; an entry naming no known item is skipped. */
  durations: ReadonlyMap<string, number>;
  from: Date;
  to: Date;
  /** A bound on the answer: beyond it the schedule stops early. */
  maxEntries?: number;
}

interface LocalClock {
  date: string;
  weekday: Weekday;
  minutes: number;
}

const MINUTE_MS = 60_000;

function localClockOf(timeZone: string): (instant: Date) => LocalClock {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  });
  return (instant) => {
    const part: Record<string, string> = {};
    for (const { type, value } of format.formatToParts(instant)) part[type] = value;
    const weekday = (part.weekday ?? '').toLowerCase().slice(0, 3) as Weekday;
    if (!WEEKDAYS.includes(weekday)) throw new Error(`no weekday in ${instant.toISOString()}`);
    return {
      date: `${part.year}-${part.month}-${part.day}`,
      weekday,
      minutes: Number(part.hour) * 60 + Number(part.minute),
    };
  };
}

function targets(playlist: Playlist, screen: ScheduledScreen): boolean {
  return playlist.target.kind === 'screen'
    ? playlist.target.screenId === screen.id
    : playlist.target.zoneId === screen.zoneId;
}

/** True when the playlist may play at this local time (its dates and dayparts). */
export function playsAt(playlist: Playlist, clock: LocalClock): boolean {
  if (playlist.validFrom !== null && clock.date < playlist.validFrom) return false;
  if (playlist.validUntil !== null && clock.date > playlist.validUntil) return false;
  if (playlist.dayparts.length === 0) return true;
  return playlist.dayparts.some(
    (part) =>
      part.days.includes(clock.weekday) &&
      minutesOfDay(part.start) <= clock.minutes &&
      clock.minutes < minutesOfDay(part.end),
  );
}

/** Highest priority first; at equal priority a screen's own before its zone's, then by id. */
function precedence(a: Playlist, b: Playlist): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.target.kind !== b.target.kind) return a.target.kind === 'screen' ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Weighted fair queueing over airtime: the next item is the one whose airtime, after
 * playing it, stays the smallest against its share. Over a long period each item's
 * airtime is its share of the total, within one item's duration.
 */
function createRotation(playlist: Playlist, durations: ReadonlyMap<string, number>) {
  const entries = playlist.entries.filter((entry) => durations.has(entry.contentId));
  const airtimeMs = new Map(entries.map((entry) => [entry.contentId, 0]));
  return {
    playable: entries.length > 0,
    next(): { contentId: string; durationMs: number } {
      let best = entries[0];
      let bestFinish = Number.POSITIVE_INFINITY;
      for (const entry of entries) {
        const durationMs = (durations.get(entry.contentId) ?? 0) * 1000;
        const finish = ((airtimeMs.get(entry.contentId) ?? 0) + durationMs) / entry.shareOfVoice;
        if (finish < bestFinish) {
          best = entry;
          bestFinish = finish;
        }
      }
      if (best === undefined) throw new Error(`playlist ${playlist.id} has nothing to play`);
      return { contentId: best.contentId, durationMs: (durations.get(best.contentId) ?? 0) * 1000 };
    },
    played(contentId: string, ms: number) {
      airtimeMs.set(contentId, (airtimeMs.get(contentId) ?? 0) + ms);
    },
  };
}

/**
 * The concrete play order of a screen over [from, to): at every moment the playlist of
 * highest precedence whose dates and dayparts (store-local) include it, its items in turn
 * by share of voice. An item still playing when its playlist ends is cut there. Periods
 * with no playlist have no entries.
 */
export function resolveSchedule({
  screen,
  playlists,
  durations,
  from,
  to,
  maxEntries = 50_000,
}: ResolveScheduleOptions): ScheduleEntry[] {
  const clockAt = localClockOf(screen.timeZone);
  const candidates = playlists.filter((playlist) => targets(playlist, screen)).sort(precedence);
  const rotations = new Map(
    candidates.map((playlist) => [playlist.id, createRotation(playlist, durations)]),
  );
  const activeAt = (instant: Date): Playlist | null => {
    const clock = clockAt(instant);
    return (
      candidates.find(
        (playlist) => rotations.get(playlist.id)?.playable === true && playsAt(playlist, clock),
      ) ?? null
    );
  };

  const entries: ScheduleEntry[] = [];
  let cursor = from.getTime();
  const end = to.getTime();
  while (cursor < end && entries.length < maxEntries) {
    const active = activeAt(new Date(cursor));
    // Dayparts and dates change on the minute: the active playlist holds until one differs.
    let segmentEnd = Math.floor(cursor / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    while (segmentEnd < end && activeAt(new Date(segmentEnd))?.id === active?.id) {
      segmentEnd += MINUTE_MS;
    }
    segmentEnd = Math.min(segmentEnd, end);
    const rotation = active === null ? undefined : rotations.get(active.id);
    while (active !== null && rotation !== undefined && cursor < segmentEnd) {
      if (entries.length >= maxEntries) break;
      const { contentId, durationMs } = rotation.next();
      const stop = Math.min(cursor + durationMs, segmentEnd);
      rotation.played(contentId, stop - cursor);
      entries.push({
        startsAt: new Date(cursor).toISOString(),
        endsAt: new Date(stop).toISOString(),
        contentId,
        playlistId: active.id,
      });
      cursor = stop;
    }
    cursor = Math.max(cursor, segmentEnd);
  }
  return entries;
}
