import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  customerProfileSchema,
  duplicateCustomerProblemSchema,
  edgeCustomerCardSchema,
  edgeCustomerSearchSchema,
  loginResponseSchema,
} from '@vitrine/shared';
import { Hono } from 'hono';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCloudClient } from '../src/cloud/cloud-client.ts';
import { loadEdgeConfig } from '../src/config/edge-config.ts';
import { createCustomerRoutes } from '../src/http/customer-routes.ts';
import { type RunningEdge, startEdge } from '../src/main.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import { createCloudTokenVerifier } from '../src/realtime/token-verifier.ts';
import { createMemoryProfileStore } from '../src/store/memory-profile-store.ts';
import { forgetStore } from './support/mqtt-helpers.ts';
import { type OutboxCloud, startOutboxCloud } from './support/outbox-cloud.ts';

const STORE = 'sto_paris-rivoli';
const consent = { tracking: true, marketing: true, profiling: true };
const problem = z.object({
  error: z.object({
    code: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** A port nothing listens on: the cloud is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe("the edge's client desk: search, card and registration", () => {
  let cloud: OutboxCloud;
  let up: Hono;
  let down: Hono;
  const profiles = createMemoryProfileStore();
  const tokens = { camille: '', aiko: '' };
  let heldId = '';
  let notHeldId = '';

  async function login(email: string) {
    const response = await fetch(`${cloud.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'vitrine-demo' }),
    });
    return loginResponseSchema.parse(await response.json()).token;
  }

  function call(
    app: Hono,
    path: string,
    { token = tokens.camille, body }: { token?: string; body?: unknown } = {},
  ) {
    return app.request(`/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  beforeAll(async () => {
    cloud = await startOutboxCloud();
    const edgeToken = await cloud.edgeToken(STORE);
    tokens.camille = await login('camille@vitrine.demo');
    tokens.aiko = await login('aiko@vitrine.demo');
    const verifier = createCloudTokenVerifier(cloud.url);
    const logger = pino({ level: 'silent' });
    const routes = (baseUrl: string) =>
      new Hono().route(
        '/api',
        createCustomerRoutes({
          storeId: STORE,
          verifier,
          cloud: createCloudClient({ baseUrl, token: edgeToken }),
          profiles,
          logger,
        }),
      );
    up = routes(cloud.url);
    down = routes(`http://127.0.0.1:${await closedPort()}`);

    // Two clients registered through the edge; the store holds the first one only.
    for (const [firstName, lastName, email] of [
      ['Noémie', 'Quesnel', 'noemie.quesnel@example.fr'],
      ['Noël', 'Quintard', 'noel.quintard@example.fr'],
    ] as const) {
      const response = await call(up, '/customers', {
        body: { firstName, lastName, email, birthMonth: 4, consent },
      });
      expect(response.status).toBe(201);
      const profile = customerProfileSchema.parse(await response.json());
      if (lastName === 'Quesnel') heldId = profile.id;
      else notHeldId = profile.id;
    }
    // A client registered here is kept at once; the second one's hold has ended since.
    expect((await profiles.get(notHeldId))?.source).toBe('demand');
    await profiles.forget(notHeldId);
    const held = await createCloudClient({ baseUrl: cloud.url, token: edgeToken }).fetchProfile(
      heldId,
    );
    if (held.outcome !== 'found') throw new Error('the registered client is not in the cloud');
    await profiles.applySync({ upserts: [held.profile], erasures: [], watermark: '1' }, 0);
  }, 120_000);
  afterAll(() => cloud?.stop());

  it('is served by the running edge, beside its other associate routes', async () => {
    const config = loadEdgeConfig({
      EDGE_STORE_ID: STORE,
      EDGE_CLOUD_URL: cloud.url,
      EDGE_CLOUD_TOKEN: await cloud.edgeToken(STORE),
      EDGE_HTTP_PORT: '0',
      EDGE_MQTT_PORT: '0',
      MQTT_URL: process.env.MQTT_URL,
      EDGE_DATA_DIR: await mkdtemp(join(tmpdir(), 'vitrine-edge-desk-')),
      LOG_LEVEL: 'silent',
    });
    let edge: RunningEdge | null = null;
    try {
      edge = await startEdge(config, {
        logger: pino({ level: 'silent' }),
        metrics: createEdgeMetrics({ defaultMetrics: false }),
        localStore: createMemoryProfileStore(),
      });
      const response = await fetch(`${edge.httpUrl}/api/customers?q=quesnel`, {
        headers: { authorization: `Bearer ${tokens.camille}` },
      });
      expect(response.status).toBe(200);
      const result = edgeCustomerSearchSchema.parse(await response.json());
      expect(result).toMatchObject({ source: 'cloud', items: [{ id: heldId }] });
    } finally {
      await edge?.stop();
      if (process.env.MQTT_URL) await forgetStore(process.env.MQTT_URL, STORE);
    }
  }, 60_000);

  it("passes the search to the cloud's organisation-wide one", async () => {
    const response = await call(up, '/customers?q=NOE%20qu');
    expect(response.status).toBe(200);
    const result = edgeCustomerSearchSchema.parse(await response.json());
    expect(result.source).toBe('cloud');
    expect(result.matchedOn).toBe('name');
    expect(result.items.map((item) => item.id).sort()).toEqual([heldId, notHeldId].sort());
    expect(result.items[0]?.email).toMatch(/^n•••@example\.fr$/);
  });

  it('searches the profiles the store holds when the cloud is down, and says so', async () => {
    const byName = edgeCustomerSearchSchema.parse(
      await (await call(down, '/customers?q=noe%20qu')).json(),
    );
    expect(byName).toMatchObject({ source: 'local', matchedOn: 'name' });
    expect(byName.items.map((item) => item.id)).toEqual([heldId]);
    const byEmail = edgeCustomerSearchSchema.parse(
      await (await call(down, '/customers?q=Noemie.Quesnel%40Example.fr')).json(),
    );
    expect(byEmail.items.map((item) => item.id)).toEqual([heldId]);
    expect(byEmail.items[0]?.email).toBe('n•••@example.fr');
  });

  it('refuses a query shorter than 2 characters, naming q', async () => {
    const response = await call(up, '/customers?q=n');
    expect(response.status).toBe(400);
    const body = problem.parse(await response.json());
    expect(body.error.fields?.map((field) => field.path)).toEqual(['q']);
  });

  it("opens the customer card from the cloud, or from the store's copy when it is down", async () => {
    const fromCloud = edgeCustomerCardSchema.parse(
      await (await call(up, `/customers/${notHeldId}`)).json(),
    );
    expect(fromCloud).toMatchObject({ source: 'cloud', profile: { lastName: 'Quintard' } });
    const fromStore = edgeCustomerCardSchema.parse(
      await (await call(down, `/customers/${heldId}`)).json(),
    );
    expect(fromStore).toMatchObject({ source: 'local', profile: { lastName: 'Quesnel' } });
    const nowhere = await call(down, `/customers/${notHeldId}`);
    expect(nowhere.status).toBe(502);
    expect(problem.parse(await nowhere.json()).error.code).toBe('cloud_unreachable');
    expect((await call(up, '/customers/cus_nobody')).status).toBe(404);
  });

  it('reports a duplicate registration with the existing client, and creates nothing', async () => {
    const response = await call(up, '/customers', {
      body: {
        firstName: 'Noemie',
        lastName: 'Q.',
        email: 'noemie.quesnel+paris@example.fr',
        consent,
      },
    });
    expect(response.status).toBe(409);
    const body = duplicateCustomerProblemSchema.parse(await response.json());
    expect(body.error.candidates).toEqual([
      { id: heldId, name: 'Noémie Quesnel', matchedOn: 'email', match: 'near' },
    ]);
  });

  it('refuses an invalid registration field by field, before the cloud', async () => {
    const response = await call(down, '/customers', {
      body: { firstName: '', lastName: 'Quesnel', email: 'not-an-email', consent: {} },
    });
    expect(response.status).toBe(400);
    const paths = problem.parse(await response.json()).error.fields?.map((field) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining(['firstName', 'email', 'consent.tracking', 'consent.marketing']),
    );
  });

  it('says a registration needs the cloud when it is down', async () => {
    const response = await call(down, '/customers', {
      body: { firstName: 'Zoé', lastName: 'Quérard', email: 'zoe@example.fr', consent },
    });
    expect(response.status).toBe(502);
    expect(problem.parse(await response.json()).error.code).toBe('cloud_unreachable');
  });

  it('refuses an associate of another store, and a missing token', async () => {
    expect((await call(up, '/customers?q=noemie', { token: tokens.aiko })).status).toBe(403);
    expect((await up.request('/api/customers?q=noemie')).status).toBe(401);
  });
});
