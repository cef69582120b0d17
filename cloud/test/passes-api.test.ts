import {
  createAppKeyPair,
  customerProfileSchema,
  deviceTokenResponseSchema,
  issuedPassSchema,
  pageSchema,
  passClaimsSchema,
  passRevocationSchema,
  revocationFeedSchema,
} from '@vitrine/shared';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemSchema } from '../src/http/problem.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
const tokens: Record<string, string> = {};
/** A customer of Tokyo (Aiko's store) and one of Paris. */
let tokyoCustomer: string;
let parisCustomer: string;

const jwksSchema = z.object({
  keys: z.array(z.object({ kid: z.string(), kty: z.string(), crv: z.string() }).loose()),
});
const keyStateSchema = z.object({ signingKid: z.string(), publishedKids: z.array(z.string()) });

function call(method: string, path: string, token?: string, body?: unknown) {
  return cloud.app.request(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const read = async <T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> =>
  schema.parse(await response.json());
const problemOf = (response: Response) => read(response, problemSchema).then((body) => body.error);

async function enrol(customerId: string, token = tokens.admin) {
  const app = await createAppKeyPair();
  const response = await call('POST', '/v1/passes', token, {
    customerId,
    appPublicKey: app.publicJwk,
  });
  return { app, response };
}

async function verifyAgainstJwks(pass: string) {
  const jwks = await read(await call('GET', '/.well-known/jwks.json'), jwksSchema);
  const { payload } = await jwtVerify(pass, createLocalJWKSet(jwks), {
    audience: 'vitrine-pass',
    typ: 'vitrine-pass+jwt',
    currentDate: SEED_NOW,
  });
  return passClaimsSchema.parse(payload);
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 30 });
  for (const name of ['admin', 'marketer', 'aiko', 'camille']) {
    tokens[name] = await loginAs(cloud, `${name}@vitrine.demo`);
  }
  const page = pageSchema(customerProfileSchema);
  const customersOf = async (store: string) =>
    (await read(await call('GET', `/v1/stores/${store}/customers?limit=1`, tokens.admin), page))
      .items[0]?.id ?? '';
  tokyoCustomer = await customersOf('sto_tokyo-ginza');
  parisCustomer = await customersOf('sto_paris-rivoli');
  const device = await call('POST', '/v1/stores/sto_tokyo-ginza/device-tokens', tokens.admin);
  tokens.tokyoEdge = (await read(device, deviceTokenResponseSchema)).token;
  const parisDevice = await call('POST', '/v1/stores/sto_paris-rivoli/device-tokens', tokens.admin);
  tokens.parisEdge = (await read(parisDevice, deviceTokenResponseSchema)).token;
});

afterAll(async () => {
  await cloud?.close();
});

describe('POST /v1/passes', () => {
  it('issues a pass signed by a published key, carrying tier, consent and the app key', async () => {
    const { app, response } = await enrol(tokyoCustomer, tokens.aiko);
    expect(response.status).toBe(201);
    const issued = await read(response, issuedPassSchema);
    expect(decodeProtectedHeader(issued.pass)).toMatchObject({
      alg: 'ES256',
      kid: issued.kid,
      typ: 'vitrine-pass+jwt',
    });
    const claims = await verifyAgainstJwks(issued.pass);
    const profile = await read(
      await call('GET', `/v1/customers/${tokyoCustomer}/profile`, tokens.admin),
      customerProfileSchema,
    );
    expect(claims).toMatchObject({
      jti: issued.passId,
      sub: tokyoCustomer,
      org: 'org_maison-demo',
      tier: profile.tier,
      consent: profile.consent,
      cnf: { jwk: { kty: 'EC', crv: 'P-256', x: app.publicJwk.x, y: app.publicJwk.y } },
    });
    expect(issued.issuedAt).toBe(SEED_NOW.toISOString());
    expect(Date.parse(issued.expiresAt)).toBe(claims.exp * 1000);
  });

  it("refuses an associate of another store than the customer's own", async () => {
    const { response } = await enrol(tokyoCustomer, tokens.camille);
    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe('forbidden');
  });

  it.each(['marketer', 'tokyoEdge'])('refuses the %s role', async (who) => {
    const { response } = await enrol(parisCustomer, tokens[who]);
    expect(response.status).toBe(403);
  });

  it('refuses without a token, for an unknown customer, and a private key in the body', async () => {
    expect((await enrol(tokyoCustomer, '')).response.status).toBe(401);
    const unknown = await enrol('cus_999999');
    expect(unknown.response.status).toBe(404);
    const app = await createAppKeyPair({ extractable: true });
    const leaked = await call('POST', '/v1/passes', tokens.admin, {
      customerId: tokyoCustomer,
      appPublicKey: { ...app.publicJwk, d: 'A'.repeat(43) },
    });
    expect(leaked.status).toBe(400);
    expect((await problemOf(leaked)).fields?.map((field) => field.path)).toEqual([
      'appPublicKey.d',
    ]);
    const wrongCurve = await call('POST', '/v1/passes', tokens.admin, {
      customerId: tokyoCustomer,
      appPublicKey: { ...app.publicJwk, crv: 'P-384' },
    });
    expect(wrongCurve.status).toBe(400);
  });
});

describe('revocation', () => {
  it('revokes a pass and lists it in the feed of every store after the watermark', async () => {
    const before = await read(
      await call('GET', '/v1/stores/sto_tokyo-ginza/sync/revocations', tokens.tokyoEdge),
      revocationFeedSchema,
    );
    const issued = await read((await enrol(parisCustomer)).response, issuedPassSchema);
    const revoked = await call('POST', `/v1/passes/${issued.passId}/revoke`, tokens.camille, {
      reason: 'lost_device',
    });
    expect(revoked.status).toBe(200);
    const revocation = await read(revoked, passRevocationSchema);
    expect(revocation).toMatchObject({ passId: issued.passId, reason: 'lost_device' });

    const again = await call('POST', `/v1/passes/${issued.passId}/revoke`, tokens.admin);
    expect(await read(again, passRevocationSchema)).toEqual(revocation);

    const feed = await read(
      await call(
        'GET',
        `/v1/stores/sto_tokyo-ginza/sync/revocations?since=${before.watermark}`,
        tokens.tokyoEdge,
      ),
      revocationFeedSchema,
    );
    expect(feed.items).toEqual([revocation]);
    expect(feed.watermark).toBeGreaterThan(before.watermark);
    const after = await read(
      await call(
        'GET',
        `/v1/stores/sto_tokyo-ginza/sync/revocations?since=${feed.watermark}`,
        tokens.tokyoEdge,
      ),
      revocationFeedSchema,
    );
    expect(after).toEqual({ items: [], watermark: feed.watermark, hasMore: false });
  });

  it('revokes the passes of an erased customer, and the feed names the pass only', async () => {
    const before = await read(
      await call('GET', '/v1/stores/sto_tokyo-ginza/sync/revocations', tokens.tokyoEdge),
      revocationFeedSchema,
    );
    const page = pageSchema(customerProfileSchema);
    const listed = await read(
      await call('GET', '/v1/stores/sto_paris-rivoli/customers?limit=4', tokens.admin),
      page,
    );
    const erased = listed.items[3]?.id ?? '';
    const issued = await read((await enrol(erased)).response, issuedPassSchema);
    expect((await call('DELETE', `/v1/customers/${erased}`, tokens.admin)).status).toBe(204);

    const feed = await read(
      await call(
        'GET',
        `/v1/stores/sto_tokyo-ginza/sync/revocations?since=${before.watermark}`,
        tokens.tokyoEdge,
      ),
      revocationFeedSchema,
    );
    expect(feed.items).toEqual([
      expect.objectContaining({ passId: issued.passId, reason: 'erased' }),
    ]);
    expect(JSON.stringify(feed)).not.toContain(erased);
  });

  it('keeps the reason "erased" for the cloud itself', async () => {
    const issued = await read((await enrol(parisCustomer)).response, issuedPassSchema);
    const response = await call('POST', `/v1/passes/${issued.passId}/revoke`, tokens.admin, {
      reason: 'erased',
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).fields?.[0]?.path).toBe('reason');
  });

  it('pages the feed with limit and hasMore', async () => {
    for (let i = 0; i < 3; i++) {
      const issued = await read((await enrol(tokyoCustomer)).response, issuedPassSchema);
      await call('POST', `/v1/passes/${issued.passId}/revoke`, tokens.aiko);
    }
    const first = await read(
      await call('GET', '/v1/stores/sto_tokyo-ginza/sync/revocations?limit=2', tokens.tokyoEdge),
      revocationFeedSchema,
    );
    expect(first.items).toHaveLength(2);
    expect(first.hasMore).toBe(true);
  });

  it("refuses another store's edge, a marketer, and an unknown pass", async () => {
    const foreign = await call(
      'GET',
      '/v1/stores/sto_tokyo-ginza/sync/revocations',
      tokens.parisEdge,
    );
    expect(foreign.status).toBe(403);
    const marketer = await call('POST', '/v1/passes/pas_unknown/revoke', tokens.marketer);
    expect(marketer.status).toBe(403);
    const unknown = await call('POST', '/v1/passes/pas_unknown/revoke', tokens.admin);
    expect(unknown.status).toBe(404);
    const badWatermark = await call(
      'GET',
      '/v1/stores/sto_tokyo-ginza/sync/revocations?since=-1',
      tokens.tokyoEdge,
    );
    expect(badWatermark.status).toBe(400);
  });
});

describe('key rotation', () => {
  it('signs with the new key, keeps the old one published, then retires it', async () => {
    const old = await read((await enrol(tokyoCustomer)).response, issuedPassSchema);
    expect((await call('POST', '/v1/auth/keys/rotate', tokens.aiko)).status).toBe(403);

    const rotated = await read(
      await call('POST', '/v1/auth/keys/rotate', tokens.admin),
      keyStateSchema,
    );
    expect(rotated.publishedKids).toHaveLength(2);
    expect(rotated.signingKid).not.toBe(old.kid);
    expect(rotated.publishedKids).toContain(old.kid);

    const fresh = await read((await enrol(tokyoCustomer)).response, issuedPassSchema);
    expect(fresh.kid).toBe(rotated.signingKid);
    await expect(verifyAgainstJwks(old.pass)).resolves.toMatchObject({ jti: old.passId });
    await expect(verifyAgainstJwks(fresh.pass)).resolves.toMatchObject({ jti: fresh.passId });
    // A token signed before the rotation still works.
    expect((await call('GET', '/v1/stores', tokens.aiko)).status).toBe(200);

    const signing = await call('POST', `/v1/auth/keys/${rotated.signingKid}/retire`, tokens.admin);
    expect(signing.status).toBe(409);
    const retired = await read(
      await call('POST', `/v1/auth/keys/${old.kid}/retire`, tokens.admin),
      keyStateSchema,
    );
    expect(retired.publishedKids).toEqual([rotated.signingKid]);
    await expect(verifyAgainstJwks(old.pass)).rejects.toThrow();
    // Tokens signed by the retired key no longer verify: log in again.
    expect((await call('GET', '/v1/stores', tokens.aiko)).status).toBe(401);
    const admin = await loginAs(cloud, 'admin@vitrine.demo');
    expect((await call('POST', `/v1/auth/keys/${old.kid}/retire`, admin)).status).toBe(404);
  });
});
