import { describe, expect, it } from 'vitest';
import { offerSchema } from './offer.ts';

const offer = {
  id: 'off_chrono-10',
  name: 'Chronograph 10 %',
  title: '10 % on the new chronographs',
  benefit: { kind: 'percent', percent: 10 },
  validity: { from: '2026-11-01T00:00:00+01:00', until: '2026-12-01T00:00:00+01:00' },
};

describe('offer', () => {
  it('fills defaults: no image, no products, no code, once per customer', () => {
    expect(offerSchema.parse(offer)).toMatchObject({
      body: '',
      imageUrl: null,
      products: [],
      code: null,
      redemptionLimit: { perCustomer: 1, total: null },
    });
  });

  it('refuses a validity that ends before it starts, naming its end', () => {
    const parsed = offerSchema.safeParse({
      ...offer,
      validity: { from: offer.validity.until, until: offer.validity.from },
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['validity.until']);
  });

  it('refuses a discount above 100 % and an amount without its currency', () => {
    expect(
      offerSchema.safeParse({ ...offer, benefit: { kind: 'percent', percent: 120 } }).success,
    ).toBe(false);
    const amount = offerSchema.safeParse({ ...offer, benefit: { kind: 'amount', amount: 50 } });
    expect(amount.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['benefit.currency']);
  });

  it('accepts a gift with products and a code', () => {
    const gift = offerSchema.parse({
      ...offer,
      benefit: { kind: 'gift', description: 'A leather strap' },
      products: [{ sku: 'STRAP-01' }],
      code: 'BDAY-2026',
      imageUrl: 'https://cdn.example.com/strap.jpg',
    });
    expect(gift.benefit).toEqual({ kind: 'gift', description: 'A leather strap' });
  });
});
