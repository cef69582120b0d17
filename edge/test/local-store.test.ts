import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeferredProfileStore } from '../src/store/deferred-profile-store.ts';
import { createMemoryProfileStore } from '../src/store/memory-profile-store.ts';
import {
  createPgliteProfileStore,
  migrateLocalStore,
  openPgliteProfileStore,
} from '../src/store/pglite-profile-store.ts';
import { localProfileStoreContract } from './local-store.contract.ts';
import { buildProfile } from './support/profiles.ts';

// A fresh PGlite costs seconds: one migrated template for this file, cloned per test.
let template: Blob;
beforeAll(async () => {
  const client = await PGlite.create();
  await migrateLocalStore(client);
  template = await client.dumpDataDir('none');
  await client.close();
}, 60_000);

localProfileStoreContract('memory', async () => createMemoryProfileStore());
localProfileStoreContract('PGlite', async () =>
  createPgliteProfileStore(await PGlite.create({ loadDataDir: template })),
);

describe('PGlite local store on disk', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vitrine-edge-store-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps profiles and the watermark across a restart', async () => {
    const folder = join(dataDir, 'profiles');
    const seeded = await PGlite.create({ dataDir: folder, loadDataDir: template });
    await seeded.close();
    const first = await openPgliteProfileStore({ dataDir: folder });
    await first.applySync({ upserts: [buildProfile()], erasures: [], watermark: '42' }, 1);
    await first.close();
    const second = await openPgliteProfileStore({ dataDir: folder });
    expect(await second.watermark()).toBe('42');
    expect((await second.get('cus_000001'))?.profile.firstName).toBe('Haruki');
    await second.close();
  }, 60_000);

  it('reads a row that no longer fits the profile schema as absent', async () => {
    const client = await PGlite.create({ loadDataDir: template });
    await client.query(
      `insert into profiles (id, profile, tier, tracking, source, updated)
       values ('cus_000666', '{"id":"cus_000666","tier":"gold"}', 'gold', true, 'sync', 1)`,
    );
    const store = createPgliteProfileStore(client);
    expect(await store.get('cus_000666')).toBeNull();
    expect(await store.consentOf('cus_000666')).toBeNull();
    await store.close();
  });
  it('lets a copy kept on demand before holds existed go a hold after its fetch', async () => {
    const client = await PGlite.create({ loadDataDir: template });
    const profile = JSON.stringify(buildProfile({ id: 'cus_000070' }));
    await client.query(
      `insert into profiles (id, profile, tier, tracking, source, updated)
       values ('cus_000070', $1, 'silver', true, 'demand', 1000),
              ('cus_000071', $1, 'silver', true, 'demand', 1000)`,
      [profile],
    );
    const store = createPgliteProfileStore(client, { demandHoldMs: 50_000, visitHoldMs: 90_000 });
    await store.noteVisit('cus_000071', 20_000);
    expect(await store.pruneExpired(50_999)).toEqual([]);
    expect(await store.pruneExpired(51_000)).toEqual(['cus_000070']);
    expect(await store.pruneExpired(110_000)).toEqual(['cus_000071']);
    await store.close();
  });
});

localProfileStoreContract('deferred, over memory', async () =>
  createDeferredProfileStore(Promise.resolve(createMemoryProfileStore())),
);

describe('deferred local store', () => {
  it('finds nothing while opening, and writes once open', async () => {
    let open: (store: ReturnType<typeof createMemoryProfileStore>) => void = () => {};
    const inner = createMemoryProfileStore();
    const store = createDeferredProfileStore(new Promise((resolve) => (open = resolve)));
    expect(await store.get('cus_000001')).toBeNull();
    expect(await store.consentOf('cus_000001')).toBeNull();
    // A lookup's copy does not wait for the store: it is written once the store is open.
    await store.putFetched(buildProfile({ id: 'cus_000005' }), 1);
    const write = store.applySync({ upserts: [buildProfile()], erasures: [], watermark: '3' }, 1);
    open(inner);
    await write;
    expect((await store.get('cus_000001'))?.profile.id).toBe('cus_000001');
    expect(await inner.watermark()).toBe('3');
    expect((await store.get('cus_000005'))?.source).toBe('demand');
  });

  it('runs without a store that failed to open, and says so once', async () => {
    const failures: unknown[] = [];
    const store = createDeferredProfileStore(Promise.reject(new Error('disk full')), {
      onOpenFailed: (error) => failures.push(error),
    });
    await expect(store.applySync({ upserts: [], erasures: [], watermark: '1' }, 1)).rejects.toThrow(
      'could not be opened',
    );
    expect(await store.get('cus_000001')).toBeNull();
    await store.close();
    expect(failures).toHaveLength(1);
  });
});
