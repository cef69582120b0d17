import type { CustomerProfile } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { viewProfileAs } from './profile-view.ts';

const profile: CustomerProfile = {
  id: 'cus_000001',
  firstName: 'Aiko',
  lastName: 'Tanaka',
  email: null,
  phone: null,
  tier: 'gold',
  lifetimeValue: 1200,
  currency: 'JPY',
  preferences: ['leica-m'],
  homeStoreId: 'sto_tokyo-ginza',
  homeStoreName: 'Ginza',
  consent: { tracking: true, marketing: true, profiling: false },
  notes: 'Prefers quiet mornings',
  recentPurchases: [
    {
      id: 'pur_000001-01',
      storeId: 'sto_tokyo-ginza',
      storeName: 'Ginza',
      purchasedAt: '2026-01-01T00:00:00.000Z',
      total: 1200,
      currency: 'JPY',
      lines: [],
    },
  ],
};

describe('viewProfileAs', () => {
  it('hides history, preferences and notes from the store without profiling consent', () => {
    for (const role of ['associate', 'edge'] as const) {
      const view = viewProfileAs(role, profile);
      expect(view).toMatchObject({ preferences: [], notes: '', recentPurchases: [] });
      expect(view.firstName).toBe('Aiko');
    }
  });

  it('hides where the customer was seen too, without profiling consent', () => {
    const visited: CustomerProfile = {
      ...profile,
      recentVisits: [
        {
          storeId: 'sto_paris-rivoli',
          storeName: 'Rivoli',
          visitedAt: '2026-02-01T10:00:00.000Z',
          method: 'app',
        },
      ],
    };
    expect(viewProfileAs('associate', visited).recentVisits).toEqual([]);
    expect(viewProfileAs('marketer', visited).recentVisits).toHaveLength(1);
    expect(viewProfileAs('edge', profile)).not.toHaveProperty('recentVisits');
  });

  it('shows the whole profile to the store once the customer consented', () => {
    const consenting = { ...profile, consent: { ...profile.consent, profiling: true } };
    expect(viewProfileAs('associate', consenting)).toEqual(consenting);
  });

  it('shows the whole profile to office roles', () => {
    expect(viewProfileAs('marketer', profile)).toEqual(profile);
    expect(viewProfileAs('admin', profile)).toEqual(profile);
  });
});
