import { describe, expect, it } from 'vitest';
import { purchaseFixture } from '../../../test/fixtures/arrival-alerts.ts';
import { classifyPurchases, describeLines } from './purchases.ts';

describe('classifyPurchases', () => {
  const tokyo = purchaseFixture({ id: 'pur_t', purchasedAt: '2026-09-01T00:00:00Z' });
  const paris = purchaseFixture({
    id: 'pur_p',
    storeId: 'sto_paris-rivoli',
    storeName: 'Paris Rivoli',
    purchasedAt: '2026-11-01T00:00:00Z',
  });

  it('marks purchases made in another store', () => {
    const classified = classifyPurchases([tokyo, paris], 'sto_tokyo-ginza');
    expect(classified.map((c) => [c.purchase.id, c.otherStore])).toEqual([
      ['pur_p', true],
      ['pur_t', false],
    ]);
  });

  it('marks every purchase as other-store in a store the customer never bought in', () => {
    const classified = classifyPurchases([tokyo, paris], 'sto_newyork-soho');
    expect(classified.every((c) => c.otherStore)).toBe(true);
  });

  it('does not reorder the array it was given', () => {
    const given = [tokyo, paris];
    classifyPurchases(given, 'sto_tokyo-ginza');
    expect(given.map((p) => p.id)).toEqual(['pur_t', 'pur_p']);
  });
});

describe('describeLines', () => {
  it('names each item and shows quantities above one', () => {
    expect(
      describeLines([
        { sku: 'A', name: 'Silk scarf', category: 'accessories', quantity: 2, unitPrice: 1 },
        { sku: 'B', name: 'Camera strap', category: 'cameras', quantity: 1, unitPrice: 1 },
      ]),
    ).toBe('Silk scarf ×2, Camera strap');
  });

  it('is empty for a purchase without lines', () => {
    expect(describeLines([])).toBe('');
  });
});
