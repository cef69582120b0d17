/** Rows the repository contract suite writes: two stores, a few customers, purchases. */
export const ORG = 'org_contract';
export const OTHER_ORG = 'org_elsewhere';
export const TOKYO = 'sto_c-tokyo';
export const PARIS = 'sto_c-paris';
export const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.parse('2026-06-01T00:00:00.000Z');

export function customer(id: string, homeStoreId: string | null, organisationId = ORG) {
  return {
    id,
    organisationId,
    firstName: `First ${id}`,
    lastName: `Last ${id}`,
    email: `${id}@example.com`,
    phone: null,
    tier: 'gold' as const,
    lifetimeValue: 1234.5,
    currency: 'JPY',
    preferences: ['leica-m', 'silk scarves'],
    homeStoreId,
    consentTracking: true,
    consentMarketing: false,
    consentProfiling: true,
    notes: 'likes the lounge',
  };
}

export function purchase(id: string, customerId: string, storeId: string, daysAgo: number) {
  return {
    id,
    customerId,
    storeId,
    purchasedAt: new Date(T0 - daysAgo * DAY),
    total: 450.25,
    currency: storeId === TOKYO ? 'JPY' : 'EUR',
    lines: [{ sku: 'SLK-1', name: 'Silk carré', category: 'silk', quantity: 1, unitPrice: 450.25 }],
    itemCount: 1,
  };
}
