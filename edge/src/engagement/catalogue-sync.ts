import type { BudgetCounts } from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import { periodicTask } from '../sync/periodic-task.ts';
import type { CatalogueFile, StoredCatalogue } from './catalogue-file.ts';
import type { EngagementFeedClient } from './engagement-feed-client.ts';
import type { EngagementMetrics } from './engagement-metrics.ts';

export interface CatalogueSyncOptions {
  storeId: string;
  feed: EngagementFeedClient;
  /** The store's IANA time zone from the cloud; null while it cannot say. */
  timeZoneOf: () => Promise<string | null>;
  file: CatalogueFile;
  /** Called with the catalogue to decide with: the one on disk at start, then each new one. */
  use: (stored: StoredCatalogue) => void;
  /**
   * Called each sync with the organisation's counts: deliveries of the budgeted campaigns,
   * redemptions of the offers limited across the organisation.
   */
  useBudgetCounts: (counts: Pick<BudgetCounts, 'spent' | 'redeemed'>) => void;
  intervalMs: number;
  metrics: EngagementMetrics;
  logger: Logger;
  now: () => number;
}

/**
 * The store's catalogue at the edge: the copy on disk first (so a restart without the
 * cloud decides at once), then the cloud's, asked at start and every interval; a new
 * version is written to disk before it is used. A failed sync keeps the last catalogue.
 */
export function createCatalogueSync(options: CatalogueSyncOptions) {
  const { storeId, file, metrics, logger, now } = options;
  let current: StoredCatalogue | null = null;
  let lastSyncedAt: number | null = null;

  async function syncOnce(): Promise<void> {
    const fetched = await options.feed.fetchFeed(storeId);
    if (fetched.outcome === 'failed') {
      metrics.catalogueSyncs.inc({ outcome: 'failed' });
      logger.warn(
        { reason: fetched.reason },
        'engagement catalogue not synced; the last one stays',
      );
      return;
    }
    const { feed } = fetched;
    if (current !== null && current.version === feed.version) {
      metrics.catalogueSyncs.inc({ outcome: 'unchanged' });
      lastSyncedAt = now();
      return;
    }
    const timeZone = current?.timeZone ?? (await options.timeZoneOf());
    if (timeZone === null) {
      metrics.catalogueSyncs.inc({ outcome: 'failed' });
      logger.warn('store time zone unknown; the catalogue waits for the next sync');
      return;
    }
    const stored = { version: feed.version, timeZone, fetchedAt: now(), catalogue: feed.catalogue };
    await file.write(stored);
    current = stored;
    lastSyncedAt = now();
    metrics.catalogueSyncs.inc({ outcome: 'changed' });
    options.use(stored);
  }

  /** Budgets move with every delivery in any store: asked every sync, whatever the version. */
  async function syncBudgets(): Promise<void> {
    const fetched = await options.feed.fetchBudgets(storeId);
    if (fetched.outcome === 'failed') {
      logger.warn({ reason: fetched.reason }, 'budget counts not synced; the edge counts its own');
      return;
    }
    options.useBudgetCounts(fetched.counts);
  }

  /** One sync at a time; a tick during a slow one joins it. */
  const task = periodicTask(options.intervalMs, () =>
    Promise.all([syncOnce(), syncBudgets()])
      .then(() => undefined)
      .catch((error: unknown) => {
        metrics.catalogueSyncs.inc({ outcome: 'failed' });
        logger.error({ err: error }, 'engagement catalogue sync failed');
      }),
  );

  return {
    /** Loads the catalogue on disk, then syncs in the background every interval. */
    async start(): Promise<void> {
      const read = await file.read();
      if (read.outcome === 'loaded') {
        current = read.stored;
        options.use(read.stored);
      } else if (read.outcome === 'invalid') {
        logger.error({ detail: read.detail }, 'engagement catalogue on disk unreadable');
      }
      void task.start();
    },
    sync: task.runNow,
    /** When the cloud's catalogue was last fetched and held (epoch ms); null since start. */
    lastSyncedAt: (): number | null => lastSyncedAt,
    /** Stops asking; resolves once a sync under way is over (its fetch has a timeout). */
    stop: task.stop,
  };
}

export type CatalogueSync = ReturnType<typeof createCatalogueSync>;
