import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION, DEMO_STORES } from './demo-facts.ts';
import { generateCustomer } from './generate-customers.ts';
import { createRandom } from './prng.ts';

const now = new Date('2026-11-01T00:00:00.000Z');

function generate(count: number, seed = 7) {
  const options = {
    organisationId: DEMO_ORGANISATION.id,
    stores: DEMO_STORES,
    random: createRandom(seed),
    now,
  };
  return Array.from({ length: count }, (_, i) => generateCustomer(i + 1, options));
}

describe('generateCustomer', () => {
  it('gives the same customers for the same seed and different ones for another', () => {
    expect(generate(50)).toEqual(generate(50));
    expect(generate(50, 8)).not.toEqual(generate(50));
  });

  it('makes customer 1 a Tokyo platinum regular with purchases in every store', () => {
    const [first] = generate(1);
    expect(first?.customer).toMatchObject({
      id: 'cus_000001',
      tier: 'platinum',
      homeStoreId: 'sto_tokyo-ginza',
      consentProfiling: true,
    });
    expect(new Set(first?.purchases.map((p) => p.storeId)).size).toBe(3);
  });

  it('keeps tiers skewed, purchases in range and about a fifth of them away from home', () => {
    const all = generate(3_000);
    const tierCount = (tier: string) => all.filter(({ customer }) => customer.tier === tier).length;
    expect(tierCount('member')).toBeGreaterThan(tierCount('platinum') * 10);
    expect(tierCount('platinum')).toBeGreaterThan(0);
    const purchases = all.flatMap(({ customer, purchases }) =>
      purchases.map((p) => ({ p, customer })),
    );
    const abroad = purchases.filter(({ p, customer }) => p.storeId !== customer.homeStoreId).length;
    expect(abroad / purchases.length).toBeGreaterThan(0.15);
    expect(abroad / purchases.length).toBeLessThan(0.25);
    for (const { customer, purchases: own } of all) {
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(8);
      expect(customer.lifetimeValue).toBeGreaterThan(0);
      for (const purchase of own) {
        expect(purchase.purchasedAt.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime() - purchase.purchasedAt.getTime()).toBeLessThan(3 * 366 * 86_400_000);
      }
    }
  });

  it('writes notes for gold and platinum clients only', () => {
    for (const { customer } of generate(500)) {
      const topTier = customer.tier === 'gold' || customer.tier === 'platinum';
      expect(customer.notes !== '').toBe(topTier);
    }
  });

  it('gives every customer a unique email', () => {
    const emails = generate(2_000).map(({ customer }) => customer.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
