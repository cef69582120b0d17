import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudFeeds, LEICA_Q3, productCode, SILK_CARRE, screenCode } from './support/codes.ts';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { createOrganisationKey, proofFor } from './support/passes.ts';
import { connectScanner, type Scanner } from './support/scanner.ts';
import { waitFor } from './support/wait.ts';

let h: Harness;
let phone: Scanner;
const feeds = cloudFeeds();

beforeAll(async () => {
  h = await startHarness({ deps: { fetch: feeds.fetch } });
  phone = await connectScanner(h.edge.mqttUrl, h.storeId, 'app-1');
});
afterAll(async () => {
  await phone?.close();
  await h?.close();
});

/** The customer's app scans `code`, naming its customer with a fresh proof. */
async function scanAs(customerId: string, code: string) {
  const app = await h.appOf(customerId);
  return phone.scan({ pass: app.pass, proof: await proofFor(app, h.storeId), code });
}

describe('a customer’s app scans a product code in store', () => {
  it('gets the product card on the phone, with a line of their own history', async () => {
    await h.publishCheckIn('cus_000001');
    await h.waitForCounter('vitrine_edge_alerts_pushed_total');
    const scanId = await scanAs('cus_000001', await productCode(h.cloud.organisationKey));
    expect(await phone.answer(scanId)).toEqual({
      outcome: 'product',
      scanId,
      product: LEICA_Q3,
      personal: 'It goes with the Leica Q3 you bought at Ginza.',
      offer: null,
    });
  });

  it('gets the card without a personal line when nothing in their history meets it', async () => {
    const code = await productCode(h.cloud.organisationKey, SILK_CARRE);
    const scanId = await scanAs('cus_000001', code);
    expect(await phone.answer(scanId)).toMatchObject({
      outcome: 'product',
      product: SILK_CARRE,
      personal: null,
    });
  });

  it('is reported to the cloud through the outbox', async () => {
    const scanId = await scanAs('cus_000002', await productCode(h.cloud.organisationKey));
    await phone.answer(scanId);
    const reported = await waitFor(
      () => feeds.ingested.find((event) => event.key === `content-scan:${scanId}`),
      { what: 'the content scan in the cloud' },
    );
    expect(reported).toMatchObject({
      kind: 'content-scan',
      store: h.storeId,
      data: { customerId: 'cus_000002', clientId: 'app-1', kind: 'product', sku: 'CAM-LQ3' },
    });
  });

  it('answers a screen code of this store with the screen', async () => {
    const scanId = await scanAs('cus_000001', await screenCode(h.cloud.organisationKey, h.storeId));
    expect(await phone.answer(scanId)).toEqual({
      outcome: 'screen',
      scanId,
      screenId: 'window-left',
      offer: null,
    });
  });
});

describe('a code the edge refuses', () => {
  const cases = [
    {
      name: 'a label of another organisation',
      code: async () =>
        productCode(await createOrganisationKey(), LEICA_Q3, { org: 'org_elsewhere' }),
      reason: 'unknown_key',
    },
    {
      name: 'a label signed for another organisation',
      code: () => productCode(h.cloud.organisationKey, LEICA_Q3, { org: 'org_elsewhere' }),
      reason: 'wrong_organisation',
    },
    {
      name: 'a screen code of another store',
      code: () => screenCode(h.cloud.organisationKey, 'sto_paris-rivoli'),
      reason: 'wrong_store',
    },
    {
      name: 'a truncated label',
      code: async () => (await productCode(h.cloud.organisationKey)).slice(0, -30),
      reason: 'tampered',
    },
    {
      name: 'a URL that is none of ours',
      code: async () => 'https://maison-lumiere.example/p/CAM-LQ3',
      reason: 'unknown_code',
    },
  ];

  it.each(cases)('answers $name with $reason, counted, and never a profile', async (c) => {
    const scanId = await scanAs('cus_000001', await c.code());
    const answer = await phone.answer(scanId);
    expect(answer).toMatchObject({ outcome: 'refused', reason: c.reason });
    expect(
      await h.counter('vitrine_edge_codes_refused_total', { format: 'content', reason: c.reason }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('refuses a replayed proof as a check-in would, counted with identity refusals', async () => {
    const app = await h.appOf('cus_000001');
    const proof = await proofFor(app, h.storeId);
    const code = await productCode(h.cloud.organisationKey);
    expect((await phone.answer(await phone.scan({ pass: app.pass, proof, code }))).outcome).toBe(
      'product',
    );
    const replay = await phone.answer(await phone.scan({ pass: app.pass, proof, code }));
    expect(replay).toMatchObject({ outcome: 'refused', reason: 'replayed_nonce' });
    expect(
      await h.counter('vitrine_edge_identity_rejected_total', { reason: 'replayed_nonce' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('refuses a content scan that names no customer', async () => {
    const scanId = await phone.scan({ code: await productCode(h.cloud.organisationKey) });
    expect(await phone.answer(scanId)).toMatchObject({
      outcome: 'refused',
      reason: 'validation_failed',
    });
  });

  it('never sends a profile to a phone', () => {
    for (const payload of phone.raw()) {
      expect(payload).not.toMatch(/firstName|lastName|email|recentPurchases|Haruki|Sato/);
    }
  });
});
