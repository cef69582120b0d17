import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type StoreContentFeed, storeContentFeedSchema } from '@vitrine/shared';
import { z } from 'zod';
import { replaceFile } from '../outbox/ack-file.ts';

/** The store's content and the signed codes of its product cards' products, by SKU. */
export interface StoredContent {
  feed: StoreContentFeed;
  codes: Record<string, string>;
}

const storedContentSchema = z.object({
  feed: storeContentFeedSchema,
  codes: z.record(z.string(), z.string()),
});

export type ContentFileRead =
  | { outcome: 'loaded'; content: StoredContent }
  | { outcome: 'absent' }
  | { outcome: 'invalid'; detail: string };

export interface ContentFile {
  read(): Promise<ContentFileRead>;
  /** Replaces the file atomically: a crash leaves the old feed or the new one. */
  write(content: StoredContent): Promise<void>;
}

const FILE = 'content.json';

/**
 * The store's last content on disk (`<dataDir>/content/content.json`): what the screens
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
      const content = storedContentSchema.safeParse(json);
      return content.success
        ? { outcome: 'loaded', content: content.data }
        : { outcome: 'invalid', detail: content.error.message };
    },
    async write(content) {
      await mkdir(dir, { recursive: true });
      await replaceFile(dir, FILE, JSON.stringify(content));
    },
  };
}
