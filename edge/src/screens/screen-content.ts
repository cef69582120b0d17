import type { ScreenPlayerContent, StoreContentFeed } from '@vitrine/shared';
import type { ScreenInFeed } from './screen-access.ts';

/**
 * What one screen plays, cut from its store's feed: the playlists for it or its zone and
 * the items they name. The feed holds no personal data, and neither does this.
 */
export function contentForScreen(
  feed: StoreContentFeed,
  screen: ScreenInFeed,
): ScreenPlayerContent {
  const playlists = feed.playlists.filter((playlist) =>
    playlist.target.kind === 'screen'
      ? playlist.target.screenId === screen.id
      : playlist.target.zoneId === screen.zoneId,
  );
  const named = new Set(
    playlists.flatMap((playlist) => playlist.entries.map((entry) => entry.contentId)),
  );
  return {
    storeId: feed.storeId,
    timeZone: feed.timeZone,
    version: feed.version,
    screen,
    playlists,
    items: feed.items.filter((item) => named.has(item.id)),
  };
}
