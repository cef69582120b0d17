import type { PhoneOffer } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { type CardOffer, liveOffers, markOpened, mergeOffer } from './offer-list.ts';

const NOW = Date.parse('2026-12-02T18:00:00Z');

function offer(overrides: Partial<PhoneOffer> = {}): PhoneOffer {
  return {
    offerId: 'off_scarf',
    title: '10% on scarves',
    body: 'Today only',
    code: null,
    validUntil: '2026-12-02T20:00:00Z',
    ...overrides,
  };
}

const item = (o: PhoneOffer, receivedAt = '2026-12-02T17:00:00Z', opened = false): CardOffer => ({
  offer: o,
  storeId: 'sto_paris',
  receivedAt,
  opened,
});

describe('the list of offers', () => {
  it('puts a new offer first', () => {
    const older = item(offer({ offerId: 'off_a' }));
    const newer = item(offer({ offerId: 'off_b' }), '2026-12-02T17:30:00Z');
    const list = mergeOffer([older], newer, NOW);
    expect(list.map((i) => i.offer.offerId)).toEqual(['off_b', 'off_a']);
  });

  it('replaces a delivery received twice and keeps it opened', () => {
    const first = item(offer({ deliveryId: 'dlv_1' }), undefined, true);
    const again = item(offer({ deliveryId: 'dlv_1', title: 'New' }));
    const list = mergeOffer([first], again, NOW);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ opened: true, offer: { title: 'New' } });
  });

  it('keeps two deliveries of the same offer apart', () => {
    const a = item(offer({ deliveryId: 'dlv_1' }));
    const b = item(offer({ deliveryId: 'dlv_2' }));
    expect(mergeOffer([a], b, NOW)).toHaveLength(2);
  });

  it('drops offers past their validity', () => {
    const expired = item(offer({ offerId: 'off_old', validUntil: '2026-12-02T17:59:59Z' }));
    expect(mergeOffer([expired], item(offer()), NOW).map((i) => i.offer.offerId)).toEqual([
      'off_scarf',
    ]);
    expect(liveOffers([expired], NOW)).toEqual([]);
  });

  it('marks one offer opened', () => {
    const list = [item(offer({ offerId: 'off_a' })), item(offer({ offerId: 'off_b' }))];
    const marked = markOpened(list, offer({ offerId: 'off_b' }));
    expect(marked.map((i) => i.opened)).toEqual([false, true]);
  });
});
