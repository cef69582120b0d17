import { buildTopic, createEnvelope, type ScreenContentItem } from '@vitrine/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInterrupt } from '../src/screens/zone-screen-relay.ts';

const STORE = 'sto_paris-rivoli';
const FLOOR = 'zon_paris-rivoli-floor';
const CARD: ScreenContentItem = {
  id: 'cnt_q3-card',
  kind: 'product-card',
  name: 'Q3',
  durationS: 10,
  product: { sku: 'CAM-LQ3' },
  showQr: true,
};
const findItem = (contentId: string) => (contentId === CARD.id ? CARD : null);

const message = (overrides: Record<string, unknown> = {}) => ({
  storeId: STORE,
  zoneId: FLOOR,
  contentId: CARD.id,
  campaignId: 'cmp_welcome',
  segmentId: 'seg_vip',
  holdS: 20,
  issuedAt: '2026-12-02T10:00:00.000Z',
  ...overrides,
});
const payload = (data: unknown, store = STORE) =>
  Buffer.from(
    JSON.stringify(createEnvelope(store, data, { at: new Date('2026-12-02T10:00:00Z') })),
  );
const floorTopic = buildTopic('zoneScreen', { store: STORE, zone: FLOOR });

/** One record per case; `expect` is the reason for a drop, or null for a relay. */
const VECTORS = [
  {
    name: 'a segment-level message for a known item',
    topic: floorTopic,
    body: payload(message()),
    expect: null,
  },
  { name: 'not JSON', topic: floorTopic, body: Buffer.from('{'), expect: 'invalid_json' },
  {
    name: 'a customer name riding along',
    topic: floorTopic,
    body: payload(message({ customerName: 'Élise Martin' })),
    expect: 'invalid_message',
  },
  {
    name: 'a customer id riding along',
    topic: floorTopic,
    body: payload(message({ customerId: 'cus_000002' })),
    expect: 'invalid_message',
  },
  {
    name: 'another zone in the message than in the topic',
    topic: floorTopic,
    body: payload(message({ zoneId: 'zon_paris-rivoli-lounge' })),
    expect: 'invalid_message',
  },
  {
    name: 'another store in the message',
    topic: floorTopic,
    body: payload(message({ storeId: 'sto_tokyo-ginza' })),
    expect: 'wrong_store',
  },
  {
    name: 'another store in the topic and envelope',
    topic: buildTopic('zoneScreen', { store: 'sto_tokyo-ginza', zone: FLOOR }),
    body: payload(message({ storeId: 'sto_tokyo-ginza' }), 'sto_tokyo-ginza'),
    expect: 'wrong_store',
  },
  {
    name: 'an item the store content does not hold',
    topic: floorTopic,
    body: payload(message({ contentId: 'cnt_unknown' })),
    expect: 'invalid_message',
  },
  {
    name: 'a check-in topic',
    topic: buildTopic('checkIn', { store: STORE, clientId: 'app-1' }),
    body: payload(message()),
    expect: 'invalid_message',
  },
] as const;

describe('reading a zone screen message', () => {
  for (const vector of VECTORS) {
    it(`${vector.expect === null ? 'relays' : `drops (${vector.expect})`}: ${vector.name}`, () => {
      const reading = readInterrupt(STORE, vector.topic, vector.body, findItem);
      if (vector.expect === null) {
        expect(reading).toEqual({ ok: true, interrupt: { message: message(), item: CARD } });
      } else {
        expect(reading).toMatchObject({ ok: false, reason: vector.expect });
      }
    });
  }

  it('never relays a message with any field beyond the segment-level ones', () => {
    const known = new Set(Object.keys(message()));
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 20 })
          .filter((key) => !known.has(key) && key !== '__proto__'),
        fc.oneof(fc.string(), fc.emailAddress(), fc.integer()),
        (key, value) => {
          const reading = readInterrupt(
            STORE,
            floorTopic,
            payload(message({ [key]: value })),
            findItem,
          );
          expect(reading.ok).toBe(false);
        },
      ),
    );
  });
});
