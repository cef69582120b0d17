import {
  type PlaylistDraftInput,
  pageSchema,
  playlistSchema,
  registeredScreenSchema,
  screenContentItemSchema,
} from '@vitrine/shared';
import type { CloudClient } from './cloud-client.ts';
import { queryOf } from './query-string.ts';

/** The marketer's calls about screen content: items, playlists and the screens they play on. */
export function createContentApi(client: CloudClient) {
  return {
    items: () =>
      client.get(
        `/v1/content/items${queryOf({ limit: 200 })}`,
        pageSchema(screenContentItemSchema),
      ),
    playlists: (storeId: string, cursor?: string) =>
      client.get(
        `/v1/content/playlists${queryOf({ storeId, cursor, limit: 20 })}`,
        pageSchema(playlistSchema),
      ),
    createPlaylist: (draft: PlaylistDraftInput) =>
      client.send('POST', '/v1/content/playlists', draft, playlistSchema),
    screens: (storeId: string) =>
      client.get(
        `/v1/stores/${encodeURIComponent(storeId)}/screens${queryOf({ limit: 200 })}`,
        pageSchema(registeredScreenSchema),
      ),
  };
}

export type ContentApi = ReturnType<typeof createContentApi>;
