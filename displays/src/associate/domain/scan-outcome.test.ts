import { describe, expect, it } from 'vitest';
import {
  cameraScanSupported,
  isOfferCode,
  readScanAnswer,
  refusalSentence,
} from './scan-outcome.ts';

describe('a scan answer', () => {
  it('reads an admitted ticket', () => {
    expect(
      readScanAnswer({
        admission: {
          ticketId: 'tkt_1',
          eventId: 'evt_launch',
          customerId: 'cus_000001',
          admission: 1,
          admits: 2,
        },
      }),
    ).toEqual({
      kind: 'admitted',
      ticketId: 'tkt_1',
      eventId: 'evt_launch',
      customerId: 'cus_000001',
      admission: 1,
      admits: 2,
    });
  });

  it('takes an alert that fails the schema for an answer it cannot show', () => {
    expect(readScanAnswer({ alert: { customerId: 'cus_000001' } })).toEqual({ kind: 'done' });
  });

  it('reads an offer redeemed at the till', () => {
    const redemption = {
      deliveryId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90-1',
      offerId: 'off_coffee',
      campaignId: 'cmp_dwell',
      title: 'A coffee in the lounge',
      redeemedAt: '2026-12-02T09:30:00.000Z',
      redeemedBy: 'asc_aiko',
      method: 'associate-scan',
    };
    expect(readScanAnswer({ redemption })).toEqual({ kind: 'redeemed', redemption });
  });

  it("says a refusal in the associate's words, or the edge's own", () => {
    const refused = (reason: string, message: string, offer = false) =>
      refusalSentence({ kind: 'refused', reason, message, offer });
    expect(refused('already_used', 'x')).toMatch(/ticket was already used/);
    expect(refused('something_new', 'The edge says why.')).toBe('The edge says why.');
    // An offer's refusal keeps the edge's sentence: when and by whom, not a ticket's words.
    const again = 'Already redeemed on 2026-12-02 09:30 UTC by Aiko.';
    expect(refused('already_used', again, true)).toBe(again);
  });

  it('tells an offer code from a loyalty QR or a ticket', () => {
    expect(isOfferCode('vto1.sto_tokyo-ginza.abc-0.mac')).toBe(true);
    expect(isOfferCode('vtt1.eyJhbGciOi')).toBe(false);
  });

  it('detects the camera reader by feature, not by browser name', () => {
    expect(cameraScanSupported({})).toBe(false);
    expect(cameraScanSupported({ BarcodeDetector: class {} })).toBe(true);
  });
});
