import type { Weekday } from './campaign-schedule.ts';
import type { Playlist } from './screen-playlist.ts';

/** Fixtures of the schedule's tests: one screen in Paris and playlists for it. */
export const SCREEN = { id: 'screen-window', zoneId: 'zon_window', timeZone: 'Europe/Paris' };

export function playlist(id: string, overrides: Partial<Playlist> = {}): Playlist {
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

/** The local clock the resolver reads, computed here independently. */
export const localClock = (instant: string, timeZone = SCREEN.timeZone) => {
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
    weekday: String(part.weekday).toLowerCase().slice(0, 3) as Weekday,
    minutes: Number(part.hour) * 60 + Number(part.minute),
  };
};
