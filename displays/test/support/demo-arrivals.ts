import type { ArrivalAlert } from '@vitrine/shared';
import { alertFixture, profileFixture, purchaseFixture } from '../fixtures/arrival-alerts.ts';

const minutesBefore = (now: Date, minutes: number) =>
  new Date(now.getTime() - minutes * 60_000).toISOString();

/** A Paris gold client arriving in Tokyo: the live alert the browser test pushes. */
export function visitingGoldArrival(now: Date): ArrivalAlert {
  return alertFixture({ alertId: 'alr_live_elise', arrivedAt: minutesBefore(now, 0) });
}

/** What /api/alerts/recent returns at login: a home client, a cached and a missing profile. */
export function earlierArrivals(now: Date): ArrivalAlert[] {
  return [
    alertFixture({
      alertId: 'alr_recent_haruto',
      source: 'qr-scan',
      zoneId: 'zon_tokyo-ginza-lounge',
      arrivedAt: minutesBefore(now, 18),
      suggestion: 'The 50mm Summilux he reserved has arrived; offer the lounge for a test.',
      profile: profileFixture({
        id: 'cus_000457',
        firstName: 'Haruto',
        lastName: 'Nakamura',
        tier: 'platinum',
        lifetimeValue: 12_480_000,
        currency: 'JPY',
        homeStoreId: 'sto_tokyo-ginza',
        homeStoreName: 'Tokyo Ginza',
        preferences: ['rangefinder cameras', 'tailored jackets', 'green tea'],
        notes: 'Photographs architecture; ask about his Kyoto series.',
        recentPurchases: [
          purchaseFixture({
            id: 'pur_000901',
            purchasedAt: minutesBefore(now, 60 * 24 * 12),
            total: 1_250_000,
            lines: [
              {
                sku: 'CAM-RF-M11',
                name: 'Rangefinder M11 body',
                category: 'cameras',
                quantity: 1,
                unitPrice: 1_250_000,
              },
            ],
          }),
          purchaseFixture({
            id: 'pur_000902',
            storeId: 'sto_newyork-soho',
            storeName: 'New York SoHo',
            purchasedAt: minutesBefore(now, 60 * 24 * 64),
            total: 2890,
            currency: 'USD',
            lines: [
              {
                sku: 'JKT-WOOL-04',
                name: 'Wool travel jacket',
                category: 'ready-to-wear',
                quantity: 1,
                unitPrice: 2890,
              },
            ],
          }),
        ],
      }),
    }),
    alertFixture({
      alertId: 'alr_recent_sofia',
      source: 'presence',
      zoneId: 'zon_tokyo-ginza-floor',
      arrivedAt: minutesBefore(now, 34),
      degraded: true,
      freshness: 'cached',
      suggestion: null,
      profile: profileFixture({
        id: 'cus_002318',
        firstName: 'Sofia',
        lastName: 'Rossi',
        tier: 'silver',
        lifetimeValue: 6420,
        currency: 'USD',
        homeStoreId: 'sto_newyork-soho',
        homeStoreName: 'New York SoHo',
        preferences: ['minimalist jewellery'],
        notes: '',
        recentPurchases: [],
      }),
    }),
    alertFixture({
      alertId: 'alr_recent_unknown',
      customerId: 'cus_004217',
      source: 'check-in',
      arrivedAt: minutesBefore(now, 47),
      degraded: true,
      freshness: 'unavailable',
      tier: 'member',
      profile: null,
      suggestion: null,
    }),
  ];
}

/** A Tokyo member with no purchases yet: a second live alert. */
export function homeMemberArrival(now: Date): ArrivalAlert {
  return alertFixture({
    alertId: 'alr_live_ren',
    source: 'presence',
    zoneId: 'zon_tokyo-ginza-counter',
    arrivedAt: minutesBefore(now, 0),
    suggestion: 'Welcome Ren and offer the loyalty app tour.',
    profile: profileFixture({
      id: 'cus_009001',
      firstName: 'Ren',
      lastName: 'Kobayashi',
      tier: 'member',
      lifetimeValue: 0,
      currency: 'JPY',
      homeStoreId: 'sto_tokyo-ginza',
      homeStoreName: 'Tokyo Ginza',
      preferences: [],
      notes: '',
      recentPurchases: [],
    }),
  });
}
