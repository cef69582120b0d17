import { describe, expect, it } from 'vitest';
import type { IssuedOffer, OfferRedeemed } from '../offer-ledger.ts';
import { createRedemptionSigner } from '../redemption-key.ts';
import { judgeRedemption } from './judge-redemption.ts';

const STORE = 'sto_tokyo-ginza';
const NOW = Date.parse('2026-12-02T10:00:00Z');
const signer = createRedemptionSigner(STORE, new Uint8Array(32).fill(7));

const offer = (overrides: Partial<IssuedOffer> = {}): IssuedOffer => ({
  deliveryId: 'dec1-1',
  offerId: 'off_coffee',
  campaignId: 'cmp_lounge',
  customerId: 'cus_000001',
  title: 'A coffee',
  validUntil: Date.parse('2026-12-31T00:00:00Z'),
  perCustomer: 1,
  total: null,
  issuedAt: NOW - 60_000,
  ...overrides,
});

function ledgerOf(offers: IssuedOffer[], redeemed: OfferRedeemed[] = []) {
  const count = (matches: (o: IssuedOffer) => boolean) =>
    redeemed.filter((r) => offers.some((o) => o.deliveryId === r.deliveryId && matches(o))).length;
  return {
    issued: (id: string) => offers.find((o) => o.deliveryId === id),
    redemptionOf: (id: string) => redeemed.find((r) => r.deliveryId === id),
    redemptionsBy: (customerId: string, offerId: string) =>
      count((o) => o.customerId === customerId && o.offerId === offerId),
    redemptionsOf: (offerId: string) => count((o) => o.offerId === offerId),
  };
}

const judge = (request: { deliveryId: string } | { code: string }, ledger = ledgerOf([offer()])) =>
  judgeRedemption({ request, storeId: STORE, now: NOW, signer, ledger });

describe('judging a redemption', () => {
  it('accepts a valid offer by its delivery and by its signed code', () => {
    expect(judge({ deliveryId: 'dec1-1' }).ok).toBe(true);
    expect(judge({ code: signer.codeFor('dec1-1') }).ok).toBe(true);
  });

  it("refuses another store's code by name, and a code signed by another key", () => {
    const paris = createRedemptionSigner('sto_paris-rivoli', new Uint8Array(32).fill(7));
    expect(judge({ code: paris.codeFor('dec1-1') })).toMatchObject({
      ok: false,
      error: { code: 'wrong_store', storeId: 'sto_paris-rivoli' },
    });
    const other = createRedemptionSigner(STORE, new Uint8Array(32).fill(8));
    expect(judge({ code: other.codeFor('dec1-1') })).toMatchObject({
      ok: false,
      error: { code: 'unknown_code' },
    });
  });

  it('says when and by whom an offer was already redeemed', () => {
    const at = Date.parse('2026-12-02T09:30:00Z');
    const ledger = ledgerOf(
      [offer()],
      [{ deliveryId: 'dec1-1', at, by: 'asc_aiko', byName: 'Aiko', method: 'associate-mark' }],
    );
    expect(judge({ deliveryId: 'dec1-1' }, ledger)).toEqual({
      ok: false,
      error: {
        code: 'already_used',
        field: null,
        message: 'Already redeemed on 2026-12-02 09:30 UTC by Aiko.',
        redeemed: { at: '2026-12-02T09:30:00.000Z', by: 'asc_aiko' },
        storeId: null,
      },
    });
  });

  it('refuses an expired offer saying so, and one past its limit per customer', () => {
    const expired = ledgerOf([offer({ validUntil: NOW - 1 })]);
    expect(judge({ deliveryId: 'dec1-1' }, expired)).toMatchObject({
      ok: false,
      error: { code: 'offer_expired', message: expect.stringContaining('expired on') },
    });
    const twice = ledgerOf(
      [offer(), offer({ deliveryId: 'dec2-1' })],
      [{ deliveryId: 'dec1-1', at: NOW, by: 'asc_aiko', byName: null, method: 'associate-scan' }],
    );
    expect(judge({ deliveryId: 'dec2-1' }, twice)).toMatchObject({
      ok: false,
      error: { code: 'redemption_limit_reached' },
    });
  });

  it('refuses an offer whose limit across the house is reached, by the cloud or this store', () => {
    const limited = offer({ customerId: 'cus_000002', deliveryId: 'dec3-1', total: 2 });
    // The cloud counted two redemptions in other stores.
    expect(
      judgeRedemption({
        request: { deliveryId: 'dec3-1' },
        storeId: STORE,
        now: NOW,
        signer,
        ledger: ledgerOf([limited]),
        redeemedInOrganisation: (offerId) => (offerId === 'off_coffee' ? 2 : 0),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'redemption_limit_reached', message: expect.stringContaining('limit of 2') },
    });
    // One by the cloud's count, then this store's own two not yet uploaded: the higher holds.
    const here = ledgerOf(
      [
        offer({ total: 2 }),
        offer({ deliveryId: 'dec2-1', customerId: 'cus_000003', total: 2 }),
        limited,
      ],
      [
        { deliveryId: 'dec1-1', at: NOW, by: 'asc_aiko', byName: null, method: 'associate-scan' },
        { deliveryId: 'dec2-1', at: NOW, by: 'asc_aiko', byName: null, method: 'associate-scan' },
      ],
    );
    const verdict = (counted: number) =>
      judgeRedemption({
        request: { deliveryId: 'dec3-1' },
        storeId: STORE,
        now: NOW,
        signer,
        ledger: here,
        redeemedInOrganisation: () => counted,
      });
    expect(verdict(1)).toMatchObject({ ok: false, error: { code: 'redemption_limit_reached' } });
    expect(judge({ deliveryId: 'dec3-1' }, ledgerOf([limited])).ok).toBe(true);
  });
});
