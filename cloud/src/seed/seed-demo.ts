import { sql } from 'drizzle-orm';
import { createCredentialRepository } from '../auth/credential-repository.ts';
import { hashPassword } from '../auth/password.ts';
import { createProductRepository } from '../content-codes/product-repository.ts';
import { createCustomerRepository, type NewCustomer } from '../customers/customer-repository.ts';
import type { Database } from '../db/database.ts';
import { insertMemberCredentials } from '../members/member-repository.ts';
import { createStoreRepository } from '../stores/store-repository.ts';
import { PRODUCTS } from './domain/demo-catalog.ts';
import { demoBirthMonth } from './domain/demo-engagement.ts';
import {
  DEMO_LOGINS,
  DEMO_ORGANISATION,
  DEMO_STORES,
  type DemoLogin,
  demoZones,
} from './domain/demo-facts.ts';
import { DEMO_SEED, type DemoMemberLogin, demoMemberLogins } from './domain/demo-members.ts';
import {
  customerId,
  type GeneratedPurchase,
  generateCustomer,
} from './domain/generate-customers.ts';
import { createRandom } from './domain/prng.ts';
import { seedEngagement } from './seed-engagement.ts';

export interface SeedDemoOptions {
  /** How many customers (cus_000001 …); 10,000 by default. */
  customers?: number;
  /** Purchases are spread over the three years before this instant. */
  now?: Date;
  /** The PRNG seed; the same seed and `now` give the same data. */
  seed?: number;
  /** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters. */
  batchSize?: number;
  /**
   * Also the demo's campaigns, offers, screen content and launch, and customers' birth
   * months: what `npm start` shows. Off by default, so tests start from no campaigns.
   */
  engagement?: boolean;
}

export interface SeedManifest {
  organisationId: string;
  storeIds: string[];
  customers: number;
  purchases: number;
  /** A Tokyo platinum client with purchases in every store. */
  featuredCustomerId: string;
  logins: readonly DemoLogin[];
  /** Customers who sign in to the loyalty card. */
  memberLogins: readonly DemoMemberLogin[];
}

/** Writes the demo organisation into an empty database, in one transaction. */
export async function seedDemo(
  db: Database,
  {
    customers = 10_000,
    now = new Date(),
    seed = DEMO_SEED,
    batchSize = 1_000,
    engagement = false,
  }: SeedDemoOptions = {},
): Promise<SeedManifest> {
  const random = createRandom(seed);
  const passwordHashes = await Promise.all(
    DEMO_LOGINS.map((login) => hashPassword(login.password)),
  );
  const memberLogins = demoMemberLogins({ seed, customers });
  const memberHashes = await Promise.all(memberLogins.map((login) => hashPassword(login.password)));
  let purchaseCount = 0;

  await db.transaction(async (tx) => {
    const stores = createStoreRepository(tx);
    const credentials = createCredentialRepository(tx);
    const customerRepository = createCustomerRepository(tx);

    await stores.insertOrganisation(DEMO_ORGANISATION);
    for (const store of DEMO_STORES) {
      await stores.insertStore({
        id: store.id,
        organisationId: DEMO_ORGANISATION.id,
        name: store.name,
        city: store.city,
        country: store.country,
        timeZone: store.timeZone,
        currency: store.currency,
      });
      await stores.insertZones(demoZones(store));
    }
    // The catalogue the customers' purchase lines come from: its product codes show it.
    await createProductRepository(tx).insertProducts(
      PRODUCTS.map(({ sku, name, category, priceEur }) => ({
        organisationId: DEMO_ORGANISATION.id,
        sku,
        name,
        category,
        price: priceEur,
        currency: 'EUR',
      })),
    );

    const withHash = DEMO_LOGINS.map((login, i) => ({
      login,
      passwordHash: passwordHashes[i] ?? '',
    }));
    await credentials.insertUsers(
      withHash.flatMap(({ login, passwordHash }) =>
        login.role === 'associate'
          ? []
          : [
              {
                id: login.id,
                organisationId: DEMO_ORGANISATION.id,
                name: login.name,
                email: login.email,
                role: login.role,
                passwordHash,
              },
            ],
      ),
    );
    await credentials.insertAssociates(
      withHash.flatMap(({ login, passwordHash }) =>
        login.role === 'associate' && login.storeId !== null
          ? [
              {
                id: login.id,
                organisationId: DEMO_ORGANISATION.id,
                storeId: login.storeId,
                name: login.name,
                email: login.email,
                passwordHash,
              },
            ]
          : [],
      ),
    );

    let customerBatch: NewCustomer[] = [];
    let purchaseBatch: GeneratedPurchase[] = [];
    const options = { organisationId: DEMO_ORGANISATION.id, stores: DEMO_STORES, random, now };
    for (let index = 1; index <= customers; index += 1) {
      const generated = generateCustomer(index, options);
      customerBatch.push(
        engagement
          ? { ...generated.customer, birthMonth: demoBirthMonth(index, now) }
          : generated.customer,
      );
      purchaseBatch.push(...generated.purchases);
      purchaseCount += generated.purchases.length;
      if (customerBatch.length >= batchSize || index === customers) {
        await customerRepository.insertCustomers(customerBatch);
        // Purchases reference customers: write them after their batch of customers.
        for (let start = 0; start < purchaseBatch.length; start += batchSize * 2) {
          await customerRepository.insertPurchases(
            purchaseBatch.slice(start, start + batchSize * 2),
          );
        }
        customerBatch = [];
        purchaseBatch = [];
      }
    }
    await insertMemberCredentials(
      tx,
      memberLogins.map((login, i) => ({
        customerId: login.customerId,
        organisationId: DEMO_ORGANISATION.id,
        passwordHash: memberHashes[i] ?? '',
      })),
    );
    if (engagement) await seedEngagement(tx, now);
  });
  // Fresh statistics, so that the planner uses the indexes on the new rows at once.
  await db.execute(sql`analyze`);

  return {
    organisationId: DEMO_ORGANISATION.id,
    storeIds: DEMO_STORES.map((store) => store.id),
    customers,
    purchases: purchaseCount,
    featuredCustomerId: customerId(1),
    logins: DEMO_LOGINS,
    memberLogins,
  };
}
