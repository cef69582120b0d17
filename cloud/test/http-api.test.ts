import {
  associateSchema,
  customerProfileSchema,
  deviceTokenResponseSchema,
  healthSchema,
  loginResponseSchema,
  pageSchema,
  storeSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemSchema } from '../src/http/problem.ts';
import { createTestCloud, loginAs, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
const tokens: Record<string, string> = {};

const read = async <T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> =>
  schema.parse(await response.json());
const problemOf = (response: Response) => read(response, problemSchema).then((body) => body.error);
const fieldsOf = async (response: Response) =>
  ((await problemOf(response)).fields ?? []).map((field) => field.path).sort();
const profilePage = pageSchema(customerProfileSchema);
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const get = (path: string, token?: string) =>
  cloud.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 60 });
  for (const name of ['admin', 'marketer', 'aiko', 'camille']) {
    tokens[name] = await loginAs(cloud, `${name}@vitrine.demo`);
  }
});

let databaseClosed = false;

afterAll(async () => {
  if (!databaseClosed) await cloud?.close();
});

describe('POST /v1/auth/login', () => {
  it('logs an associate in with a token bound to the store', async () => {
    const response = await cloud.app.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'Aiko@vitrine.demo', password: 'vitrine-demo' }),
    });
    expect(response.status).toBe(200);
    const body = loginResponseSchema.parse(await response.json());
    expect(body.subject).toEqual({
      id: 'asc_aiko',
      name: 'Aiko Tanaka',
      role: 'associate',
      organisationId: 'org_maison-demo',
      storeId: 'sto_tokyo-ginza',
    });
    expect(Date.parse(body.expiresAt) - Date.parse('2026-11-01T09:00:00.000Z')).toBe(12 * 3600_000);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    for (const [email, password] of [
      ['aiko@vitrine.demo', 'wrong'],
      ['nobody@vitrine.demo', 'vitrine-demo'],
    ]) {
      const response = await cloud.app.request('/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(response.status).toBe(401);
      expect(await problemOf(response)).toEqual({
        code: 'unauthorized',
        message: 'wrong email or password',
      });
    }
  });

  it('names every invalid field of the body', async () => {
    const response = await cloud.app.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-email' }),
    });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(['email', 'password']);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await cloud.app.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('validation_failed');
  });
});

describe('authentication and store isolation', () => {
  it('answers 401 without a token and with a forged one', async () => {
    expect((await get('/v1/stores')).status).toBe(401);
    const forged = `${tokens.aiko?.slice(0, -4)}AAAA`;
    const response = await get('/v1/stores', forged);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).code).toBe('unauthorized');
  });

  it("forbids a Tokyo associate Paris's associates and customers", async () => {
    for (const path of [
      '/v1/stores/sto_paris-rivoli',
      '/v1/stores/sto_paris-rivoli/associates',
      '/v1/stores/sto_paris-rivoli/customers',
    ]) {
      const response = await get(path, tokens.aiko);
      expect(response.status, path).toBe(403);
      expect((await problemOf(response)).code).toBe('forbidden');
    }
  });

  it("lets a Tokyo associate read Tokyo's associates and home customers", async () => {
    const associates = await get('/v1/stores/sto_tokyo-ginza/associates', tokens.aiko);
    expect(associates.status).toBe(200);
    const { items: tokyo } = await read(associates, items(associateSchema));
    expect(tokyo.map((a) => a.id).sort()).toEqual(['asc_aiko', 'asc_kenji']);
    const customers = await get('/v1/stores/sto_tokyo-ginza/customers?limit=5', tokens.aiko);
    const page = await read(customers, profilePage);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((p) => p.homeStoreId === 'sto_tokyo-ginza')).toBe(true);
  });

  it('shows an associate only its own store in the store list; an admin sees all three', async () => {
    const mine = await read(await get('/v1/stores', tokens.aiko), items(storeSchema));
    expect(mine.items.map((s) => s.id)).toEqual(['sto_tokyo-ginza']);
    const all = await read(await get('/v1/stores', tokens.admin), items(storeSchema));
    expect(all.items).toHaveLength(3);
    const paris = all.items.find((s) => s.id === 'sto_paris-rivoli');
    expect(paris).toMatchObject({ timeZone: 'Europe/Paris', currency: 'EUR' });
    expect(paris?.zones.map((zone) => zone.id)).toContain('zon_paris-rivoli-lounge');
  });

  it('keeps the organisation-wide customer list to admins and marketers', async () => {
    expect((await get('/v1/customers?limit=2', tokens.aiko)).status).toBe(403);
    const response = await get('/v1/customers?limit=2', tokens.marketer);
    expect(response.status).toBe(200);
    const page = await read(response, profilePage);
    expect(page.items.map((p) => p.id)).toEqual(['cus_000001', 'cus_000002']);
    const next = await read(
      await get(`/v1/customers?limit=2&cursor=${page.nextCursor}`, tokens.marketer),
      profilePage,
    );
    expect(next.items[0]?.id).toBe('cus_000003');
  });

  it('names the invalid query parameters', async () => {
    const response = await get('/v1/customers?limit=0&cursor=sto_x', tokens.admin);
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(['cursor', 'limit']);
  });
});

describe('edge device tokens and the customer profile', () => {
  it('lets only an admin issue an edge token, bound to the store', async () => {
    const denied = await cloud.app.request('/v1/stores/sto_tokyo-ginza/device-tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.marketer}` },
    });
    expect(denied.status).toBe(403);
    const unknown = await cloud.app.request('/v1/stores/sto_nowhere/device-tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('gives an edge of Tokyo the one customer view with purchases from several stores', async () => {
    const issued = await cloud.app.request('/v1/stores/sto_tokyo-ginza/device-tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(issued.status).toBe(200);
    const { token, storeId, expiresAt } = await read(issued, deviceTokenResponseSchema);
    expect(storeId).toBe('sto_tokyo-ginza');
    expect(Date.parse(expiresAt) - Date.parse('2026-11-01T09:00:00.000Z')).toBe(30 * 86_400_000);

    const response = await get(`/v1/customers/${cloud.manifest.featuredCustomerId}/profile`, token);
    expect(response.status).toBe(200);
    const profile = await read(response, customerProfileSchema);
    expect(profile.homeStoreName).toBe('Maison Lumière Ginza');
    expect(profile.recentPurchases.length).toBeGreaterThan(0);
    expect(profile.recentPurchases.length).toBeLessThanOrEqual(5);
    const stores = new Set(profile.recentPurchases.map((purchase) => purchase.storeId));
    expect(stores.size).toBeGreaterThanOrEqual(2);
    const times = profile.recentPurchases.map((purchase) => purchase.purchasedAt);
    expect(times).toEqual([...times].sort().reverse());

    expect((await get('/v1/stores/sto_paris-rivoli/customers', token)).status).toBe(403);
  });

  it('answers 404 for an unknown customer and 400 for a malformed id', async () => {
    const missing = await get('/v1/customers/cus_999999/profile', tokens.camille);
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).code).toBe('not_found');
    const malformed = await get('/v1/customers/42/profile', tokens.camille);
    expect(malformed.status).toBe(400);
    expect(await fieldsOf(malformed)).toEqual(['customerId']);
  });
});

describe('operations', () => {
  it('reports a healthy database on /healthz', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await read(response, healthSchema)).toMatchObject({
      status: 'ok',
      database: 'ok',
    });
  });

  it('publishes the signing key on /.well-known/jwks.json', async () => {
    const body = await read(
      await get('/.well-known/jwks.json'),
      z.object({ keys: z.array(z.record(z.string(), z.unknown())) }),
    );
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(body.keys[0]).not.toHaveProperty('d');
  });

  it('describes every route in /openapi.json and serves the reference on /docs', async () => {
    const document = await read(
      await get('/openapi.json'),
      z.object({
        paths: z.record(z.string(), z.unknown()),
        components: z.object({
          securitySchemes: z.object({ bearerAuth: z.object({ scheme: z.string() }) }),
        }),
      }),
    );
    expect(Object.keys(document.paths).sort()).toEqual([
      '/.well-known/jwks.json',
      '/healthz',
      '/metrics',
      '/v1/analytics/activity',
      '/v1/analytics/alerts',
      '/v1/analytics/deliveries',
      '/v1/analytics/events',
      '/v1/analytics/offers',
      '/v1/analytics/plays',
      '/v1/analytics/visits',
      '/v1/auth/keys/rotate',
      '/v1/auth/keys/{kid}/retire',
      '/v1/auth/login',
      '/v1/campaigns',
      '/v1/campaigns/{campaignId}',
      '/v1/content/items',
      '/v1/content/items/{contentId}',
      '/v1/content/playlists',
      '/v1/content/playlists/{playlistId}',
      '/v1/customers',
      '/v1/customers/{customerId}',
      '/v1/customers/{customerId}/consent',
      '/v1/customers/{customerId}/profile',
      '/v1/events',
      '/v1/events/{eventId}',
      '/v1/events/{eventId}/cancel',
      '/v1/events/{eventId}/guests',
      '/v1/events/{eventId}/guests/{customerId}/rsvp',
      '/v1/events/{eventId}/invitations',
      '/v1/events/{eventId}/summary',
      '/v1/fleet',
      '/v1/ingest',
      '/v1/me',
      '/v1/me/consent',
      '/v1/me/invitations',
      '/v1/me/pass',
      '/v1/members/enrol',
      '/v1/members/login',
      '/v1/members/stores',
      '/v1/offers',
      '/v1/offers/{offerId}',
      '/v1/offers/{offerId}/archive',
      '/v1/passes',
      '/v1/passes/{passId}/revoke',
      '/v1/products/{sku}/code',
      '/v1/products/{sku}/qr',
      '/v1/rsvp/{rsvpCode}',
      '/v1/segments',
      '/v1/segments/preview',
      '/v1/segments/{segmentId}',
      '/v1/segments/{segmentId}/archive',
      '/v1/segments/{segmentId}/audience',
      '/v1/simulation',
      '/v1/stores',
      '/v1/stores/{storeId}',
      '/v1/stores/{storeId}/associates',
      '/v1/stores/{storeId}/customers',
      '/v1/stores/{storeId}/customers/search',
      '/v1/stores/{storeId}/device-tokens',
      '/v1/stores/{storeId}/edge/report',
      '/v1/stores/{storeId}/layout',
      '/v1/stores/{storeId}/screens',
      '/v1/stores/{storeId}/screens/{screenId}',
      '/v1/stores/{storeId}/screens/{screenId}/code',
      '/v1/stores/{storeId}/screens/{screenId}/heartbeat',
      '/v1/stores/{storeId}/screens/{screenId}/qr',
      '/v1/stores/{storeId}/screens/{screenId}/schedule',
      '/v1/stores/{storeId}/sync/budgets',
      '/v1/stores/{storeId}/sync/content',
      '/v1/stores/{storeId}/sync/engagement',
      '/v1/stores/{storeId}/sync/profiles',
      '/v1/stores/{storeId}/sync/revocations',
      '/v1/stores/{storeId}/sync/ticket-revocations',
      '/v1/tickets',
      '/v1/tickets/{ticketId}',
      '/v1/tickets/{ticketId}/code',
      '/v1/tickets/{ticketId}/qr',
      '/v1/tickets/{ticketId}/revoke',
    ]);
    expect(document.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
    const docs = await get('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
  });

  it('counts requests by route pattern, logins and profile lookups on /metrics', async () => {
    await get('/v1/customers/cus_000002/profile', tokens.admin);
    const text = await (await get('/metrics')).text();
    expect(text).toMatch(
      /vitrine_cloud_http_requests_total\{method="GET",route="\/v1\/customers\/:customerId\/profile",status="200"\} \d+/,
    );
    expect(text).toMatch(/vitrine_cloud_logins_total\{outcome="success"\} [1-9]/);
    expect(text).toMatch(/vitrine_cloud_logins_total\{outcome="bad_credentials"\} [1-9]/);
    expect(text).toMatch(/vitrine_cloud_profile_lookups_total\{outcome="found"\} [1-9]/);
    expect(text).toMatch(/vitrine_cloud_profile_lookups_total\{outcome="not_found"\} [1-9]/);
    expect(text).toContain('vitrine_cloud_http_request_duration_seconds_bucket');
  });

  it('answers an unknown route with a problem body', async () => {
    const response = await get('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect((await problemOf(response)).code).toBe('not_found');
  });
});

describe('when the database stops answering', () => {
  it('reports itself degraded on /healthz with a 503', async () => {
    databaseClosed = true;
    await cloud.close();
    const response = await get('/healthz');
    expect(response.status).toBe(503);
    expect(await read(response, healthSchema)).toMatchObject({
      status: 'degraded',
      database: 'unreachable',
    });
  });
});
