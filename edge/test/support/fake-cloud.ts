import { once } from 'node:events';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import {
  type CustomerProfile,
  type EngagementFeed,
  type LoginResponse,
  type PassRevocation,
  type Role,
  type Store,
  storeSchema,
  type TicketRevocation,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from '@vitrine/shared';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { enrolApp, type OrganisationKey, type TestPassOptions } from './passes.ts';

export type ProfileMode = 'ok' | 'server_error' | 'hang';

interface FakeUser {
  email: string;
  password: string;
  sub: string;
  name: string;
  role: Role;
  store: string | null;
}

export interface FakeCloudOptions {
  /** The store of the edge under test; its associate is aiko@vitrine.demo. */
  storeId: string;
  otherStoreId?: string;
  profiles: CustomerProfile[];
}

/**
 * A stand-in for the cloud that speaks the same contract: ES256 tokens published in a
 * JWKS, login, the store and customer profiles, all shaped by the shared schemas.
 */
export async function startFakeCloud({
  storeId,
  otherStoreId = 'sto_paris-rivoli',
  profiles,
}: FakeCloudOptions) {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `test-${Math.random().toString(36).slice(2)}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const { x = '', y = '' } = jwk;
  // The same key signs tokens and loyalty passes, as the real cloud's does.
  const organisationKey: OrganisationKey = {
    kid,
    privateKey,
    jwk: { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' },
  };
  const org = 'org_maison-demo';

  async function signToken(
    claims: { sub: string; role: Role; store?: string | null; name: string },
    { expiresIn = '1h', issuer = TOKEN_ISSUER } = {},
  ) {
    const { store, ...rest } = claims;
    return new SignJWT({ ...rest, org, ...(store ? { store } : {}) })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(issuer)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setSubject(claims.sub)
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  }

  const users: FakeUser[] = [
    {
      email: 'aiko@vitrine.demo',
      password: 'vitrine-demo',
      sub: 'asc_aiko',
      name: 'Aiko',
      role: 'associate',
      store: storeId,
    },
    {
      email: 'camille@vitrine.demo',
      password: 'vitrine-demo',
      sub: 'asc_camille',
      name: 'Camille',
      role: 'associate',
      store: otherStoreId,
    },
    {
      email: 'admin@vitrine.demo',
      password: 'vitrine-demo',
      sub: 'usr_admin',
      name: 'Admin',
      role: 'admin',
      store: null,
    },
  ];
  const edgeToken = await signToken({
    sub: 'dev_edge',
    role: 'edge',
    store: storeId,
    name: 'edge',
  });
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const state = {
    profileMode: 'ok' as ProfileMode,
    profileRequests: 0,
    revocations: [] as PassRevocation[],
    ticketRevocations: [] as TicketRevocation[],
    /** When false, the key set and revocation feed answer 503. */
    identityUp: true,
    /** The store's engagement feed; null answers 503 (the cloud cannot say). */
    engagementFeed: null as EngagementFeed | null,
    engagementRequests: 0,
    /** The organisation's delivery counts of budgeted campaigns; null answers 503. */
    budgetCounts: null as Record<string, number> | null,
  };
  const store: Store = storeSchema.parse({
    id: storeId,
    organisationId: org,
    name: 'Maison Lumière Test Store',
    city: 'Tokyo',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    currency: 'JPY',
    zones: [],
  });

  const app = new Hono();
  app.get('/.well-known/jwks.json', (c) =>
    state.identityUp
      ? c.json({ keys: [jwk] })
      : c.json({ error: { code: 'internal', message: 'down' } }, 503),
  );
  app.get('/v1/stores/:id/sync/revocations', (c) => {
    if (c.req.header('authorization') !== `Bearer ${edgeToken}` || c.req.param('id') !== storeId) {
      return c.json({ error: { code: 'forbidden', message: 'not this edge' } }, 403);
    }
    if (!state.identityUp) return c.json({ error: { code: 'internal', message: 'down' } }, 503);
    const since = Number(c.req.query('since') ?? 0);
    const items = state.revocations.slice(since);
    return c.json({ items, watermark: state.revocations.length, hasMore: false });
  });
  app.get('/v1/stores/:id/sync/ticket-revocations', (c) => {
    if (c.req.header('authorization') !== `Bearer ${edgeToken}` || c.req.param('id') !== storeId) {
      return c.json({ error: { code: 'forbidden', message: 'not this edge' } }, 403);
    }
    if (!state.identityUp) return c.json({ error: { code: 'internal', message: 'down' } }, 503);
    const since = Number(c.req.query('since') ?? 0);
    const items = state.ticketRevocations.slice(since);
    return c.json({ items, watermark: state.ticketRevocations.length, hasMore: false });
  });
  app.get('/v1/stores/:id/sync/engagement', (c) => {
    if (c.req.header('authorization') !== `Bearer ${edgeToken}` || c.req.param('id') !== storeId) {
      return c.json({ error: { code: 'forbidden', message: 'not this edge' } }, 403);
    }
    state.engagementRequests++;
    return state.engagementFeed
      ? c.json(state.engagementFeed)
      : c.json({ error: { code: 'internal', message: 'down' } }, 503);
  });
  app.get('/v1/stores/:id/sync/budgets', (c) => {
    if (c.req.header('authorization') !== `Bearer ${edgeToken}` || c.req.param('id') !== storeId) {
      return c.json({ error: { code: 'forbidden', message: 'not this edge' } }, 403);
    }
    return state.budgetCounts
      ? c.json({ storeId, at: new Date().toISOString(), spent: state.budgetCounts })
      : c.json({ error: { code: 'internal', message: 'down' } }, 503);
  });
  app.post('/v1/auth/login', async (c) => {
    const body: unknown = await c.req.json().catch(() => null);
    const email = typeof body === 'object' && body && 'email' in body ? body.email : null;
    const password = typeof body === 'object' && body && 'password' in body ? body.password : null;
    const user = users.find((u) => u.email === email && u.password === password);
    if (!user) return c.json({ error: { code: 'unauthorized', message: 'bad credentials' } }, 401);
    const token = await signToken(user);
    const response: LoginResponse = {
      token,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      subject: {
        id: user.sub,
        name: user.name,
        role: user.role,
        organisationId: org,
        storeId: user.store,
      },
    };
    return c.json(response);
  });
  app.get('/v1/stores/:id', (c) =>
    c.req.param('id') === storeId
      ? c.json(store)
      : c.json({ error: { code: 'not_found', message: 'no store' } }, 404),
  );
  app.get('/v1/customers/:id/profile', async (c) => {
    state.profileRequests++;
    if (c.req.header('authorization') !== `Bearer ${edgeToken}`) {
      return c.json({ error: { code: 'unauthorized', message: 'bad token' } }, 401);
    }
    if (state.profileMode === 'server_error') {
      return c.json({ error: { code: 'internal', message: 'database down' } }, 503);
    }
    if (state.profileMode === 'hang') await new Promise((resolve) => setTimeout(resolve, 5000));
    const profile = byId.get(c.req.param('id'));
    return profile
      ? c.json(profile)
      : c.json({ error: { code: 'not_found', message: 'no customer' } }, 404);
  });

  const server = createServer(getRequestListener(app.fetch));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closed = false;

  return {
    url: `http://127.0.0.1:${port}`,
    edgeToken,
    state,
    signToken,
    organisationKey,
    /** Enrols an app for a customer: a pass with the customer's tier and consent. */
    enrol(customerId: string, options: TestPassOptions = {}) {
      const profile = byId.get(customerId);
      return enrolApp(organisationKey, {
        customerId,
        ...(profile ? { tier: profile.tier, consent: profile.consent } : {}),
        ...options,
      });
    },
    /** A customer the cloud knows from now on. */
    addProfile(profile: CustomerProfile) {
      byId.set(profile.id, profile);
    },
    revoke(passId: string, passExpiresAt = new Date(Date.now() + 86_400_000)) {
      state.revocations.push({
        passId,
        revokedAt: new Date().toISOString(),
        reason: 'lost_device',
        passExpiresAt: passExpiresAt.toISOString(),
      });
    },
    /** Takes the cloud off the network: connections are refused from now on. */
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeCloud = Awaited<ReturnType<typeof startFakeCloud>>;
