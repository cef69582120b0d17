import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { fromPglite, MIGRATIONS_FOLDER, openDatabase } from '../../src/db/open-database.ts';

/**
 * A fresh, migrated database for one test file, on the backend the environment selects:
 * PostgreSQL (a database of its own on the DATABASE_URL server) when DATABASE_URL is
 * set, PGlite in memory otherwise. close() drops it.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  return url === undefined || url === '' ? createPgliteDatabase() : createPostgresDatabase(url);
}

export function testBackendName(): string {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

/** An empty database of its own on the server of `serverUrl`; drop() removes it. */
export async function createScratchPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vitrine_t_${randomBytes(6).toString('hex')}`;
  const onServer = async (statement: string) => {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(statement);
    } finally {
      await admin.end({ timeout: 5 });
    }
  };
  await onServer(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`drop database if exists ${name} with (force)`),
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<DatabaseHandle> {
  const scratch = await createScratchPostgresDatabase(serverUrl);
  const handle = await openDatabase({ url: scratch.url, maxConnections: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/**
 * A PGlite initdb plus migrations costs seconds; loading a dump of an already migrated
 * data folder costs less than half. The dump is kept in the temp folder, keyed by the
 * migrations' content, and shared by every test file (each loads its own copy).
 */
async function createPgliteDatabase(): Promise<DatabaseHandle> {
  const template = await migratedTemplate();
  const client = await PGlite.create({ loadDataDir: template });
  return fromPglite(client);
}

async function migratedTemplate(): Promise<Blob> {
  const path = join(tmpdir(), `vitrine-cloud-template-${await migrationsDigest()}.tar`);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const client = await PGlite.create();
    await fromPglite(client);
    const dump = await client.dumpDataDir('none');
    await client.close();
    // Write then rename: another test file may be building the same template right now.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, path);
    return dump;
  }
}

async function migrationsDigest(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else hash.update(entry.name).update(await readFile(path));
    }
  };
  await walk(MIGRATIONS_FOLDER);
  return hash.digest('hex').slice(0, 16);
}
