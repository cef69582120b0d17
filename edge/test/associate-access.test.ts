import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { settle, waitFor } from './support/wait.ts';

describe('associate sockets and the recent-alerts API admit only associates of this store', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function foreignKeyToken() {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT({
      role: 'associate',
      org: 'org_maison-demo',
      store: h.storeId,
      name: 'Mallory',
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'mallory' })
      .setIssuer('vitrine-cloud')
      .setAudience('vitrine')
      .setSubject('asc_mallory')
      .setExpirationTime('1h')
      .sign(privateKey);
  }

  const refusals: {
    name: string;
    auth: (h: Harness) => Promise<Record<string, unknown>>;
    expect: RegExp;
  }[] = [
    { name: 'no token', auth: async () => ({}), expect: /^unauthorized: missing token$/ },
    {
      name: 'a garbage token',
      auth: async () => ({ token: 'not-a-jwt' }),
      expect: /^unauthorized: malformed token$/,
    },
    {
      name: 'an expired token',
      auth: async (h) => ({
        token: await h.cloud.signToken(
          { sub: 'asc_aiko', role: 'associate', store: h.storeId, name: 'Aiko' },
          { expiresIn: '-1m' },
        ),
      }),
      expect: /^unauthorized: token expired$/,
    },
    {
      name: 'a token of another issuer',
      auth: async (h) => ({
        token: await h.cloud.signToken(
          { sub: 'asc_aiko', role: 'associate', store: h.storeId, name: 'Aiko' },
          { issuer: 'someone-else' },
        ),
      }),
      expect: /^unauthorized: claim iss/,
    },
    {
      name: 'a token signed by an unknown key',
      auth: async () => ({ token: await foreignKeyToken() }),
      expect: /^unauthorized: /,
    },
    {
      name: 'an associate of another store',
      auth: async (h) => ({ token: await h.tokenFor('camille') }),
      expect: /^forbidden: associate of sto_paris-rivoli/,
    },
    {
      name: 'an administrator',
      auth: async (h) => ({
        token: await h.cloud.signToken({ sub: 'usr_admin', role: 'admin', name: 'Admin' }),
      }),
      expect: /^forbidden: role admin/,
    },
    {
      name: 'the edge device token',
      auth: async (h) => ({ token: h.cloud.edgeToken }),
      expect: /^forbidden: role edge/,
    },
  ];

  for (const c of refusals) {
    it(`refuses a socket with ${c.name}, which receives no alert`, async () => {
      const client = await h.connectAssociate(await c.auth(h));
      expect(client.refusal).toMatch(c.expect);
      expect(client.hello).toBeNull();
      await h.publishCheckIn('cus_000001');
      await settle(200);
      expect(client.alerts).toHaveLength(0);
      expect(await h.counter('vitrine_edge_connected_associates')).toBe(0);
    });
  }

  it('counts connected associates up and down', async () => {
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    expect(await h.counter('vitrine_edge_connected_associates')).toBe(1);
    aiko.socket.disconnect();
    await waitFor(
      async () => ((await h.counter('vitrine_edge_connected_associates')) === 0 ? true : undefined),
      {
        what: 'the gauge to come back to 0',
      },
    );
  });

  const recent = (authorization?: string) =>
    fetch(
      `${h.edge.httpUrl}/api/alerts/recent`,
      authorization ? { headers: { authorization } } : {},
    );

  it('answers recent alerts to an associate of the store only', async () => {
    expect((await recent(`Bearer ${await h.tokenFor('aiko')}`)).status).toBe(200);
    const missing = await recent();
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const expired = await h.cloud.signToken(
      { sub: 'asc_aiko', role: 'associate', store: h.storeId, name: 'Aiko' },
      { expiresIn: '-1m' },
    );
    expect(await (await recent(`Bearer ${expired}`)).json()).toMatchObject({
      error: { code: 'unauthorized', message: 'token expired' },
    });
    const foreign = await recent(`Bearer ${await h.tokenFor('camille')}`);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});
