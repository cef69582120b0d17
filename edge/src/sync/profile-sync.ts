import { type ProfileSyncItem, watermarkSequence } from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import type { LocalProfileStore, SyncBatch } from '../store/local-profile-store.ts';
import { type BackoffOptions, retryDelay } from './domain/backoff.ts';
import type { FeedFailure, ProfileFeed } from './profile-feed-client.ts';
import type { SyncMetrics } from './sync-metrics.ts';

export type SyncRound =
  | {
      ok: true;
      pages: number;
      upserts: number;
      erasures: number;
      removals: number;
      watermark: string;
    }
  | { ok: false; reason: FeedFailure | 'store_failed' | 'purge_failed'; detail: string };

/**
 * What a page (or a prune) changed, so that copies held elsewhere (the in-memory cache)
 * follow. `removed`: left the selection, by a change or in time.
 */
export interface AppliedChanges {
  upserted: string[];
  erased: string[];
  removed: string[];
}

export interface ProfileSyncOptions {
  feed: ProfileFeed;
  store: LocalProfileStore;
  metrics: SyncMetrics;
  logger: Logger;
  onApplied?: (changes: AppliedChanges) => void;
  /**
   * Drops what still waits to be reported about erased customers (the outbox); awaited
   * before their erasure is applied, so that a crash in between repeats both.
   */
  purgeReports?: (customerIds: string[]) => Promise<void>;
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
  /** When a round last reached the end of the feed (epoch ms); null since start. */
  lastSyncedAt(): number | null;
}

/**
 * Snapshot, then deltas, into the local store; each page applied atomically with its
 * watermark. Every round ends by letting go of the customers whose time in the store's
 * selection has passed (by the local clock: with or without the cloud).
 */
export function createProfileSync(options: ProfileSyncOptions): ProfileSync {
  const {
    feed,
    store,
    metrics,
    logger,
    onApplied = () => {},
    purgeReports = async () => {},
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
  let lastSyncedAt: number | null = null;

  async function round(): Promise<SyncRound> {
    let watermark = (await store.watermark()) ?? '0';
    let pages = 0;
    let upserts = 0;
    let erasures = 0;
    let removals = 0;
    for (;;) {
      const fetched = await feed.fetchPage(watermark, pageSize);
      if (!fetched.ok) return fetched;
      const { page } = fetched;
      const batch = toBatch(page.items, page.watermark);
      if (batch.erasures.length > 0) {
        try {
          await purgeReports(batch.erasures);
        } catch (error) {
          return { ok: false, reason: 'purge_failed', detail: String(error) };
        }
      }
      try {
        await store.applySync(batch, now());
      } catch (error) {
        return { ok: false, reason: 'store_failed', detail: String(error) };
      }
      const removed = batch.removals ?? [];
      onApplied({
        upserted: batch.upserts.map((profile) => profile.id),
        erased: batch.erasures,
        removed,
      });
      metrics.itemsApplied.inc({ kind: 'upsert' }, batch.upserts.length);
      metrics.itemsApplied.inc({ kind: 'erase' }, batch.erasures.length);
      metrics.itemsApplied.inc({ kind: 'remove' }, removed.length);
      metrics.watermark.set(watermarkSequence(page.watermark));
      pages += 1;
      upserts += batch.upserts.length;
      erasures += batch.erasures.length;
      removals += removed.length;
      watermark = page.watermark;
      if (!page.more || stopped) break;
    }
    return { ok: true, pages, upserts, erasures, removals, watermark };
  }

  /** Lets go of the customers whose time in the selection has passed. */
  async function prune(): Promise<void> {
    try {
      const removed = await store.pruneExpired(now());
      if (removed.length === 0) return;
      onApplied({ upserted: [], erased: [], removed });
      metrics.pruned.inc(removed.length);
      logger.info({ pruned: removed.length }, 'customers out of the selection let go');
    } catch (error) {
      logger.warn({ err: error }, 'could not prune the local store; next round tries again');
    }
  }

  async function syncOnce(): Promise<SyncRound> {
    const result = await round().catch(
      (error: unknown): SyncRound => ({ ok: false, reason: 'store_failed', detail: String(error) }),
    );
    await prune();
    if (result.ok) {
      failures = 0;
      lastSyncedAt = now();
      metrics.lastSuccess.set(lastSyncedAt / 1000);
      metrics.profilesHeld.set(await store.count().catch(() => 0));
      if (result.upserts + result.erasures + result.removals > 0) {
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
    lastSyncedAt: () => lastSyncedAt,
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

/** A page of the feed as the local store applies it. */
function toBatch(items: ProfileSyncItem[], watermark: string): SyncBatch {
  const batch = {
    upserts: [] as SyncBatch['upserts'],
    erasures: [] as string[],
    removals: [] as string[],
    heldUntil: new Map<string, number>(),
    watermark,
  };
  for (const item of items) {
    if (item.kind === 'erase') batch.erasures.push(item.customerId);
    else if (item.kind === 'remove') batch.removals.push(item.customerId);
    else {
      batch.upserts.push(item.profile);
      if (item.heldUntil) batch.heldUntil.set(item.profile.id, Date.parse(item.heldUntil));
    }
  }
  return batch;
}
