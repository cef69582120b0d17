import { watermarkSequence } from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';
import { type BackoffOptions, retryDelay } from './domain/backoff.ts';
import type { FeedFailure, ProfileFeed } from './profile-feed-client.ts';
import type { SyncMetrics } from './sync-metrics.ts';

export type SyncRound =
  | { ok: true; pages: number; upserts: number; erasures: number; watermark: string }
  | { ok: false; reason: FeedFailure | 'store_failed'; detail: string };

/** What a page changed, so that copies held elsewhere (the in-memory cache) follow. */
export interface AppliedChanges {
  upserted: string[];
  erased: string[];
}

export interface ProfileSyncOptions {
  feed: ProfileFeed;
  store: LocalProfileStore;
  metrics: SyncMetrics;
  logger: Logger;
  onApplied?: (changes: AppliedChanges) => void;
  pageSize?: number;
  intervalMs?: number;
  backoff?: BackoffOptions;
  now?: () => number;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** How long stop() waits for a round under way. */
  stopWaitMs?: number;
}

export interface ProfileSync {
  /** Pages from the stored watermark to the end of the feed (a snapshot from nothing). */
  syncOnce(): Promise<SyncRound>;
  /** A round now, then one every interval; after a failure, the next comes with backoff. */
  start(): void;
  /** Stops scheduling and waits for a round under way. */
  stop(): Promise<void>;
}

/** Snapshot, then deltas, into the local store; each page applied atomically with its watermark. */
export function createProfileSync(options: ProfileSyncOptions): ProfileSync {
  const {
    feed,
    store,
    metrics,
    logger,
    onApplied = () => {},
    pageSize = 500,
    intervalMs = 30_000,
    backoff = {},
    now = Date.now,
    random = Math.random,
    setTimer = (run, ms) => setTimeout(run, ms),
    clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    stopWaitMs = 2_000,
  } = options;
  let failures = 0;
  let timer: unknown = null;
  let running: Promise<SyncRound> | null = null;
  let stopped = false;

  async function round(): Promise<SyncRound> {
    let watermark = (await store.watermark()) ?? '0';
    let pages = 0;
    let upserts = 0;
    let erasures = 0;
    for (;;) {
      const fetched = await feed.fetchPage(watermark, pageSize);
      if (!fetched.ok) return fetched;
      const { page } = fetched;
      const upserted = page.items.flatMap((item) => (item.kind === 'upsert' ? [item.profile] : []));
      const erased = page.items.flatMap((item) => (item.kind === 'erase' ? [item.customerId] : []));
      try {
        await store.applySync(
          { upserts: upserted, erasures: erased, watermark: page.watermark },
          now(),
        );
      } catch (error) {
        return { ok: false, reason: 'store_failed', detail: String(error) };
      }
      onApplied({ upserted: upserted.map((profile) => profile.id), erased });
      metrics.itemsApplied.inc({ kind: 'upsert' }, upserted.length);
      metrics.itemsApplied.inc({ kind: 'erase' }, erased.length);
      metrics.watermark.set(watermarkSequence(page.watermark));
      pages += 1;
      upserts += upserted.length;
      erasures += erased.length;
      watermark = page.watermark;
      if (!page.more || stopped) break;
    }
    return { ok: true, pages, upserts, erasures, watermark };
  }

  async function syncOnce(): Promise<SyncRound> {
    const result = await round().catch(
      (error: unknown): SyncRound => ({ ok: false, reason: 'store_failed', detail: String(error) }),
    );
    if (result.ok) {
      failures = 0;
      metrics.lastSuccess.set(now() / 1000);
      metrics.profilesHeld.set(await store.count().catch(() => 0));
      if (result.upserts + result.erasures > 0) {
        logger.info(result, 'profiles synced');
      }
    } else {
      failures += 1;
      metrics.failures.inc({ reason: result.reason });
      logger.warn(
        { reason: result.reason, detail: result.detail, failures },
        'profile sync failed',
      );
    }
    return result;
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimer(() => {
      timer = null;
      running = syncOnce();
      void running.then((result) => {
        running = null;
        schedule(result.ok ? intervalMs : retryDelay(failures, random(), backoff));
      });
    }, ms);
  }

  return {
    syncOnce,
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
      // Each page is applied atomically with its watermark: a round cut short loses nothing,
      // so a slow cloud does not hold up the edge's stop for long.
      if (running !== null) {
        await Promise.race([
          running,
          new Promise((resolve) => setTimeout(resolve, stopWaitMs).unref()),
        ]);
      }
    },
  };
}
