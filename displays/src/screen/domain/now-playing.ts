import {
  resolveSchedule,
  type ScreenContentItem,
  type ScreenInterrupt,
  type ScreenPlayerContent,
} from '@vitrine/shared';

const HOUR_MS = 60 * 60_000;

/** What the screen shows at one instant, and until when at the latest. */
export interface OnScreen {
  item: ScreenContentItem;
  /** The playlist that scheduled it; null for an interrupt. */
  playlistId: string | null;
  /** The campaign that interrupted with it; null for a scheduled item. */
  campaignId: string | null;
  /** When this showing began (the slot's start, or the interrupt's arrival). */
  since: number;
}

export interface HeldInterrupt {
  interrupt: ScreenInterrupt;
  receivedAt: number;
}

export interface NowPlaying {
  /** Null when nothing is scheduled now: the screen rests. */
  onScreen: OnScreen | null;
  /** When to look again: the end of the slot, of the interrupt, or the next slot. */
  nextChangeAt: number;
}

export interface NowPlayingInput {
  content: ScreenPlayerContent;
  at: number;
  /** Items whose media failed to load here: the schedule goes on without them. */
  skipped: ReadonlySet<string>;
  interrupt: HeldInterrupt | null;
}

/** When an interrupt stops holding the screen. */
export function interruptEnd({ interrupt, receivedAt }: HeldInterrupt): number {
  return receivedAt + interrupt.message.holdS * 1000;
}

/**
 * The screen's play order at `at`: an interrupt while it holds (and its item plays),
 * otherwise the store's schedule for this screen, resolved by the hour in the store's
 * time zone, without the items that failed to load.
 */
export function nowPlaying({ content, at, skipped, interrupt }: NowPlayingInput): NowPlaying {
  if (
    interrupt !== null &&
    at < interruptEnd(interrupt) &&
    !skipped.has(interrupt.interrupt.item.id)
  ) {
    return {
      onScreen: {
        item: interrupt.interrupt.item,
        playlistId: null,
        campaignId: interrupt.interrupt.message.campaignId,
        since: interrupt.receivedAt,
      },
      nextChangeAt: interruptEnd(interrupt),
    };
  }
  const hourStart = Math.floor(at / HOUR_MS) * HOUR_MS;
  const items = new Map(
    content.items.filter((item) => !skipped.has(item.id)).map((item) => [item.id, item]),
  );
  const entries = resolveSchedule({
    screen: { id: content.screen.id, zoneId: content.screen.zoneId, timeZone: content.timeZone },
    playlists: content.playlists,
    durations: new Map([...items.values()].map((item) => [item.id, item.durationS])),
    from: new Date(hourStart),
    to: new Date(hourStart + HOUR_MS),
  });
  const current = entries.find(
    (entry) => Date.parse(entry.startsAt) <= at && at < Date.parse(entry.endsAt),
  );
  const item = current === undefined ? undefined : items.get(current.contentId);
  if (current === undefined || item === undefined) {
    const next = entries.find((entry) => Date.parse(entry.startsAt) > at);
    return { onScreen: null, nextChangeAt: next ? Date.parse(next.startsAt) : hourStart + HOUR_MS };
  }
  return {
    onScreen: {
      item,
      playlistId: current.playlistId,
      campaignId: null,
      since: Date.parse(current.startsAt),
    },
    nextChangeAt: Date.parse(current.endsAt),
  };
}

/** Two showings are one when the same item plays on, from the same start, for the same cause. */
export function sameShowing(a: OnScreen | null, b: OnScreen | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.item.id === b.item.id &&
    a.since === b.since &&
    a.playlistId === b.playlistId &&
    a.campaignId === b.campaignId
  );
}
