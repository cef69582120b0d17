import { createHash } from 'node:crypto';
import type { ScreenPlayerContent } from '@vitrine/shared';
import type { StoredContent } from './content-file.ts';
import type { ScreenInFeed } from './screen-access.ts';

/**
 * What one screen plays, cut from its store's content: the playlists for it or its zone,
 * the items they name and the codes of their products. Its version follows the feed's and
 * the codes', so that a code fetched later reaches a player holding the feed. The feed
 * holds no personal data, and neither does this.
 */
export function contentForScreen(
  { feed, codes }: StoredContent,
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
  const items = feed.items.filter((item) => named.has(item.id));
  const shown = Object.fromEntries(
    items.flatMap((item) => {
      const code = item.kind === 'product-card' ? codes[item.product.sku] : undefined;
      return item.kind === 'product-card' && code !== undefined ? [[item.product.sku, code]] : [];
    }),
  );
  const digest = createHash('sha256').update(JSON.stringify(shown)).digest('base64url').slice(0, 8);
  return {
    storeId: feed.storeId,
    timeZone: feed.timeZone,
    version: `${feed.version}.${digest}`,
    screen,
    playlists,
    items,
    codes: shown,
  };
}
