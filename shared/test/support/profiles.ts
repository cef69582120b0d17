import { type CustomerProfile, customerProfileSchema } from '../../src/index.ts';

/** A Tokyo platinum client who last bought in Ginza; parsed so a fixture never drifts. */
export function buildProfile(overrides: Partial<CustomerProfile> = {}): CustomerProfile {
  return customerProfileSchema.parse({
    id: 'cus_000001',
    firstName: 'Haruki',
    lastName: 'Sato',
    email: 'haruki.sato@example.jp',
    phone: '+81 3 0000 0001',
    tier: 'platinum',
    lifetimeValue: 48_200,
    currency: 'JPY',
    preferences: ['black and white film', 'rangefinders', 'cashmere'],
    homeStoreId: 'sto_tokyo-ginza',
    homeStoreName: 'Tokyo',
    consent: { tracking: true, marketing: true, profiling: true },
    notes: 'Prefers to be greeted in English.',
    recentPurchases: [
      {
        id: 'pur_0001',
        storeId: 'sto_tokyo-ginza',
        storeName: 'Ginza',
        purchasedAt: '2026-10-02T05:00:00Z',
        total: 6250,
        currency: 'JPY',
        lines: [
          { sku: 'LEI-Q3', name: 'Leica Q3', category: 'cameras', quantity: 1, unitPrice: 6250 },
        ],
      },
      {
        id: 'pur_0002',
        storeId: 'sto_tokyo-ginza',
        storeName: 'Ginza',
        purchasedAt: '2026-03-02T05:00:00Z',
        total: 90,
        currency: 'JPY',
        lines: [
          { sku: 'ILF-HP5', name: 'Ilford HP5', category: 'film', quantity: 3, unitPrice: 30 },
        ],
      },
    ],
    ...overrides,
  });
}
