/**
 * The cloud's engagement queries on an organisation of millions of customers in PostgreSQL:
 * the audience-size preview of segments (the marketer's live count) and the build of one
 * store's profile snapshot (every page an edge reads on its first sync), each next to a
 * raw query on the same tables measured in the same run.
 *
 *   npx tsx bench/cloud-audience.ts [--customers 5000000] [--rounds 5] [--fresh]
 *
 * Works in its own database (`vitrine_bench` on DATABASE_URL's server, default the local
 * PostgreSQL), seeded once with generated customers, visits and purchases and kept for the
 * next run; `--fresh` seeds again.
 */
import { parseArgs } from 'node:util';
import { type SegmentRuleInput, segmentRuleSchema } from '@vitrine/shared';
import postgres from 'postgres';
import { createCustomerRepository } from '../cloud/src/customers/customer-repository.ts';
import { openDatabase } from '../cloud/src/db/open-database.ts';
import { createSegmentRepository } from '../cloud/src/segments/segment-repository.ts';
import { recentVisitCutoff } from '../cloud/src/sync/domain/selection.ts';
import { readProfileFeed } from '../cloud/src/sync/profile-feed.ts';
import { createProfileFeedRepository } from '../cloud/src/sync/profile-feed-repository.ts';
import { seedAudience } from './lib/audience-seed.ts';
import { printTable, summarise } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '5000000' },
    rounds: { type: 'string', default: '5' },
    fresh: { type: 'boolean', default: false },
  },
});
const CUSTOMERS = Number(values.customers);
const ROUNDS = Number(values.rounds);
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BENCH_URL = Object.assign(new URL(SERVER), { pathname: '/vitrine_bench' }).toString();
const ORGANISATION = 'org_bench';
const STORE = 'sto_bench-007';
const AT = new Date('2026-12-02T12:00:00Z');

/** What marketers preview: one rule per kind of condition, and a combination. */
const RULES: Record<string, SegmentRuleInput> = {
  'tier at least gold': {
    match: 'all',
    conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }],
  },
  'lifetime value ≥ 5,000 and a preference': {
    match: 'all',
    conditions: [
      { field: 'lifetimeValue', op: 'gte', value: 5000 },
      { field: 'preferences', op: 'includes-any', value: ['Leica M', 'lenses'] },
    ],
  },
  'home store is this store': {
    match: 'all',
    conditions: [{ field: 'homeStore', op: 'in', value: ['this-store'] }],
  },
  '2+ visits anywhere': {
    match: 'all',
    conditions: [{ field: 'visitCount', op: 'gte', value: 2 }],
  },
  'a visit at this store': {
    match: 'all',
    conditions: [{ field: 'visitCount', op: 'gte', value: 1, scope: 'this-store' }],
  },
  'seen in the last 30 days': {
    match: 'all',
    conditions: [{ field: 'daysSinceLastVisit', op: 'lte', value: 30 }],
  },
  'last purchase a lens': {
    match: 'all',
    conditions: [{ field: 'lastPurchaseCategory', op: 'in', value: ['lenses'] }],
  },
  'birthday this month': {
    match: 'all',
    conditions: [{ field: 'birthdayMonth', op: 'is-current' }],
  },
  'VIP regulars (4 conditions)': {
    match: 'all',
    conditions: [
      { field: 'tier', op: 'at-least', value: 'silver' },
      { field: 'lifetimeValue', op: 'gte', value: 2000 },
      { field: 'visitCount', op: 'gte', value: 2 },
      { field: 'homeStore', op: 'not-in', value: ['this-store'] },
    ],
  },
};

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function rounds(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) samples.push((await timed(run)).ms);
  return samples;
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0);

async function main() {
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  if (values.fresh) await admin.unsafe('drop database if exists vitrine_bench');
  const [exists] = await admin`select 1 from pg_database where datname = 'vitrine_bench'`;
  if (exists === undefined) await admin.unsafe('create database vitrine_bench');
  await admin.end();

  const handle = await openDatabase({ url: BENCH_URL });
  const raw = postgres(BENCH_URL, { max: 2, onnotice: () => {} });
  try {
    const seeded = await seedAudience(raw, { organisationId: ORGANISATION, customers: CUSTOMERS });
    console.log(seeded.seconds > 0 ? `seeded in ${seeded.seconds.toFixed(0)} s` : 'seed kept');
    const [counts] = await raw`select
      (select count(*)::int from customers) as customers,
      (select count(*)::int from visits) as visits,
      (select count(*)::int from purchases) as purchases`;
    console.log(
      `${counts?.customers} customers, ${counts?.visits} visits, ${counts?.purchases} purchases`,
    );

    const rows: (string | number)[][] = [];
    const row = (name: string, samples: number[], baseline: number, extra: string) => {
      const summary = summarise(samples);
      rows.push([
        name,
        ms(summary.p50),
        ms(summary.max),
        (summary.p50 / baseline).toFixed(1),
        extra,
      ]);
      console.log(`${name}: p50 ${ms(summary.p50)} ms (${extra})`);
    };

    // Baselines: the organisation's customers counted raw, a raw primary-key read.
    const countAll = await rounds(
      () => raw`select count(*) from customers where organisation_id = ${ORGANISATION}`,
    );
    const countBaseline = summarise(countAll).p50;
    row('raw count(*) of the organisation', countAll, countBaseline, 'baseline');
    const pk = await rounds(() => raw`select * from customers where id = 'cus_b0002500'`);
    rows.push(['raw primary-key read', ms(summarise(pk).p50), ms(summarise(pk).max), '', '']);

    const segments = createSegmentRepository(handle.db);
    const situation = { storeId: STORE, at: AT, currentMonth: 12 };
    for (const [name, input] of Object.entries(RULES)) {
      const rule = segmentRuleSchema.parse(input);
      let size = 0;
      const samples = await rounds(async () => {
        size = (await segments.measure(ORGANISATION, rule, situation, 'rule')).size;
      });
      row(`preview: ${name}`, samples, countBaseline, `${size.toLocaleString('en')} customers`);
    }

    // One store's first sync: every snapshot page, as the edge reads them.
    const feed = createProfileFeedRepository(handle.db, createCustomerRepository(handle.db));
    const selection = {
      organisationId: ORGANISATION,
      storeId: STORE,
      visitedSince: recentVisitCutoff(AT),
    };
    const snapshot = await timed(async () => {
      let watermark = '0';
      let profiles = 0;
      for (;;) {
        const page = await readProfileFeed(feed, {
          selection,
          watermark,
          limit: 1000,
          view: (profile) => profile,
        });
        profiles += page.items.length;
        watermark = page.watermark;
        if (!page.more) return profiles;
      }
    });
    // Its baseline: as many customer rows read raw, by primary key order, in pages.
    const rawPages = await timed(async () => {
      let after = '';
      let read = 0;
      while (read < snapshot.result) {
        const page = await raw`select * from customers where organisation_id = ${ORGANISATION}
          and id > ${after} order by id limit ${Math.min(1000, snapshot.result - read)}`;
        if (page.length === 0) break;
        read += page.length;
        after = String(page.at(-1)?.id);
      }
      return read;
    });
    rows.push([
      'raw pages of as many customer rows',
      ms(rawPages.ms),
      '',
      '1.0',
      `${rawPages.result.toLocaleString('en')} rows`,
    ]);
    rows.push([
      `snapshot of ${STORE} (pages of 1,000)`,
      ms(snapshot.ms),
      '',
      (snapshot.ms / rawPages.ms).toFixed(1),
      `${snapshot.result.toLocaleString('en')} profiles, ${Math.round(snapshot.result / (snapshot.ms / 1000)).toLocaleString('en')}/s`,
    ]);

    console.log(printTable(['query', 'p50 ms', 'max ms', '× baseline', 'result'], rows));
  } finally {
    await raw.end();
    await handle.close();
  }
}

await main();
