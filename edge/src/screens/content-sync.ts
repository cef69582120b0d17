import type { StoreContentFeed } from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import type { ContentFeedClient } from './content-feed-client.ts';
import type { ContentFile } from './content-file.ts';
import type { ScreenMetrics } from './screen-metrics.ts';

export interface ContentSyncOptions {
  client: ContentFeedClient;
  file: ContentFile;
  intervalMs: number;
  /** Called with each feed the screens now play: the one on disk at start, then each new one. */
  onChange: (feed: StoreContentFeed) => void;
  metrics: ScreenMetrics;
  logger: Logger;
}

/**
 * The store's screen content at the edge: the copy on disk first (a restart without the
 * cloud still serves the screens), then the cloud's, asked at start and every interval
 * with the version held; a new version is on disk before the screens are told. A failed
 * sync keeps the last feed.
 */
export function createContentSync({
  client,
  file,
  intervalMs,
  onChange,
  metrics,
  logger,
}: ContentSyncOptions) {
  let current: StoreContentFeed | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  function use(feed: StoreContentFeed) {
    current = feed;
    onChange(feed);
  }

  async function syncOnce(): Promise<void> {
    const fetched = await client.fetchFeed(current?.version ?? null);
    metrics.contentSyncs.inc({ outcome: fetched.outcome });
    if (fetched.outcome === 'failed') {
      logger.warn({ reason: fetched.reason }, 'screen content not synced; the last content stays');
      return;
    }
    if (fetched.outcome === 'unchanged' || fetched.feed.version === current?.version) return;
    await file.write(fetched.feed);
    logger.info({ version: fetched.feed.version }, 'screen content synced');
    use(fetched.feed);
  }

  /** One sync at a time; a tick during a slow one is skipped. */
  function sync(): Promise<void> {
    running ??= syncOnce()
      .catch((error: unknown) => {
        metrics.contentSyncs.inc({ outcome: 'failed' });
        logger.error({ err: error }, 'screen content sync failed');
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    /** Loads the feed on disk, then syncs now and every interval, in the background. */
    async start(): Promise<void> {
      const read = await file.read();
      if (read.outcome === 'loaded') use(read.feed);
      else if (read.outcome === 'invalid') {
        logger.error(
          { detail: read.detail },
          'screen content on disk unreadable; waiting for the cloud',
        );
      }
      void sync();
      timer = setInterval(() => void sync(), intervalMs);
      timer.unref();
    },
    sync,
    current: (): StoreContentFeed | null => current,
    /** Stops asking; a sync under way ends on its own (its fetch has a timeout). */
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type ContentSync = ReturnType<typeof createContentSync>;
