import { offerWriteSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { emptyOfferForm, offerWriteOf } from './offer-form.ts';

const utc = (local: string) => new Date(`${local}:00Z`);

describe('the offer form', () => {
  it('writes an offer the shared schema accepts, validity as instants', () => {
    const read = offerWriteOf(
      {
        ...emptyOfferForm(),
        name: 'Chrono 10',
        title: '10% off chronographs',
        benefitValue: '10',
        skus: 'SKU-1, SKU-2',
        validFrom: '2026-12-01T09:00',
        validUntil: '2026-12-31T23:59',
      },
      utc,
    );
    if (!read.ok) throw new Error(JSON.stringify(read.fields));
    expect(offerWriteSchema.parse(read.write)).toMatchObject({
      benefit: { kind: 'percent', percent: 10 },
      products: [{ sku: 'SKU-1' }, { sku: 'SKU-2' }],
      validity: { from: '2026-12-01T09:00:00.000Z', until: '2026-12-31T23:59:00.000Z' },
      redemptionLimit: { perCustomer: 1, total: null },
      code: null,
    });
  });

  it('names a benefit that is not a number, and a missing limit', () => {
    const read = offerWriteOf(
      { ...emptyOfferForm(), benefitKind: 'amount', benefitValue: 'fifty', perCustomer: '' },
      utc,
    );
    expect(read).toEqual({
      ok: false,
      fields: { 'benefit.amount': 'must be a number', 'redemptionLimit.perCustomer': 'required' },
    });
  });

  it('sends an empty validity as typed, so that the cloud names the field', () => {
    const read = offerWriteOf(
      { ...emptyOfferForm(), benefitKind: 'gift', benefitValue: 'A scarf' },
      utc,
    );
    expect(read.ok && read.write.validity).toEqual({ from: '', until: '' });
    expect(read.ok && read.write.benefit).toEqual({ kind: 'gift', description: 'A scarf' });
  });
});
