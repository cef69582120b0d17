import type { CustomerProfile, ProductCard, PurchaseSummary } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { personalLine } from './personal-line.ts';

const q3: ProductCard = {
  sku: 'CAM-LQ3',
  name: 'Leica Q3',
  category: 'cameras',
  price: 5900,
  currency: 'EUR',
};

const purchase = (lines: PurchaseSummary['lines'], storeName = 'Maison Lumière Rivoli') => ({
  id: 'pur_1',
  storeId: 'sto_paris-rivoli',
  storeName,
  purchasedAt: '2026-01-05T10:00:00Z',
  total: 100,
  currency: 'EUR',
  lines,
});
const line = (sku: string, name: string, category: string) => ({
  sku,
  name,
  category,
  quantity: 1,
  unitPrice: 100,
});
const consent = { tracking: true, marketing: true, profiling: true };
const profile = (
  recentPurchases: CustomerProfile['recentPurchases'],
  profiling = true,
): Pick<CustomerProfile, 'consent' | 'recentPurchases'> => ({
  consent: { ...consent, profiling },
  recentPurchases,
});

describe('the personal line of a product answer', () => {
  it('recalls a purchase of the same category, and where it was made', () => {
    const line_ = personalLine(
      profile([purchase([line('CAM-LM11', 'Leica M11 body', 'cameras')])]),
      q3,
    );
    expect(line_).toBe('It goes with the Leica M11 body you bought at Maison Lumière Rivoli.');
  });

  it('recalls the very piece when it was bought before, ahead of its category', () => {
    const history = [
      purchase([line('CAM-LM11', 'Leica M11 body', 'cameras')]),
      purchase([line('CAM-LQ3', 'Leica Q3', 'cameras')], 'Maison Lumière Ginza'),
    ];
    expect(personalLine(profile(history), q3)).toBe(
      'You bought the Leica Q3 at Maison Lumière Ginza.',
    );
  });

  it('says nothing without a purchase of the category', () => {
    expect(
      personalLine(profile([purchase([line('SLK-CARRE', 'Silk carré', 'silk')])]), q3),
    ).toBeNull();
    expect(personalLine(profile([]), q3)).toBeNull();
  });

  it('says nothing to a customer who did not consent to profiling', () => {
    const history = [purchase([line('CAM-LM11', 'Leica M11 body', 'cameras')])];
    expect(personalLine(profile(history, false), q3)).toBeNull();
  });

  it('keeps within the length a scan answer allows', () => {
    const long = purchase([line('CAM-X', 'x'.repeat(200), 'cameras')], 'y'.repeat(120));
    expect(personalLine(profile([long]), q3)?.length).toBe(280);
  });
});
