import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import {
  createAnalyticsRepository,
  type ReportScope,
} from '../src/analytics/analytics-repository.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';

// Writes EVENTS ingested events (1,000,000 by default) over 90 days in the three demo
// stores into a fresh PGlite data folder (or DATABASE_URL, an empty database), then
// times each analytics report for one store over a week and for every store over a month.
const events = Number(process.env.EVENTS ?? 1_000_000);
const runs = Number(process.env.RUNS ?? 5);
const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-measure-'));
const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir });

try {
  await seedDemo(database.db, { customers: 100, now: new Date('2026-11-01T00:00:00Z') });
  const writeStarted = performance.now();
  // Kinds in turn: zone entries, zone exits with their dwell, store entries, check-ins,
  // alerts naming one of ten campaigns, their acknowledgements, product scans.
  await database.db.execute(
    sql.raw(`
    insert into ingested_events (id, store_id, kind, occurred_at, payload, customer_id)
    select 'k:' || g,
      (array['sto_paris-rivoli', 'sto_tokyo-ginza', 'sto_newyork-soho'])[1 + g % 3],
      (array['presence', 'presence', 'presence', 'check-in', 'alert', 'alert-ack',
             'content-scan'])[1 + (g / 3) % 7],
      timestamptz '2026-09-01' + (g::float8 / ${events}) * interval '90 days',
      case (g / 3) % 7
        when 0 then jsonb_build_object('type', 'zone-enter', 'zoneId', 'zon_z-' || g % 5)
        when 1 then jsonb_build_object('type', 'zone-exit', 'zoneId', 'zon_z-' || g % 5,
                                       'durationMs', (g % 600) * 1000)
        when 2 then jsonb_build_object('type', 'store-enter')
        when 3 then jsonb_build_object('method', 'app')
        when 4 then jsonb_build_object('alertId', 'alr_' || g, 'campaignId', 'cmp_' || g % 10)
        when 5 then jsonb_build_object('alertId', 'alr_' || (g - 3))
        else jsonb_build_object('kind', 'product')
      end,
      'cus_' || lpad((g % 100 + 1)::text, 6, '0')
    from generate_series(1, ${events}) g`),
  );
  await database.db.execute(sql`analyze`);
  console.log(
    `${events} events written in ${Math.round(performance.now() - writeStarted)} ms (${database.driver})`,
  );

  const analytics = createAnalyticsRepository(database.db);
  const organisationId = 'org_maison-demo';
  const scopes: Array<[string, ReportScope]> = [
    [
      'one store, 7 days',
      { organisationId, storeId: 'sto_paris-rivoli', from: '2026-10-01', to: '2026-10-07' },
    ],
    ['all stores, 30 days', { organisationId, from: '2026-10-01', to: '2026-10-30' }],
  ];
  for (const [name, scope] of scopes) {
    for (const report of ['visits', 'alerts', 'activity'] as const) {
      const times: number[] = [];
      let rows = 0;
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        rows = (await analytics[report](scope)).length;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      console.log(
        `${report.padEnd(9)} ${name.padEnd(20)} ${String(rows).padStart(4)} rows  median ${median.toFixed(0)} ms`,
      );
    }
  }
} finally {
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
