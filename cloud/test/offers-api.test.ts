import { offerPageSchema, storedOfferSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { engagementCallers } from './support/engagement-helpers.ts';
import { createTestCloud, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 10 });
  callers = await engagementCallers(cloud);
});
afterAll(async () => {
  await cloud?.close();
});

const strapOffer = {
  name: 'Leica strap with the M11',
  title: 'A strap on us',
  body: 'With every Leica M11 this month.',
  imageUrl: 'https://cdn.example.com/strap.jpg',
  products: [{ sku: 'CAM-LM11' }],
  benefit: { kind: 'gift', description: 'A leather strap' },
  code: 'STRAP-M11',
  validity: { from: '2026-11-01T00:00:00+01:00', until: '2026-12-01T00:00:00+01:00' },
  redemptionLimit: { perCustomer: 1, total: 200 },
};

async function problemPaths(response: Response) {
  expect(response.status).toBe(400);
  return (await callers.read(response, problemSchema)).error.fields?.map((field) => field.path);
}

describe('offers', () => {
  it('are created with their catalogue products, read, replaced, listed and archived', async () => {
    const created = await callers.call('/v1/offers', {
      token: callers.marketer,
      method: 'POST',
      body: strapOffer,
    });
    expect(created.status).toBe(201);
    const offer = await callers.read(created, storedOfferSchema);
    expect(offer).toMatchObject({ ...strapOffer, version: 1, archivedAt: null });

    const replaced = await callers.call(`/v1/offers/${offer.id}`, {
      token: callers.admin,
      method: 'PUT',
      body: { ...strapOffer, benefit: { kind: 'percent', percent: 10 } },
    });
    expect(await callers.read(replaced, storedOfferSchema)).toMatchObject({
      version: 2,
      benefit: { kind: 'percent', percent: 10 },
    });
    const read = await callers.call(`/v1/offers/${offer.id}`, { token: callers.marketer });
    expect((await callers.read(read, storedOfferSchema)).version).toBe(2);

    const validInNovember = await callers.call('/v1/offers?q=strap&validAt=2026-11-15T12:00:00Z', {
      token: callers.marketer,
    });
    expect((await callers.read(validInNovember, offerPageSchema)).items).toHaveLength(1);
    const validInJanuary = await callers.call('/v1/offers?q=strap&validAt=2027-01-15T12:00:00Z', {
      token: callers.marketer,
    });
    expect((await callers.read(validInJanuary, offerPageSchema)).items).toEqual([]);

    const archived = await callers.call(`/v1/offers/${offer.id}/archive`, {
      token: callers.marketer,
      method: 'POST',
    });
    expect((await callers.read(archived, storedOfferSchema)).archivedAt).not.toBeNull();
    const live = await callers.call('/v1/offers?q=strap', { token: callers.marketer });
    expect((await callers.read(live, offerPageSchema)).items).toEqual([]);
  });

  it('names an unknown sku, a validity that ends before it starts and a bad benefit', async () => {
    const unknownSku = await callers.call('/v1/offers', {
      token: callers.marketer,
      method: 'POST',
      body: { ...strapOffer, products: [{ sku: 'CAM-LM11' }, { sku: 'NOPE-1' }] },
    });
    expect(await problemPaths(unknownSku)).toEqual(['products.1.sku']);
    const backwards = await callers.call('/v1/offers', {
      token: callers.marketer,
      method: 'POST',
      body: {
        ...strapOffer,
        validity: { from: '2026-12-01T00:00:00Z', until: '2026-11-01T00:00:00Z' },
      },
    });
    expect(await problemPaths(backwards)).toEqual(['validity.until']);
    const badBenefit = await callers.call('/v1/offers', {
      token: callers.marketer,
      method: 'POST',
      body: { ...strapOffer, benefit: { kind: 'percent', percent: 140 }, imageUrl: 'ftp://x' },
    });
    expect(await problemPaths(badBenefit)).toEqual(
      expect.arrayContaining(['benefit.percent', 'imageUrl']),
    );
  });

  it('refuses associates and edges, and answers 404 for an unknown offer', async () => {
    for (const token of [callers.associate, callers.ginzaEdge]) {
      expect((await callers.call('/v1/offers', { token })).status).toBe(403);
      const post = await callers.call('/v1/offers', { token, method: 'POST', body: strapOffer });
      expect(post.status).toBe(403);
    }
    expect((await callers.call('/v1/offers/off_unknown', { token: callers.marketer })).status).toBe(
      404,
    );
    const archive = await callers.call('/v1/offers/off_unknown/archive', {
      token: callers.marketer,
      method: 'POST',
    });
    expect(archive.status).toBe(404);
  });
});
