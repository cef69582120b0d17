import { createHash } from 'node:crypto';
import type {
  Playlist,
  RegisteredScreen,
  ScreenContentItem,
  Store,
  StoreContentFeed,
} from '@vitrine/shared';
import type { ContentItemRepository } from './content-item-repository.ts';
import type { PlaylistRepository } from './playlist-repository.ts';
import type { ScreenRegistry } from './screen-registry.ts';
import type { ScreenRepository } from './screen-repository.ts';

export interface ScreenContent {
  store: Store;
  screen: RegisteredScreen;
  /** The playlists for this screen or its zone. */
  playlists: Playlist[];
  /** The items those playlists play. */
  items: ScreenContentItem[];
}

export interface StoreContentSource {
  /** 404 for a store, or a screen, that is unknown or retired. */
  ofScreen(organisationId: string, storeId: string, screenId: string): Promise<ScreenContent>;
  feedOf(organisationId: string, storeId: string): Promise<StoreContentFeed>;
}

export interface StoreContentOptions {
  registry: ScreenRegistry;
  screens: Pick<ScreenRepository, 'listAllOf'>;
  playlists: Pick<PlaylistRepository, 'listOfStore'>;
  items: Pick<ContentItemRepository, 'findMany'>;
}

/** A digest of the content, so that any change to it, and only that, gives a new version. */
function versionOf(content: Omit<StoreContentFeed, 'version'>): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

/** Gathers what a store's screens play, from the registry, the playlists and the items. */
export function createStoreContent({
  registry,
  screens,
  playlists,
  items,
}: StoreContentOptions): StoreContentSource {
  const itemsOf = (organisationId: string, chosen: Playlist[]) =>
    items.findMany(organisationId, [
      ...new Set(chosen.flatMap((playlist) => playlist.entries.map((entry) => entry.contentId))),
    ]);

  return {
    async ofScreen(organisationId, storeId, screenId) {
      const screen = await registry.activeScreenOf(organisationId, storeId, screenId);
      const store = await registry.storeOf(organisationId, storeId);
      const chosen = (await playlists.listOfStore(storeId)).filter((playlist) =>
        playlist.target.kind === 'screen'
          ? playlist.target.screenId === screen.id
          : playlist.target.zoneId === screen.zoneId,
      );
      return { store, screen, playlists: chosen, items: await itemsOf(organisationId, chosen) };
    },
    async feedOf(organisationId, storeId) {
      const store = await registry.storeOf(organisationId, storeId);
      const active = (await screens.listAllOf(storeId)).filter((s) => s.status === 'active');
      const activeIds = new Set(active.map((screen) => screen.id));
      // A retired screen's own playlists stay for the console, not for the store.
      const all = (await playlists.listOfStore(storeId)).filter(
        (playlist) => playlist.target.kind === 'zone' || activeIds.has(playlist.target.screenId),
      );
      const content = {
        storeId,
        timeZone: store.timeZone,
        screens: active.map(({ id, zoneId, name, orientation, resolution }) => ({
          id,
          zoneId,
          name,
          orientation,
          resolution,
        })),
        playlists: all,
        items: await itemsOf(organisationId, all),
      };
      return { ...content, version: versionOf(content) };
    },
  };
}
