import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTopic, formatRedemptionCode, type OfferOpened } from '@vitrine/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  customers,
  LOUNGE_CAMPAIGN,
  LOUNGE_OFFER,
  type OfferEdge,
  startOfferEdge,
} from './support/offer-redemption-harness.ts';
import { proofFor } from './support/passes.ts';
import { settle, uniqueSuffix, waitFor } from './support/wait.ts';

let e: OfferEdge;
beforeAll(async () => {
  e = await startOfferEdge();
});
afterAll(async () => {
  await e?.close();
});

async function publishOpened(customerId: string, clientId: string, data: Partial<OfferOpened>) {
  const app = await e.h.appOf(customerId);
  const opened = {
    offerId: LOUNGE_OFFER,
    openedAt: new Date().toISOString(),
    pass: app.pass,
    proof: await proofFor(app, e.h.storeId, new Date()),
    clientId,
    ...data,
  };
  await e.h.publishRaw(
    buildTopic('offerOpened', { store: e.h.storeId, clientId }),
    JSON.stringify(e.h.envelope(opened)),
  );
}

describe('an offer delivered to a phone, redeemed by an associate', () => {
  it('is marked redeemed from its suggestion, then its QR is refused saying when and by whom', async () => {
    const offer = await e.deliverOffer(customers[0] ?? '');
    expect(offer.suggestionDeliveryId).toBe(offer.deliveryId);
    expect(offer.redemptionCode.startsWith(`vto1.${e.h.storeId}.${offer.deliveryId}.`)).toBe(true);
    expect(offer.redemptionCode).not.toContain(customers[0]);

    const marked = await e.redeemBySocket({ deliveryId: offer.deliveryId });
    expect(marked).toMatchObject({
      ok: true,
      redemption: {
        deliveryId: offer.deliveryId,
        offerId: LOUNGE_OFFER,
        campaignId: LOUNGE_CAMPAIGN,
        redeemedBy: 'asc_aiko',
        method: 'associate-mark',
      },
    });

    const scanned = await e.scanAtTill(offer.redemptionCode);
    expect(scanned).toMatchObject({ status: 409, body: { error: { code: 'already_used' } } });
    expect(JSON.stringify(scanned.body)).toMatch(/Already redeemed on \d{4}-\d\d-\d\d .* by Aiko/);

    const again = await e.redeemBySocket({ deliveryId: offer.deliveryId });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'already_used', redeemed: { by: 'asc_aiko' } },
    });
    if (!again.ok && marked.ok) expect(again.error.redeemed?.at).toBe(marked.redemption.redeemedAt);
  });

  it('is redeemed by its QR scanned at the till', async () => {
    const offer = await e.deliverOffer(customers[1] ?? '');
    const scanned = await e.scanAtTill(offer.redemptionCode);
    expect(scanned).toMatchObject({
      status: 201,
      body: {
        redemption: {
          deliveryId: offer.deliveryId,
          method: 'associate-scan',
          redeemedBy: 'asc_aiko',
        },
      },
    });
  });

  it("refuses another store's code, naming the store, and a code this edge did not sign", async () => {
    const offer = await e.deliverOffer(customers[2] ?? '');
    const [, , , mac = ''] = offer.redemptionCode.split('.');
    const foreign = formatRedemptionCode({
      storeId: 'sto_paris-rivoli',
      deliveryId: offer.deliveryId,
      mac,
    });
    const elsewhere = await e.scanAtTill(foreign);
    expect(elsewhere).toMatchObject({ status: 422, body: { error: { code: 'wrong_store' } } });
    expect(JSON.stringify(elsewhere.body)).toContain('sto_paris-rivoli');
    expect(await e.redeemBySocket({ code: foreign })).toMatchObject({
      ok: false,
      error: { code: 'wrong_store', storeId: 'sto_paris-rivoli' },
    });

    const forged = formatRedemptionCode({
      storeId: e.h.storeId,
      deliveryId: offer.deliveryId,
      mac: `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
    });
    expect(await e.scanAtTill(forged)).toMatchObject({
      status: 422,
      body: { error: { code: 'unknown_code' } },
    });
    // Neither refusal spent it.
    expect((await e.scanAtTill(offer.redemptionCode)).status).toBe(201);
  });

  it("holds a customer to the offer's redemption limit across their deliveries", async () => {
    const customer = customers[3] ?? '';
    const offers = [];
    for (let i = 0; i < 3; i++) offers.push(await e.deliverOffer(customer));
    const replies = [];
    for (const offer of offers)
      replies.push(await e.redeemBySocket({ deliveryId: offer.deliveryId }));
    expect(replies.map((reply) => (reply.ok ? 'redeemed' : reply.error.code))).toEqual([
      'redeemed',
      'redeemed',
      'redemption_limit_reached',
    ]);
  });

  it('answers a bad request naming the field, and an unknown delivery as unknown', async () => {
    expect(await e.redeemBySocket({})).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', field: 'deliveryId' },
    });
    expect(await e.redeemBySocket({ code: 42 })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', field: 'code' },
    });
    expect(await e.redeemBySocket({ deliveryId: 'never-delivered-0' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_code' },
    });
  });

  it('reports redemptions and offers opened to the cloud through the outbox', async () => {
    const customer = customers[4] ?? '';
    const clientId = `app-${customer}`;
    const offer = await e.deliverOffer(customer, clientId);
    expect((await e.redeemBySocket({ deliveryId: offer.deliveryId })).ok).toBe(true);
    const redemption = await waitFor(
      () =>
        e
          .ingested('offer-redemption')
          .find((ev) => ev.key === `offer-redemption:${offer.deliveryId}`),
      { what: 'the redemption in the cloud' },
    );
    expect(redemption).toMatchObject({
      store: e.h.storeId,
      data: {
        deliveryId: offer.deliveryId,
        offerId: LOUNGE_OFFER,
        campaignId: LOUNGE_CAMPAIGN,
        customerId: customer,
        associateId: 'asc_aiko',
        method: 'associate-mark',
      },
    });

    // Another customer's app cannot say this offer was opened.
    const other = customers[0] ?? '';
    await publishOpened(other, `app-${other}`, { deliveryId: offer.deliveryId });
    await e.h.waitForCounter('vitrine_edge_offers_opened_total', { outcome: 'forbidden' });

    await publishOpened(customer, clientId, { deliveryId: offer.deliveryId });
    const opened = await waitFor(
      () => e.ingested('offer-opened').find((ev) => ev.key === `offer-opened:${offer.deliveryId}`),
      { what: 'the offer opened in the cloud' },
    );
    expect(opened).toMatchObject({
      data: { deliveryId: offer.deliveryId, customerId: customer, clientId },
    });
    await settle(200);
    expect(e.ingested('offer-opened')).toHaveLength(1);
  });
});

describe('redemptions across an edge restart', () => {
  const homes: string[] = [];
  let running: OfferEdge | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
    for (const dir of homes.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('keep a redeemed code redeemed, and refuse an offer past its validity as expired', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-edge-'));
    homes.push(dataDir);
    const home = { storeId: `sto_test-${uniqueSuffix()}`, dataDir };
    running = await startOfferEdge({ home });
    const redeemed = await running.deliverOffer(customers[0] ?? '');
    const kept = await running.deliverOffer(customers[1] ?? '');
    expect((await running.redeemBySocket({ deliveryId: redeemed.deliveryId })).ok).toBe(true);
    await running.close();
    running = null;

    let clock = Date.now();
    running = await startOfferEdge({ home, now: () => clock });
    const again = await running.scanAtTill(redeemed.redemptionCode);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_used' } } });
    expect(JSON.stringify(again.body)).toContain('by Aiko');

    clock = Date.parse('2027-01-02T00:00:00Z');
    const late = await running.scanAtTill(kept.redemptionCode);
    expect(late).toMatchObject({ status: 422, body: { error: { code: 'offer_expired' } } });
    expect(JSON.stringify(late.body)).toContain('expired on 2027-01-01 00:00 UTC');
  });
});
