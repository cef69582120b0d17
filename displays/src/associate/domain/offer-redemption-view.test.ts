import { describe, expect, it } from 'vitest';
import { redemptionLine } from './offer-redemption-view.ts';

describe('the line under an offer marked redeemed', () => {
  it('says when it was redeemed', () => {
    const line = redemptionLine(
      {
        ok: true,
        redemption: {
          deliveryId: 'abc-1',
          offerId: 'off_coffee',
          campaignId: 'cmp_lounge',
          title: 'A coffee',
          redeemedAt: '2026-12-02T09:05:00.000Z',
          redeemedBy: 'asc_aiko',
          method: 'associate-mark',
        },
      },
      { locale: 'en-GB', timeZone: 'UTC' },
    );
    expect(line).toEqual({ tone: 'done', text: 'Redeemed at 09:05' });
  });

  it("gives the edge's reason, with when and by whom for a second redemption", () => {
    const message = 'Already redeemed on 2026-12-02 09:05 UTC by Aiko.';
    expect(
      redemptionLine({
        ok: false,
        error: {
          code: 'already_used',
          field: null,
          message,
          redeemed: { at: '2026-12-02T09:05:00.000Z', by: 'asc_aiko' },
          storeId: null,
        },
      }),
    ).toEqual({ tone: 'refused', text: message });
  });

  it('asks to try again when the edge did not answer', () => {
    expect(redemptionLine('unreachable').tone).toBe('retry');
  });
});
