import type { ProfileSyncItem, ProfileSyncPage } from '@vitrine/shared';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMemoryProfileStore } from '../src/store/memory-profile-store.ts';
import { retryDelay } from '../src/sync/domain/backoff.ts';
import { createProfileFeedClient, type FeedFetch } from '../src/sync/profile-feed-client.ts';
import { type AppliedChanges, createProfileSync } from '../src/sync/profile-sync.ts';
import { createSyncMetrics } from '../src/sync/sync-metrics.ts';
import { buildProfile } from './support/profiles.ts';

const upsert = (id: string, overrides = {}): Extract<ProfileSyncItem, { kind: 'upsert' }> => ({
  kind: 'upsert',
  profile: buildProfile({ id, ...overrides }),
});

/** A feed answering from a script keyed by the `since` it is asked. */
function scriptedFeed(script: Record<string, FeedFetch>) {
  const asked: string[] = [];
  return {
    asked,
    async fetchPage(since: string): Promise<FeedFetch> {
      asked.push(since);
      return script[since] ?? { ok: true, page: { items: [], watermark: since, more: false } };
    },
  };
}

const page = (items: ProfileSyncItem[], watermark: string, more = false): FeedFetch => ({
  ok: true,
  page: { items, watermark, more } satisfies ProfileSyncPage,
});

function setup(
  feed: ReturnType<typeof scriptedFeed>,
  {
    now = () => 1_000_000,
    purgeReports = async (_customerIds: string[]) => {},
  }: { now?: () => number; purgeReports?: (customerIds: string[]) => Promise<void> } = {},
) {
  const store = createMemoryProfileStore();
  const registry = new Registry();
  const metrics = createSyncMetrics(registry);
  const applied: AppliedChanges[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const sync = createProfileSync({
    feed,
    store,
    metrics,
    logger: pino({ level: 'silent' }),
    onApplied: (changes) => applied.push(changes),
    purgeReports,
    pageSize: 2,
    intervalMs: 30_000,
    backoff: { baseMs: 1000, maxMs: 60_000 },
    now,
    random: () => 1,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => {},
  });
  const metric = async (name: string, labels: Record<string, string> = {}) => {
    const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
    return values
      .filter((value) => Object.entries(labels).every(([k, v]) => value.labels[k] === v))
      .reduce((sum, value) => sum + value.value, 0);
  };
  return { store, sync, applied, timers, metric };
}

describe('profile sync', () => {
  it('pages a snapshot from nothing, then asks for the changes since its end', async () => {
    const feed = scriptedFeed({
      '0': page([upsert('cus_000001'), upsert('cus_000002')], '5:cus_000002', true),
      '5:cus_000002': page([upsert('cus_000003')], '5'),
    });
    const { store, sync, metric } = setup(feed);
    const first = await sync.syncOnce();
    expect(first).toEqual({
      ok: true,
      pages: 2,
      upserts: 3,
      erasures: 0,
      removals: 0,
      watermark: '5',
    });
    expect(await store.count()).toBe(3);
    expect(await store.watermark()).toBe('5');
    expect(await metric('vitrine_edge_sync_profiles_held')).toBe(3);
    expect(await metric('vitrine_edge_sync_watermark')).toBe(5);
    expect(await metric('vitrine_edge_sync_last_success_seconds')).toBe(1000);
    await sync.syncOnce();
    expect(feed.asked).toEqual(['0', '5:cus_000002', '5']);
  });

  it('applies an erasure and a consent change, and says which customers changed', async () => {
    const feed = scriptedFeed({
      '0': page([upsert('cus_000001'), upsert('cus_000002')], '3'),
      '3': page(
        [
          { kind: 'erase', customerId: 'cus_000001' },
          upsert('cus_000002', { consent: { tracking: false, marketing: false, profiling: true } }),
        ],
        '6',
      ),
    });
    const { store, sync, applied, metric } = setup(feed);
    await sync.syncOnce();
    await sync.syncOnce();
    expect(await store.get('cus_000001')).toBeNull();
    expect((await store.consentOf('cus_000002'))?.tracking).toBe(false);
    expect(applied.at(-1)).toEqual({
      upserted: ['cus_000002'],
      erased: ['cus_000001'],
      removed: [],
    });
    expect(await metric('vitrine_edge_sync_items_applied_total', { kind: 'erase' })).toBe(1);
  });

  it('drops a customer who changed and left the selection, and says so', async () => {
    const feed = scriptedFeed({
      '0': page([upsert('cus_000001'), upsert('cus_000002')], '3'),
      '3': page([{ kind: 'remove', customerId: 'cus_000002' }], '4'),
    });
    const { store, sync, applied, metric } = setup(feed);
    await sync.syncOnce();
    const delta = await sync.syncOnce();
    expect(delta).toMatchObject({ ok: true, removals: 1, erasures: 0 });
    expect(await store.get('cus_000002')).toBeNull();
    expect(await store.get('cus_000001')).not.toBeNull();
    expect(applied.at(-1)).toEqual({ upserted: [], erased: [], removed: ['cus_000002'] });
    expect(await metric('vitrine_edge_sync_items_applied_total', { kind: 'remove' })).toBe(1);
  });

  it('lets a visitor go when their time in the selection passes, with or without the cloud', async () => {
    const clock = { now: Date.parse('2026-11-01T09:00:00.000Z') };
    let cloudUp = true;
    const scripted = scriptedFeed({
      '0': page(
        [
          { ...upsert('cus_000001'), heldUntil: '2026-12-01T09:00:00.000Z' },
          { ...upsert('cus_000002'), heldUntil: '2027-06-01T09:00:00.000Z' },
          { ...upsert('cus_000003'), heldUntil: null },
        ],
        '7',
      ),
    });
    const feed = {
      asked: scripted.asked,
      fetchPage: async (since: string): Promise<FeedFetch> =>
        cloudUp ? scripted.fetchPage(since) : { ok: false, reason: 'unreachable', detail: 'down' },
    };
    const { store, sync, applied, metric } = setup(feed, { now: () => clock.now });
    await sync.syncOnce();
    expect(await store.count()).toBe(3);

    clock.now = Date.parse('2026-12-01T08:59:59.999Z');
    await sync.syncOnce();
    expect(await store.count()).toBe(3);

    cloudUp = false;
    clock.now = Date.parse('2026-12-01T09:00:00.000Z');
    expect(await sync.syncOnce()).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await store.get('cus_000001')).toBeNull();
    expect(applied.at(-1)).toEqual({ upserted: [], erased: [], removed: ['cus_000001'] });

    clock.now = Date.parse('2030-01-01T00:00:00.000Z');
    await sync.syncOnce();
    expect((await store.get('cus_000003'))?.profile.id).toBe('cus_000003');
    expect(await store.count()).toBe(1);
    expect(await metric('vitrine_edge_sync_pruned_total')).toBe(2);
    // Without a new snapshot: the feed was asked for the snapshot once, then deltas.
    expect(feed.asked.filter((since) => since === '0')).toHaveLength(1);
  });

  it('purges the pending reports of erased customers before erasing them', async () => {
    const order: string[] = [];
    const feed = scriptedFeed({
      '0': page([upsert('cus_000001'), upsert('cus_000002')], '3'),
      '3': page([{ kind: 'erase', customerId: 'cus_000001' }], '4'),
    });
    const { store, sync } = setup(feed, {
      purgeReports: async (customerIds) => {
        order.push(`purge ${customerIds.join(',')}`);
        order.push(`held: ${(await store.get('cus_000001')) === null ? 'no' : 'yes'}`);
      },
    });
    await sync.syncOnce();
    await sync.syncOnce();
    expect(order).toEqual(['purge cus_000001', 'held: yes']);
    expect(await store.get('cus_000001')).toBeNull();
  });

  it('applies no erasure whose pending reports could not be purged, and tries again', async () => {
    let failing = true;
    const feed = scriptedFeed({
      '0': page([upsert('cus_000001')], '3'),
      '3': page([{ kind: 'erase', customerId: 'cus_000001' }], '4'),
    });
    const { store, sync, metric } = setup(feed, {
      purgeReports: async () => {
        if (failing) throw new Error('disk full');
      },
    });
    await sync.syncOnce();
    expect(await sync.syncOnce()).toMatchObject({ ok: false, reason: 'purge_failed' });
    expect(await store.watermark()).toBe('3');
    expect(await metric('vitrine_edge_sync_failures_total', { reason: 'purge_failed' })).toBe(1);
    failing = false;
    expect(await sync.syncOnce()).toMatchObject({ ok: true, erasures: 1 });
    expect(await store.get('cus_000001')).toBeNull();
  });

  it('keeps its watermark when the cloud fails, and counts the failure', async () => {
    const feed = scriptedFeed({
      '0': page([upsert('cus_000001')], '2'),
      '2': { ok: false, reason: 'server_error', detail: 'HTTP 500' },
    });
    const { store, sync, metric } = setup(feed);
    await sync.syncOnce();
    const failed = await sync.syncOnce();
    expect(failed).toEqual({ ok: false, reason: 'server_error', detail: 'HTTP 500' });
    expect(await store.watermark()).toBe('2');
    expect(await store.count()).toBe(1);
    expect(await metric('vitrine_edge_sync_failures_total', { reason: 'server_error' })).toBe(1);
  });

  it('waits an interval after a success and backs off after failures', async () => {
    let failing = true;
    const feed = {
      asked: [] as string[],
      async fetchPage(since: string): Promise<FeedFetch> {
        return failing
          ? { ok: false, reason: 'unreachable', detail: 'ECONNREFUSED' }
          : { ok: true, page: { items: [], watermark: since === '0' ? '1' : since, more: false } };
      },
    };
    const { sync, timers } = setup(feed);
    const fire = async () => {
      const timer = timers.shift();
      if (!timer) throw new Error('nothing scheduled');
      timer.run();
      // Let the round and its rescheduling settle.
      for (let i = 0; i < 20 && timers.length === 0; i += 1)
        await new Promise((r) => setImmediate(r));
    };
    sync.start();
    expect(timers[0]?.ms).toBe(0);
    await fire();
    expect(timers[0]?.ms).toBe(retryDelay(1, 1, { baseMs: 1000 }));
    await fire();
    expect(timers[0]?.ms).toBe(2000);
    await fire();
    expect(timers[0]?.ms).toBe(4000);
    failing = false;
    await fire();
    expect(timers[0]?.ms).toBe(30_000);
    await sync.stop();
  });
});

describe('profile feed client', () => {
  const client = (respond: () => Promise<Response>) =>
    createProfileFeedClient({
      baseUrl: 'http://cloud.test',
      token: 't',
      storeId: 'sto_paris-rivoli',
      fetch: async () => respond(),
    });

  it('reads a page and asks with the watermark and page size', async () => {
    let asked = '';
    const feed = createProfileFeedClient({
      baseUrl: 'http://cloud.test',
      token: 't',
      storeId: 'sto_paris-rivoli',
      fetch: async (input) => {
        asked = String(input);
        return Response.json({ items: [], watermark: '9', more: false });
      },
    });
    expect(await feed.fetchPage('4:cus_000001', 250)).toEqual({
      ok: true,
      page: { items: [], watermark: '9', more: false },
    });
    expect(asked).toBe(
      'http://cloud.test/v1/stores/sto_paris-rivoli/sync/profiles?since=4%3Acus_000001&limit=250',
    );
  });

  it('names what went wrong with a bad answer', async () => {
    const cases: { name: string; respond: () => Promise<Response>; reason: string }[] = [
      {
        name: '500',
        respond: async () => new Response('oops', { status: 500 }),
        reason: 'server_error',
      },
      { name: '403', respond: async () => Response.json({}, { status: 403 }), reason: 'refused' },
      { name: 'not JSON', respond: async () => new Response('<html>'), reason: 'invalid_response' },
      {
        name: 'wrong shape',
        respond: async () =>
          Response.json({ items: [{ kind: 'upsert' }], watermark: '1', more: false }),
        reason: 'invalid_response',
      },
      {
        name: 'bad watermark',
        respond: async () => Response.json({ items: [], watermark: 'drop table', more: false }),
        reason: 'invalid_response',
      },
      {
        name: 'refused connection',
        respond: async () => {
          throw new TypeError('fetch failed');
        },
        reason: 'unreachable',
      },
      {
        name: 'timeout',
        respond: async () => {
          throw new DOMException('timed out', 'TimeoutError');
        },
        reason: 'timeout',
      },
    ];
    for (const testCase of cases) {
      const result = await client(testCase.respond).fetchPage('0', 10);
      expect(result.ok ? 'ok' : result.reason, testCase.name).toBe(testCase.reason);
    }
  });
});
