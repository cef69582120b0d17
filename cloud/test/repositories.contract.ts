import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialRepository } from '../src/auth/credential-repository.ts';
import { createSigningKeyRepository } from '../src/auth/signing-key-repository.ts';
import { createCustomerRepository } from '../src/customers/customer-repository.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import { visits } from '../src/db/schema-visits.ts';
import { createStoreRepository } from '../src/stores/store-repository.ts';
import {
  customer,
  DAY,
  ORG,
  OTHER_ORG,
  PARIS,
  purchase,
  T0,
  TOKYO,
} from './support/contract-fixtures.ts';

/**
 * What every database adapter must do for the repositories. Run once per backend by
 * repositories.test.ts; the backend is chosen by the environment.
 */
export function describeRepositoryContract(backend: string, open: () => Promise<DatabaseHandle>) {
  describe(`repositories on ${backend}`, () => {
    let database: DatabaseHandle;

    beforeAll(async () => {
      database = await open();
      const stores = createStoreRepository(database.db);
      await stores.insertOrganisation({ id: ORG, name: 'Contract' });
      await stores.insertOrganisation({ id: OTHER_ORG, name: 'Elsewhere' });
      const base = { organisationId: ORG, country: 'JP', timeZone: 'Asia/Tokyo', currency: 'JPY' };
      await stores.insertStore({ ...base, id: TOKYO, name: 'Tokyo', city: 'Tokyo' });
      await stores.insertStore({
        ...base,
        id: PARIS,
        name: 'Paris',
        city: 'Paris',
        country: 'FR',
        timeZone: 'Europe/Paris',
        currency: 'EUR',
      });
      await stores.insertZones([
        { id: 'zon_c-tokyo-entrance', storeId: TOKYO, name: 'Entrance', kind: 'entrance' },
        { id: 'zon_c-tokyo-lounge', storeId: TOKYO, name: 'Lounge', kind: 'lounge' },
      ]);
      const customers = createCustomerRepository(database.db);
      await customers.insertCustomers([
        customer('cus_c1', TOKYO),
        customer('cus_c2', PARIS),
        customer('cus_c3', TOKYO),
        customer('cus_c4', null),
        customer('cus_other', null, OTHER_ORG),
      ]);
      await customers.insertPurchases([
        purchase('pur_c1-1', 'cus_c1', TOKYO, 700),
        purchase('pur_c1-2', 'cus_c1', PARIS, 10),
        purchase('pur_c1-3', 'cus_c1', TOKYO, 30),
        purchase('pur_c1-4', 'cus_c1', PARIS, 300),
        purchase('pur_c1-5', 'cus_c1', TOKYO, 1),
        purchase('pur_c1-6', 'cus_c1', TOKYO, 90),
        purchase('pur_c1-7', 'cus_c1', PARIS, 2),
        purchase('pur_c3-1', 'cus_c3', PARIS, 5),
      ]);
      const visit = (id: string, customerId: string, storeId: string, daysAgo: number) => ({
        id: `check-in:${id}`,
        organisationId: ORG,
        customerId,
        storeId,
        visitedAt: new Date(T0 - daysAgo * DAY),
        method: 'app',
      });
      await database.db
        .insert(visits)
        .values([
          visit('v1', 'cus_c2', TOKYO, 40),
          visit('v2', 'cus_c2', PARIS, 3),
          visit('v3', 'cus_c2', TOKYO, 1),
          visit('v4', 'cus_c2', PARIS, 20),
          visit('v5', 'cus_c2', PARIS, 9),
          visit('v6', 'cus_c2', TOKYO, 60),
          { ...visit('v7', 'cus_c2', TOKYO, 0), organisationId: OTHER_ORG },
        ]);
    });

    afterAll(async () => {
      await database?.close();
    });

    it('answers a ping', async () => {
      await expect(database.ping()).resolves.toBeUndefined();
    });

    describe('stores', () => {
      it('lists the stores of an organisation with their zones', async () => {
        const stores = await createStoreRepository(database.db).listStores(ORG);
        expect(stores.map((store) => store.id)).toEqual([PARIS, TOKYO]);
        expect(stores[1]).toMatchObject({ timeZone: 'Asia/Tokyo', currency: 'JPY', country: 'JP' });
        expect(stores[1]?.zones.map((zone) => zone.kind)).toEqual(['entrance', 'lounge']);
        expect(stores[0]?.zones).toEqual([]);
      });

      it('does not find a store through another organisation', async () => {
        const repository = createStoreRepository(database.db);
        await expect(repository.findStore(OTHER_ORG, TOKYO)).resolves.toBeNull();
        await expect(repository.findStore(ORG, TOKYO)).resolves.toMatchObject({ name: 'Tokyo' });
      });

      it('refuses a store with an unknown time zone or a bad currency', async () => {
        const repository = createStoreRepository(database.db);
        const store = {
          id: 'sto_c-mars',
          organisationId: ORG,
          name: 'Mars',
          city: 'Olympus',
          country: 'JP',
          timeZone: 'Mars/Olympus',
          currency: 'JPY',
        };
        await expect(repository.insertStore(store)).rejects.toThrow(/IANA/);
        await expect(
          repository.insertStore({ ...store, timeZone: 'UTC', currency: 'yen' }),
        ).rejects.toThrow(/ISO 4217/);
        await expect(repository.findStore(ORG, 'sto_c-mars')).resolves.toBeNull();
      });
    });

    describe('credentials', () => {
      beforeAll(async () => {
        const credentials = createCredentialRepository(database.db);
        await credentials.insertAssociates([
          {
            id: 'asc_c-aiko',
            organisationId: ORG,
            storeId: TOKYO,
            name: 'Aiko',
            email: 'Aiko@Contract.test',
            passwordHash: 'h1',
          },
        ]);
        await credentials.insertUsers([
          {
            id: 'usr_c-admin',
            organisationId: ORG,
            name: 'Admin',
            email: 'admin@contract.test',
            role: 'admin',
            passwordHash: 'h2',
          },
        ]);
      });

      it('finds an associate by email whatever its case, with its store', async () => {
        const found = await createCredentialRepository(database.db).findByEmail(
          'aiko@contract.TEST',
        );
        expect(found).toEqual({
          id: 'asc_c-aiko',
          organisationId: ORG,
          name: 'Aiko',
          role: 'associate',
          storeId: TOKYO,
          passwordHash: 'h1',
        });
      });

      it('finds an office user with no store, and nobody for an unknown email', async () => {
        const repository = createCredentialRepository(database.db);
        await expect(repository.findByEmail('admin@contract.test')).resolves.toMatchObject({
          role: 'admin',
          storeId: null,
        });
        await expect(repository.findByEmail('nobody@contract.test')).resolves.toBeNull();
      });

      it('refuses a second associate with the same email in another case', async () => {
        const repository = createCredentialRepository(database.db);
        await expect(
          repository.insertAssociates([
            {
              id: 'asc_c-aiko2',
              organisationId: ORG,
              storeId: PARIS,
              name: 'Aiko bis',
              email: 'AIKO@contract.test',
              passwordHash: 'h3',
            },
          ]),
        ).rejects.toThrow();
      });

      it('lists the associates of one store only', async () => {
        const repository = createStoreRepository(database.db);
        await expect(repository.listAssociates(TOKYO)).resolves.toEqual([
          { id: 'asc_c-aiko', storeId: TOKYO, name: 'Aiko', email: 'Aiko@Contract.test' },
        ]);
        await expect(repository.listAssociates(PARIS)).resolves.toEqual([]);
      });
    });

    describe('customer profiles', () => {
      it('gives the five latest purchases across all stores, newest first, with store names', async () => {
        const profile = await createCustomerRepository(database.db).findProfile(ORG, 'cus_c1');
        expect(profile?.recentPurchases.map((p) => p.id)).toEqual([
          'pur_c1-5',
          'pur_c1-7',
          'pur_c1-2',
          'pur_c1-3',
          'pur_c1-6',
        ]);
        expect(profile?.recentPurchases[1]).toEqual({
          id: 'pur_c1-7',
          storeId: PARIS,
          storeName: 'Paris',
          purchasedAt: new Date(T0 - 2 * DAY).toISOString(),
          total: 450.25,
          currency: 'EUR',
          lines: [
            { sku: 'SLK-1', name: 'Silk carré', category: 'silk', quantity: 1, unitPrice: 450.25 },
          ],
        });
      });

      it('maps every column of the customer', async () => {
        const profile = await createCustomerRepository(database.db).findProfile(ORG, 'cus_c3');
        expect({ ...profile, recentPurchases: profile?.recentPurchases.length }).toEqual({
          id: 'cus_c3',
          firstName: 'First cus_c3',
          lastName: 'Last cus_c3',
          email: 'cus_c3@example.com',
          phone: null,
          tier: 'gold',
          lifetimeValue: 1234.5,
          currency: 'JPY',
          preferences: ['leica-m', 'silk scarves'],
          homeStoreId: TOKYO,
          homeStoreName: 'Tokyo',
          consent: { tracking: true, marketing: false, profiling: true },
          notes: 'likes the lounge',
          recentPurchases: 1,
          recentVisits: [],
        });
      });

      it('gives the five latest visits across all stores, newest first, with store names', async () => {
        const repository = createCustomerRepository(database.db);
        const profile = await repository.findProfile(ORG, 'cus_c2');
        expect(profile?.recentVisits?.map((v) => v.visitedAt)).toEqual(
          [1, 3, 9, 20, 40].map((days) => new Date(T0 - days * DAY).toISOString()),
        );
        expect(profile?.recentVisits?.[0]).toEqual({
          storeId: TOKYO,
          storeName: 'Tokyo',
          visitedAt: new Date(T0 - DAY).toISOString(),
          method: 'app',
        });
        const [listed] = await repository.findProfiles(ORG, ['cus_c2']);
        expect(listed?.recentVisits).toEqual(profile?.recentVisits);
      });

      it('gives a customer without home store or purchases', async () => {
        const profile = await createCustomerRepository(database.db).findProfile(ORG, 'cus_c4');
        expect(profile).toMatchObject({
          homeStoreId: null,
          homeStoreName: null,
          recentPurchases: [],
        });
      });

      it('does not find a customer through another organisation, nor an unknown one', async () => {
        const repository = createCustomerRepository(database.db);
        await expect(repository.findProfile(ORG, 'cus_other')).resolves.toBeNull();
        await expect(repository.findProfile(OTHER_ORG, 'cus_c1')).resolves.toBeNull();
        await expect(repository.findProfile(ORG, 'cus_nobody')).resolves.toBeNull();
      });

      it('pages through profiles in id order with a cursor', async () => {
        const repository = createCustomerRepository(database.db);
        const first = await repository.listProfiles({ organisationId: ORG, limit: 3 });
        expect(first.items.map((item) => item.id)).toEqual(['cus_c1', 'cus_c2', 'cus_c3']);
        expect(first.nextCursor).toBe('cus_c3');
        expect(first.items[0]?.recentPurchases).toHaveLength(5);
        expect(first.items[0]?.recentPurchases[0]?.id).toBe('pur_c1-5');
        const second = await repository.listProfiles({
          organisationId: ORG,
          limit: 3,
          after: 'cus_c3',
        });
        expect(second).toMatchObject({ nextCursor: null });
        expect(second.items.map((item) => item.id)).toEqual(['cus_c4']);
      });

      it("lists only a store's home customers", async () => {
        const page = await createCustomerRepository(database.db).listProfiles({
          organisationId: ORG,
          homeStoreId: TOKYO,
          limit: 10,
        });
        expect(page.items.map((item) => item.id)).toEqual(['cus_c1', 'cus_c3']);
        expect(page.items[1]?.recentPurchases.map((p) => p.storeName)).toEqual(['Paris']);
      });
    });

    describe('signing keys', () => {
      it('lists active keys oldest first and forgets retired ones', async () => {
        const repository = createSigningKeyRepository(database.db);
        const key = (kid: string, at: number) => ({
          kid,
          publicJwk: { kty: 'EC', x: kid },
          privateJwk: { kty: 'EC', d: kid },
          createdAt: new Date(at),
        });
        await repository.insert(key('k-new', T0));
        await repository.insert(key('k-old', T0 - DAY));
        expect((await repository.listActive()).map((k) => k.kid)).toEqual(['k-old', 'k-new']);
        await repository.retire('k-old', new Date(T0));
        const active = await repository.listActive();
        expect(active.map((k) => k.kid)).toEqual(['k-new']);
        expect(active[0]?.publicJwk).toEqual({ kty: 'EC', x: 'k-new' });
      });
    });
  });
}
