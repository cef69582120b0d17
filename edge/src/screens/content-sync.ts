import type { StoreContentFeed } from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import { periodicTask } from '../sync/periodic-task.ts';
import type { ContentFeedClient } from './content-feed-client.ts';
import type { ContentFile, StoredContent } from './content-file.ts';
import type { ScreenMetrics } from './screen-metrics.ts';

export interface ContentSyncOptions {
  client: ContentFeedClient;
  file: ContentFile;
  intervalMs: number;
  /** Called with each content the screens now play: the one on disk at start, then each new one. */
  onChange: (content: StoredContent) => void;
  metrics: ScreenMetrics;
  logger: Logger;
  now?: () => number;
}

/** The SKUs whose product cards show their QR code. */
function skusWithQr(feed: StoreContentFeed): string[] {
  const skus = feed.items.flatMap((item) =>
    item.kind === 'product-card' && item.showQr ? [item.product.sku] : [],
  );
  return [...new Set(skus)];
}

/**
 * The store's screen content at the edge: the copy on disk first (a restart without the
 * cloud still serves the screens), then the cloud's, asked at start and every interval
 * with the version held; a new version, with its product cards' codes, is on disk before
 * the screens are told. A failed sync keeps the last content.
 */
export function createContentSync(options: ContentSyncOptions) {
  const { client, file, intervalMs, onChange, metrics, logger, now = Date.now } = options;
  let current: StoredContent | null = null;
  let lastSyncedAt: number | null = null;

  function use(content: StoredContent) {
    current = content;
    onChange(content);
  }

  /** A product's code does not change with the feed: only those not yet held are asked. */
  async function codesFor(feed: StoreContentFeed): Promise<Record<string, string>> {
    const codes: Record<string, string> = {};
    for (const sku of skusWithQr(feed)) {
      const code = current?.codes[sku] ?? (await client.fetchProductCode(sku));
      if (code === null)
        logger.warn({ sku }, 'no content code for a product card; shown without QR');
      else codes[sku] = code;
    }
    return codes;
  }

  async function syncOnce(): Promise<void> {
    const fetched = await client.fetchFeed(current?.feed.version ?? null);
    metrics.contentSyncs.inc({ outcome: fetched.outcome });
    if (fetched.outcome === 'failed') {
      logger.warn({ reason: fetched.reason }, 'screen content not synced; the last content stays');
      return;
    }
    if (fetched.outcome === 'unchanged' || fetched.feed.version === current?.feed.version) {
      lastSyncedAt = now();
      return;
    }
    const content = { feed: fetched.feed, codes: await codesFor(fetched.feed) };
    await file.write(content);
    lastSyncedAt = now();
    logger.info({ version: content.feed.version }, 'screen content synced');
    use(content);
  }

  /** One sync at a time; a tick during a slow one joins it. */
  const task = periodicTask(intervalMs, () =>
    syncOnce().catch((error: unknown) => {
      metrics.contentSyncs.inc({ outcome: 'failed' });
      logger.error({ err: error }, 'screen content sync failed');
    }),
  );

  return {
    /** Loads the content on disk, then syncs now and every interval, in the background. */
    async start(): Promise<void> {
      const read = await file.read();
      if (read.outcome === 'loaded') use(read.content);
      else if (read.outcome === 'invalid') {
        logger.error(
          { detail: read.detail },
          'screen content on disk unreadable; waiting for the cloud',
        );
      }
      void task.start();
    },
    sync: task.runNow,
    /** When the cloud's content was last fetched and held (epoch ms); null since start. */
    lastSyncedAt: (): number | null => lastSyncedAt,
    /** Stops asking; resolves once a sync under way is over (its fetch has a timeout). */
    stop: task.stop,
  };
}

export type ContentSync = ReturnType<typeof createContentSync>;
