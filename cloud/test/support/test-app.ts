import { loginResponseSchema } from '@vitrine/shared';
import { pino } from 'pino';
import { createCloudApp } from '../../src/app.ts';
import { createSigningKeyRepository } from '../../src/auth/signing-key-repository.ts';
import { loadSigningKeys } from '../../src/auth/signing-keys.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { createCloudMetrics } from '../../src/observability/cloud-metrics.ts';
import { type SeedManifest, seedDemo } from '../../src/seed/seed-demo.ts';
import { createTestDatabase } from './test-database.ts';

/** Purchases are generated relative to this instant, so tests see the same data. */
export const SEED_NOW = new Date('2026-11-01T09:00:00.000Z');

export interface TestCloud {
  app: ReturnType<typeof createCloudApp>;
  database: DatabaseHandle;
  manifest: SeedManifest;
  close(): Promise<void>;
}

/** A seeded database and the app over it, the way main.ts composes them. */
export async function createTestCloud({
  customers = 60,
  now = () => SEED_NOW,
}: {
  customers?: number;
  now?: () => Date;
} = {}): Promise<TestCloud> {
  const database = await createTestDatabase();
  const manifest = await seedDemo(database.db, { customers, now: SEED_NOW });
  const keys = await loadSigningKeys(createSigningKeyRepository(database.db), { now });
  const app = createCloudApp({
    db: database.db,
    keys,
    logger: pino({ level: 'silent' }),
    metrics: createCloudMetrics({ defaultMetrics: false }),
    now,
  });
  return { app, database, manifest, close: () => database.close() };
}

export async function loginAs(cloud: TestCloud, email: string): Promise<string> {
  const response = await cloud.app.request('/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'vitrine-demo' }),
  });
  const body = loginResponseSchema.safeParse(await response.json());
  if (response.status !== 200 || !body.success) {
    throw new Error(`login of ${email} failed with ${response.status}`);
  }
  return body.data.token;
}

/** Logs in demo staff by first name (`<name>@vitrine.demo`): their tokens by name. */
export async function loginStaff<Name extends string>(
  cloud: TestCloud,
  names: readonly Name[],
): Promise<Record<Name, string>> {
  const tokens = {} as Record<Name, string>;
  for (const name of names) tokens[name] = await loginAs(cloud, `${name}@vitrine.demo`);
  return tokens;
}
