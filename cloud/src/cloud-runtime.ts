import type { Logger } from 'pino';
import { type CloudApp, createCloudApp } from './app.ts';
import { createSigningKeyRepository } from './auth/signing-key-repository.ts';
import { loadSigningKeys } from './auth/signing-keys.ts';
import type { CloudConfig } from './config/cloud-config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { openDatabase } from './db/open-database.ts';
import { createCloudMetrics } from './observability/cloud-metrics.ts';
import { type SeedManifest, seedDemo } from './seed/seed-demo.ts';
import { createStoreRepository } from './stores/store-repository.ts';

export interface CloudRuntime {
  app: CloudApp;
  database: DatabaseHandle;
  /** Present when this start seeded the demo. */
  seeded: SeedManifest | null;
  close(): Promise<void>;
}

export interface CloudRuntimeOptions {
  logger: Logger;
  now?: () => Date;
}

/**
 * Config → database (migrated, seeded on first run when asked) → signing keys → app.
 * Shared by the Node and the Deno entry points, which only differ in how they serve.
 */
export async function createCloudRuntime(
  config: CloudConfig,
  { logger, now = () => new Date() }: CloudRuntimeOptions,
): Promise<CloudRuntime> {
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
  });
  logger.info(
    {
      driver: database.driver,
      dataDir: database.driver === 'pglite' ? config.database.dataDir : undefined,
    },
    'database ready',
  );
  try {
    let seeded: SeedManifest | null = null;
    const empty = (await createStoreRepository(database.db).countOrganisations()) === 0;
    if (config.seed.demo && empty) {
      const started = performance.now();
      seeded = await seedDemo(database.db, {
        customers: config.seed.customers,
        now: now(),
        engagement: true,
      });
      logger.info(
        {
          customers: seeded.customers,
          purchases: seeded.purchases,
          ms: Math.round(performance.now() - started),
        },
        'demo seeded',
      );
    }
    const keys = await loadSigningKeys(createSigningKeyRepository(database.db), { now });
    const app = createCloudApp({
      db: database.db,
      keys,
      logger,
      metrics: createCloudMetrics(),
      now,
    });
    return { app, database, seeded, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
