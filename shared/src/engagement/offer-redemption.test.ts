import { describe, expect, it } from 'vitest';
import {
  formatRedemptionCode,
  isRedemptionCode,
  offerRedeemRequestSchema,
  parseRedemptionCode,
} from './offer-redemption.ts';

const MAC = 'AbCdEfGhIjKlMnOpQrStUv';

const vectors = [
  {
    name: 'a code as the edge writes it',
    text: `vto1.sto_paris-rivoli.0123456789abcdef0123456789abcdef-1.${MAC}`,
    expect: {
      storeId: 'sto_paris-rivoli',
      deliveryId: '0123456789abcdef0123456789abcdef-1',
      mac: MAC,
    },
  },
  { name: 'another version', text: `vto2.sto_paris-rivoli.abc-1.${MAC}`, expect: null },
  { name: 'no store prefix', text: `vto1.paris.abc-1.${MAC}`, expect: null },
  { name: 'a short mac', text: 'vto1.sto_paris-rivoli.abc-1.short', expect: null },
  { name: 'a missing part', text: `vto1.sto_paris-rivoli.${MAC}`, expect: null },
  { name: 'a ticket', text: 'vtt1.eyJhbGciOi', expect: null },
];

describe('offer redemption codes', () => {
  for (const vector of vectors) {
    it(`parses ${vector.name}`, () => {
      expect(parseRedemptionCode(vector.text)).toEqual(vector.expect);
    });
  }

  it('formats what it parses', () => {
    const parts = { storeId: 'sto_tokyo-ginza', deliveryId: 'abc-0', mac: MAC };
    const code = formatRedemptionCode(parts);
    expect(isRedemptionCode(code)).toBe(true);
    expect(parseRedemptionCode(code)).toEqual(parts);
  });

  it('takes a request by delivery or by code, not both', () => {
    expect(offerRedeemRequestSchema.safeParse({ deliveryId: 'abc-0' }).success).toBe(true);
    expect(offerRedeemRequestSchema.safeParse({ code: 'vto1.x' }).success).toBe(true);
    expect(offerRedeemRequestSchema.safeParse({ deliveryId: 'abc-0', code: 'x' }).success).toBe(
      false,
    );
    expect(offerRedeemRequestSchema.safeParse({}).success).toBe(false);
  });
});
