import type { IngestEvent, ScreenPlay } from '@vitrine/shared';
import type { ScreenInFeed } from './screen-access.ts';

/**
 * A play as the cloud ingests it, keyed by the player's own play id: a batch the player
 * sends again after a lost answer is stored once.
 */
export function playReport(storeId: string, screen: ScreenInFeed, play: ScreenPlay): IngestEvent {
  return {
    key: `screen-play:${play.playId}`,
    kind: 'screen-play',
    store: storeId,
    occurredAt: play.startedAt,
    data: {
      screenId: screen.id,
      zoneId: screen.zoneId,
      contentId: play.contentId,
      playlistId: play.playlistId,
      campaignId: play.campaignId,
      durationMs: play.durationMs,
    },
  };
}
