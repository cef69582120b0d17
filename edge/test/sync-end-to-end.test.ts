import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { deviceTokenResponseSchema } from '@vitrine/shared';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCloud,
  loginAs,
  SEED_NOW,
  type TestCloud,
} from '../../cloud/test/support/test-app.ts';
import type { LocalProfileStore } from '../src/store/local-profile-store.ts';
import { createPgliteProfileStore, migrateLocalStore } from '../src/store/pglite-profile-store.ts';
import { createProfileFeedClient } from '../src/sync/profile-feed-client.ts';
import { createProfileSync, type ProfileSync } from '../src/sync/profile-sync.ts';
import { createSyncMetrics } from '../src/sync/sync-metrics.ts';

const PARIS = 'sto_paris-rivoli';
const TOKYO = 'sto_tokyo-ginza';

/** The real cloud app behind a real HTTP server on a free port, and two edges syncing from it. */
describe('sync between the cloud and the edges, end to end', () => {
  let cloud: TestCloud;
  let server: ReturnType<typeof serve>;
  let admin: string;
  const edges: Record<string, { store: LocalProfileStore; sync: ProfileSync }> = {};
  const tokens: Record<string, string> = {};
  let template: Blob;

  async function http(path: string, init: RequestInit = {}) {
    const { port } = server.address() as AddressInfo;
    return fetch(`http://127.0.0.1:${port}${path}`, init);
  }

  beforeAll(async () => {
    cloud = await createTestCloud({ customers: 40 });
    server = serve({ fetch: cloud.app.fetch, port: 0, hostname: '127.0.0.1' });
    // A loaded machine may leave a kept-alive connection idle past Node's 5 s default; the
    // client would then reuse a socket the server is closing.
    if ('keepAliveTimeout' in server) server.keepAliveTimeout = 60_000;
    await new Promise((resolve) => server.once('listening', resolve));
    admin = await loginAs(cloud, 'admin@vitrine.demo');
    const { port } = server.address() as AddressInfo;
    const client = await PGlite.create();
    await migrateLocalStore(client);
    template = await client.dumpDataDir('none');
    await client.close();
    for (const storeId of [PARIS, TOKYO]) {
      const issued = await http(`/v1/stores/${storeId}/device-tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
      });
      const { token } = deviceTokenResponseSchema.parse(await issued.json());
      tokens[storeId] = token;
      const store = createPgliteProfileStore(await PGlite.create({ loadDataDir: template }));
      const sync = createProfileSync({
        feed: createProfileFeedClient({ baseUrl: `http://127.0.0.1:${port}`, token, storeId }),
        store,
        metrics: createSyncMetrics(new Registry()),
        logger: pino({ level: 'silent' }),
        pageSize: 9,
      });
      edges[storeId] = { store, sync };
    }
  }, 120_000);

  afterAll(async () => {
    for (const edge of Object.values(edges)) await edge.store.close();
    server?.close();
    await cloud?.close();
  });

  const edge = (storeId: string) => {
    const found = edges[storeId];
    if (!found) throw new Error(`no edge for ${storeId}`);
    return found;
  };

  it('brings each edge its selection, then an erasure reaches every edge at the next sync', async () => {
    for (const storeId of [PARIS, TOKYO]) {
      const round = await edge(storeId).sync.syncOnce();
      expect(round.ok).toBe(true);
      expect(await edge(storeId).store.count()).toBeGreaterThan(0);
    }
    // The featured platinum client is in every store's selection.
    const featured = cloud.manifest.featuredCustomerId;
    expect(await edge(PARIS).store.get(featured)).not.toBeNull();
    expect(await edge(TOKYO).store.get(featured)).not.toBeNull();

    const erased = await http(`/v1/customers/${featured}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(erased.status).toBe(204);
    for (const storeId of [PARIS, TOKYO]) {
      const round = await edge(storeId).sync.syncOnce();
      expect(round).toMatchObject({ ok: true, erasures: 1 });
      expect(await edge(storeId).store.get(featured)).toBeNull();
      expect(await edge(storeId).store.consentOf(featured)).toBeNull();
    }
  });

  it('applies a withdrawn consent: no tracking, and no profile details without profiling', async () => {
    const { store, sync } = edge(PARIS);
    await sync.syncOnce();
    const held = await http(`/v1/stores/${PARIS}/customers?limit=5`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const { items } = (await held.json()) as { items: { id: string }[] };
    const customerId = items[0]?.id;
    if (customerId === undefined) throw new Error('no Paris customer');
    expect(await store.get(customerId)).not.toBeNull();
    const changed = await http(`/v1/customers/${customerId}/consent`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tracking: false, marketing: false, profiling: false }),
    });
    expect(changed.status).toBe(200);
    await sync.syncOnce();
    expect(await store.consentOf(customerId)).toEqual({
      tracking: false,
      marketing: false,
      profiling: false,
    });
    expect((await store.get(customerId))?.profile).toMatchObject({
      preferences: [],
      notes: '',
      recentPurchases: [],
    });
  });

  it('holds a visitor from the check-in on, with the visit, and lets them go a year later', async () => {
    const { port } = server.address() as AddressInfo;
    const clock = { now: SEED_NOW.getTime() };
    const store = createPgliteProfileStore(await PGlite.create({ loadDataDir: template }));
    const tokyo = createProfileSync({
      feed: createProfileFeedClient({
        baseUrl: `http://127.0.0.1:${port}`,
        token: tokens[TOKYO] ?? '',
        storeId: TOKYO,
      }),
      store,
      metrics: createSyncMetrics(new Registry()),
      logger: pino({ level: 'silent' }),
      now: () => clock.now,
    });
    expect((await tokyo.syncOnce()).ok).toBe(true);
    const parisians = await http(`/v1/stores/${PARIS}/customers?limit=100`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const { items } = (await parisians.json()) as {
      items: { id: string; tier: string; consent: { profiling: boolean } }[];
    };
    const held = await Promise.all(items.map(async (item) => (await store.get(item.id)) !== null));
    // Shown the visit only with profiling consent: pick a customer who gave it.
    const visitor = items.find(
      (item, i) => !held[i] && ['member', 'silver'].includes(item.tier) && item.consent.profiling,
    );
    if (visitor === undefined) throw new Error('no Paris customer outside Tokyo’s selection');

    const visitedAt = new Date(SEED_NOW.getTime() - 86_400_000);
    const reported = await http('/v1/ingest', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[TOKYO]}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            key: 'check-in:msg_e2evisit0001',
            kind: 'check-in',
            store: TOKYO,
            occurredAt: visitedAt.toISOString(),
            data: {
              messageId: 'msg_e2evisit0001',
              customerId: visitor.id,
              method: 'app',
              clientId: 'app-1',
            },
          },
        ],
      }),
    });
    expect(reported.status).toBe(200);
    await tokyo.syncOnce();
    const stored = await store.get(visitor.id);
    expect(stored?.source).toBe('sync');
    expect(stored?.profile.recentVisits?.[0]).toMatchObject({ storeId: TOKYO, method: 'app' });

    // A year after the visit, by the edge's own clock, with nothing new from the cloud.
    clock.now = Date.parse('2027-10-31T09:00:00.000Z') - 1;
    await tokyo.syncOnce();
    expect(await store.get(visitor.id)).not.toBeNull();
    clock.now += 1;
    await tokyo.syncOnce();
    expect(await store.get(visitor.id)).toBeNull();
    await store.close();
  });
});
