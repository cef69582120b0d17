import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { DatabaseHandle } from './database.ts';
import { schema } from './schema.ts';

/** The drizzle-kit output folder: one migration set applied by both drivers. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface OpenDatabaseOptions {
  /** PostgreSQL through postgres.js when set; PGlite otherwise. */
  url?: string | undefined;
  /** PGlite's data folder; in memory when absent. */
  dataDir?: string | undefined;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** postgres.js pool size. */
  maxConnections?: number;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase({
  url,
  dataDir,
  migrate = true,
  maxConnections = 10,
}: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (url !== undefined) {
    return openPostgres(url, { migrate, maxConnections });
  }
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
  }
  const client = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  return fromPglite(client, { migrate });
}

/** Wraps an open PGlite (a data folder, memory, or a loaded dump) as a database handle. */
export async function fromPglite(
  client: PGlite,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const db = drizzlePglite({ client, schema });
  if (migrate) {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return {
    db,
    driver: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

async function openPostgres(
  url: string,
  { migrate, maxConnections }: { migrate: boolean; maxConnections: number },
): Promise<DatabaseHandle> {
  // Notices ("relation already exists, skipping") are expected during migrations.
  const client = postgres(url, { max: maxConnections, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema });
  try {
    if (migrate) {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    }
  } catch (error) {
    await client.end({ timeout: 1 });
    throw error;
  }
  return {
    db,
    driver: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  };
}
