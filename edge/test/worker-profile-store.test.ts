import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateLocalStore } from '../src/store/pglite-profile-store.ts';
import { openWorkerProfileStore } from '../src/store/worker-profile-store.ts';
import { localProfileStoreContract } from './local-store.contract.ts';
import { buildProfile } from './support/profiles.ts';

// A fresh PGlite costs seconds: one migrated template, written to a folder per store.
let template: Blob;
let root: string;
let folders = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vitrine-edge-worker-store-'));
  const client = await PGlite.create();
  await migrateLocalStore(client);
  template = await client.dumpDataDir('none');
  await client.close();
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

async function seededFolder(): Promise<string> {
  const dataDir = join(root, `profiles-${folders++}`);
  const seeded = await PGlite.create({ dataDir, loadDataDir: template });
  await seeded.close();
  return dataDir;
}

localProfileStoreContract('PGlite on its own thread', async () =>
  openWorkerProfileStore({ dataDir: await seededFolder() }),
);

describe('PGlite store on its own thread', () => {
  it('keeps the event loop free while a snapshot page is written', async () => {
    const store = await openWorkerProfileStore({ dataDir: await seededFolder() });
    const page = Array.from({ length: 1000 }, (_, i) =>
      buildProfile({ id: `cus_${String(i).padStart(6, '0')}` }),
    );
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    await store.applySync({ upserts: page, erasures: [], watermark: '1000' }, 1);
    delay.disable();
    expect(await store.count()).toBe(1000);
    // Writing 1,000 profiles in PGlite takes far longer than this on the edge's thread.
    expect(delay.max / 1e6).toBeLessThan(100);
    await store.close();
  }, 60_000);

  it('refuses calls once closed, and a folder that cannot be opened fails the open', async () => {
    const store = await openWorkerProfileStore({ dataDir: await seededFolder() });
    await store.close();
    await expect(store.count()).rejects.toThrow(/closed/);
    await expect(
      openWorkerProfileStore({ dataDir: '/proc/vitrine-cannot-write-here' }),
    ).rejects.toThrow();
  }, 60_000);
});
