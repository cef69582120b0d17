import type { ScreenPlay } from '@vitrine/shared';
import type { OnScreen } from './now-playing.ts';

/** A showing that reached the screen, from when it was first drawn. */
export interface Showing {
  onScreen: OnScreen;
  shownAt: number;
}

/**
 * The proof of play of a showing that has just ended; none for one that never lasted
 * (an item replaced as it was drawn shows nothing to anyone).
 */
export function playOf(showing: Showing, endedAt: number, playId: string): ScreenPlay | null {
  const durationMs = Math.max(0, Math.round(endedAt - showing.shownAt));
  if (durationMs === 0) return null;
  return {
    playId,
    contentId: showing.onScreen.item.id,
    playlistId: showing.onScreen.playlistId,
    campaignId: showing.onScreen.campaignId,
    startedAt: new Date(showing.shownAt).toISOString(),
    durationMs,
  };
}

/** The plays still to send, oldest dropped first beyond `max`: a screen offline for weeks. */
export function enqueue(queue: readonly ScreenPlay[], play: ScreenPlay, max = 5000): ScreenPlay[] {
  const next = [...queue, play];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** The queue without the plays the edge has kept. */
export function withoutSent(
  queue: readonly ScreenPlay[],
  sent: readonly ScreenPlay[],
): ScreenPlay[] {
  const ids = new Set(sent.map((play) => play.playId));
  return queue.filter((play) => !ids.has(play.playId));
}
