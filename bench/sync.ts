/**
 * The edge's local profile store: a 100,000-profile snapshot into an empty store, a delta
 * of 1,000 changes, and profile lookups, each next to a baseline on the same PGlite.
 *
 *   npx tsx bench/sync.ts [--profiles 100000] [--changes 1000] [--page 1000] [--lookups 20000]
 *
 * The feed is served over HTTP by a stand-in of the cloud's `GET .../sync/profiles` that
 * pages generated profiles (seeding 100,000 customers into the cloud takes minutes and
 * says nothing about the edge); the edge side is the real sync loop, feed client and
 * PGlite store on disk. Baselines: the same pages inserted by one raw statement into a
 * bare table of the same PGlite (no HTTP, no parsing); a raw primary-key SELECT.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { CustomerProfile, ProfileSyncItem, ProfileSyncPage } from '@vitrine/shared';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import {
  createPgliteProfileStore,
  migrateLocalStore,
} from '../edge/src/store/pglite-profile-store.ts';
import { createProfileFeedClient } from '../edge/src/sync/profile-feed-client.ts';
import { createProfileSync } from '../edge/src/sync/profile-sync.ts';
import { createSyncMetrics } from '../edge/src/sync/sync-metrics.ts';
import { printTable, summarise } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    profiles: { type: 'string', default: '100000' },
    changes: { type: 'string', default: '1000' },
    page: { type: 'string', default: '1000' },
    lookups: { type: 'string', default: '20000' },
  },
});
const PROFILES = Number(values.profiles);
const CHANGES = Number(values.changes);
const PAGE = Number(values.page);
const LOOKUPS = Number(values.lookups);

const idOf = (n: number) => `cus_${String(n).padStart(6, '0')}`;
const TIERS = ['member', 'silver', 'gold', 'platinum'] as const;

/** A profile of the demo's shape: two recent purchases, preferences, consent. */
function profile(n: number, version = 0): CustomerProfile {
  return {
    id: idOf(n),
    firstName: `First${n}`,
    lastName: `Last${n}`,
    email: `customer${n}@example.com`,
    phone: `+33 6 ${String(n).padStart(8, '0')}`,
    tier: TIERS[n % 4] ?? 'member',
    lifetimeValue: (n % 997) * 13.5,
    currency: 'EUR',
    preferences: ['silk scarves', 'rangefinders'],
    homeStoreId: 'sto_paris-rivoli',
    homeStoreName: 'Maison Lumière Rivoli',
    consent: { tracking: n % 3 !== 0, marketing: true, profiling: version % 2 === 0 },
    notes: version === 0 ? 'Prefers the lounge.' : `Updated ${version}`,
    recentPurchases: [1, 2].map((k) => ({
      id: `pur_${n}_${k}`,
      storeId: 'sto_paris-rivoli',
      storeName: 'Maison Lumière Rivoli',
      purchasedAt: '2026-10-02T05:00:00.000Z',
      total: 450 * k,
      currency: 'EUR',
      lines: [
        { sku: `SKU-${k}`, name: 'Silk carré', category: 'silk', quantity: 1, unitPrice: 450 * k },
      ],
    })),
  };
}

/** The feed: `0`/`1:cus_x` page the snapshot; `2` holds `CHANGES` changes; `3` is the end. */
function feedPage(since: string, limit: number): ProfileSyncPage {
  if (since === '0' || since.startsWith('1:')) {
    const after = since === '0' ? 0 : Number(since.slice(6));
    const last = Math.min(PROFILES, after + limit);
    const items: ProfileSyncItem[] = [];
    for (let n = after + 1; n <= last; n += 1) items.push({ kind: 'upsert', profile: profile(n) });
    const more = last < PROFILES;
    return { items, watermark: more ? `1:${idOf(last)}` : '2', more };
  }
  if (since === '2') {
    // One change in a hundred is an erasure; the rest are updates (consent, notes).
    const items: ProfileSyncItem[] = [];
    for (let k = 1; k <= CHANGES; k += 1) {
      const n = 1 + ((k * 7919) % PROFILES);
      items.push(
        k % 100 === 0
          ? { kind: 'erase', customerId: idOf(n) }
          : { kind: 'upsert', profile: profile(n, 1) },
      );
    }
    return { items, watermark: '3', more: false };
  }
  return { items: [], watermark: since, more: false };
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://feed');
  const page = feedPage(
    url.searchParams.get('since') ?? '0',
    Number(url.searchParams.get('limit') ?? PAGE),
  );
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(page));
});
// The baselines leave the connection idle for seconds: keep it open for the next round.
server.keepAliveTimeout = 120_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-bench-sync-'));
const client = await PGlite.create({ dataDir: join(dataDir, 'profiles') });
await migrateLocalStore(client);
await client.exec('create table raw_profiles (id text primary key, profile jsonb not null)');
const store = createPgliteProfileStore(client);
const sync = createProfileSync({
  feed: createProfileFeedClient({
    baseUrl,
    token: 'bench',
    storeId: 'sto_paris-rivoli',
    timeoutMs: 60_000,
  }),
  store,
  metrics: createSyncMetrics(new Registry()),
  logger: pino({ level: 'silent' }),
  pageSize: PAGE,
});

const seconds = (start: number) => (performance.now() - start) / 1000;

// Snapshot through the real sync, then the baseline: the same pages by one raw INSERT each.
let start = performance.now();
const snapshot = await sync.syncOnce();
const snapshotSeconds = seconds(start);
if (!snapshot.ok || (await store.count()) !== PROFILES)
  throw new Error(`snapshot incomplete: ${JSON.stringify(snapshot)}`);
start = performance.now();
for (let after = 0; after < PROFILES; after += PAGE) {
  const page = feedPage(after === 0 ? '0' : `1:${idOf(after)}`, PAGE);
  const rows = page.items.flatMap((item) => (item.kind === 'upsert' ? [item.profile] : []));
  await client.query(
    `insert into raw_profiles (id, profile) select p->>'id', p from jsonb_array_elements($1::jsonb) as p`,
    [JSON.stringify(rows)],
  );
}
const rawSnapshotSeconds = seconds(start);

start = performance.now();
const delta = await sync.syncOnce();
const deltaSeconds = seconds(start);
if (!delta.ok || delta.upserts + delta.erasures !== CHANGES)
  throw new Error(`delta incomplete: ${JSON.stringify(delta)}`);
start = performance.now();
await client.transaction(async (tx) => {
  const items = feedPage('2', PAGE).items;
  const rows = items.flatMap((item) => (item.kind === 'upsert' ? [item.profile] : []));
  const erased = items.flatMap((item) => (item.kind === 'erase' ? [item.customerId] : []));
  await tx.query(
    `insert into raw_profiles (id, profile) select p->>'id', p from jsonb_array_elements($1::jsonb) as p
     on conflict (id) do update set profile = excluded.profile`,
    [JSON.stringify(rows)],
  );
  await tx.query(
    'delete from raw_profiles where id in (select jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(erased)],
  );
});
const rawDeltaSeconds = seconds(start);

// Lookups: the same random ids through the port (read + parse) and by a raw SELECT.
const ids = Array.from({ length: LOOKUPS }, (_, i) => idOf(1 + ((i * 104_729) % PROFILES)));
const timed = async (lookup: (id: string) => Promise<unknown>) => {
  const samples: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    await lookup(id);
    samples.push(performance.now() - t);
  }
  return summarise(samples);
};
await timed((id) => store.get(id));
const viaPort = await timed((id) => store.get(id));
const raw = await timed((id) => client.query('select profile from profiles where id = $1', [id]));

const ratio = (a: number, b: number) => (a / b).toFixed(2);
console.log(
  printTable(
    ['measure', 'edge sync', 'baseline', '×baseline', 'baseline is'],
    [
      [
        `snapshot of ${PROFILES} profiles, s`,
        snapshotSeconds.toFixed(2),
        rawSnapshotSeconds.toFixed(2),
        ratio(snapshotSeconds, rawSnapshotSeconds),
        'raw INSERT of the same pages',
      ],
      [
        `profiles/s during the snapshot`,
        Math.round(PROFILES / snapshotSeconds),
        Math.round(PROFILES / rawSnapshotSeconds),
        ratio(rawSnapshotSeconds, snapshotSeconds),
        'raw INSERT of the same pages',
      ],
      [
        `delta of ${CHANGES} changes, s`,
        deltaSeconds.toFixed(3),
        rawDeltaSeconds.toFixed(3),
        ratio(deltaSeconds, rawDeltaSeconds),
        'raw upsert + delete',
      ],
      [
        `lookup p50, ms (${LOOKUPS})`,
        viaPort.p50.toFixed(3),
        raw.p50.toFixed(3),
        ratio(viaPort.p50, raw.p50),
        'raw primary-key SELECT',
      ],
      [
        `lookup p99, ms (${LOOKUPS})`,
        viaPort.p99.toFixed(3),
        raw.p99.toFixed(3),
        ratio(viaPort.p99, raw.p99),
        'raw primary-key SELECT',
      ],
    ],
  ),
);

await client.close();
server.close();
await rm(dataDir, { recursive: true, force: true });
