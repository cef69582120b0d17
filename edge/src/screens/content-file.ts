import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type StoreContentFeed, storeContentFeedSchema } from '@vitrine/shared';
import { replaceFile } from '../outbox/ack-file.ts';

export type ContentFileRead =
  | { outcome: 'loaded'; feed: StoreContentFeed }
  | { outcome: 'absent' }
  | { outcome: 'invalid'; detail: string };

export interface ContentFile {
  read(): Promise<ContentFileRead>;
  /** Replaces the file atomically: a crash leaves the old feed or the new one. */
  write(feed: StoreContentFeed): Promise<void>;
}

const FILE = 'feed.json';

/**
 * The store's last content feed on disk (`<dataDir>/content/feed.json`): what the screens
 * are served after a restart while the cloud is away.
 */
export function createContentFile(dir: string): ContentFile {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(join(dir, FILE), 'utf8');
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
          return { outcome: 'absent' };
        }
        throw error;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return { outcome: 'invalid', detail: error instanceof Error ? error.message : 'not JSON' };
      }
      const feed = storeContentFeedSchema.safeParse(json);
      return feed.success
        ? { outcome: 'loaded', feed: feed.data }
        : { outcome: 'invalid', detail: feed.error.message };
    },
    async write(feed) {
      await mkdir(dir, { recursive: true });
      await replaceFile(dir, FILE, JSON.stringify(feed));
    },
  };
}
