import { DEMO_ORGANISATION, DEMO_STORES } from './demo-facts.ts';
import { generateCustomer } from './generate-customers.ts';
import { createRandom } from './prng.ts';

/** The seed of the demo's generated customers (`seedDemo`'s default). */
export const DEMO_SEED = 0x5eed;
export const DEMO_MEMBER_PASSWORD = 'vitrine-demo-card';

/** A seeded customer who signs in to the loyalty card. */
export interface DemoMemberLogin {
  customerId: string;
  email: string;
  password: string;
  name: string;
  /** Their home store. */
  storeId: string;
}

/** Chosen among the first customers: every demo size from this many has them. */
const SCAN = 50;

/**
 * The demo members: the first platinum client of the first store (the design's Tokyo
 * regular) and the first client of the second store, both consenting to tracking and
 * marketing, so the card's check-ins, offers and invitations show. Pure: regenerates
 * the first customers as `seedDemo` does with the same seed (their names and consent do
 * not depend on the date).
 */
export function demoMemberLogins({
  seed = DEMO_SEED,
  customers = SCAN,
}: {
  seed?: number;
  customers?: number;
} = {}): DemoMemberLogin[] {
  const random = createRandom(seed);
  const options = {
    organisationId: DEMO_ORGANISATION.id,
    stores: DEMO_STORES,
    random,
    now: new Date(0),
  };
  const wanted = [
    { storeId: DEMO_STORES[0]?.id, platinum: true },
    { storeId: DEMO_STORES[1]?.id, platinum: false },
  ];
  const found: DemoMemberLogin[] = [];
  for (let index = 1; index <= Math.min(customers, SCAN); index += 1) {
    const { customer } = generateCustomer(index, options);
    if (!customer.consentTracking || !customer.consentMarketing) continue;
    const match = wanted.findIndex(
      (want) =>
        want.storeId === customer.homeStoreId && (!want.platinum || customer.tier === 'platinum'),
    );
    if (match < 0) continue;
    wanted.splice(match, 1);
    found.push({
      customerId: customer.id,
      email: customer.email,
      password: DEMO_MEMBER_PASSWORD,
      name: `${customer.firstName} ${customer.lastName}`,
      storeId: customer.homeStoreId,
    });
  }
  return found;
}

/** The demo's member logins, as `npm start` seeds them. */
export const DEMO_MEMBER_LOGINS: readonly DemoMemberLogin[] = demoMemberLogins();
