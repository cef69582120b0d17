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

const upsert = (id: string, overrides = {}): ProfileSyncItem => ({
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

function setup(feed: ReturnType<typeof scriptedFeed>, { now = () => 1_000_000 } = {}) {
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
    expect(first).toEqual({ ok: true, pages: 2, upserts: 3, erasures: 0, watermark: '5' });
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
    expect(applied.at(-1)).toEqual({ upserted: ['cus_000002'], erased: ['cus_000001'] });
    expect(await metric('vitrine_edge_sync_items_applied_total', { kind: 'erase' })).toBe(1);
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
