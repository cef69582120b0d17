import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginResponseSchema } from '@vitrine/shared';
import { pino } from 'pino';
import { createCloudApp } from '../src/app.ts';
import { createSigningKeyRepository } from '../src/auth/signing-key-repository.ts';
import { loadSigningKeys } from '../src/auth/signing-keys.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { createCloudMetrics } from '../src/observability/cloud-metrics.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';

// Seeds the default demo into a fresh PGlite data folder (or DATABASE_URL, which must
// point at an empty database) and times GET /v1/customers/{id}/profile in process.
const customers = Number(process.env.CLOUD_SEED_CUSTOMERS ?? 10_000);
const calls = Number(process.env.CALLS ?? 1_000);
const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-measure-'));
const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir });

const seedStarted = performance.now();
await seedDemo(database.db, { customers });
const seedMs = performance.now() - seedStarted;

const keys = await loadSigningKeys(createSigningKeyRepository(database.db));
const app = createCloudApp({
  db: database.db,
  keys,
  logger: pino({ level: 'silent' }),
  metrics: createCloudMetrics({ defaultMetrics: false }),
});
const login = await app.request('/v1/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'aiko@vitrine.demo', password: 'vitrine-demo' }),
});
const { token } = loginResponseSchema.parse(await login.json());
const headers = { authorization: `Bearer ${token}` };

const durations: number[] = [];
for (let i = 0; i < calls + 50; i += 1) {
  const id = `cus_${String(1 + ((i * 7919) % customers)).padStart(6, '0')}`;
  const started = performance.now();
  const response = await app.request(`/v1/customers/${id}/profile`, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`profile ${id}: ${response.status}`);
  if (i >= 50) durations.push(performance.now() - started);
}
durations.sort((a, b) => a - b);
const at = (q: number) =>
  durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
console.log(
  JSON.stringify({
    driver: database.driver,
    customers,
    seedMs: Math.round(seedMs),
    calls,
    p50Ms: Number(at(0.5).toFixed(3)),
    p90Ms: Number(at(0.9).toFixed(3)),
    p99Ms: Number(at(0.99).toFixed(3)),
  }),
);
await database.close();
await rm(dataDir, { recursive: true, force: true });
