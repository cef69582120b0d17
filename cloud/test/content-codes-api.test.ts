import {
  CONTENT_CODE,
  decodeCode,
  organisationJwksSchema,
  signedCodeResponseSchema,
} from '@vitrine/shared';
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
const tokens: Record<string, string> = {};

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A GET as the marketer, another caller, or (null) nobody. */
function get(path: string, token: string | null = tokens.marketer ?? null) {
  return cloud.app.request(path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** The claims of a code, verified against the cloud's own published keys. */
async function verifiedClaims(code: string) {
  const decoded = decodeCode(CONTENT_CODE, code);
  if (!decoded.ok) throw new Error(decoded.detail);
  const jwks = organisationJwksSchema.parse(await (await get('/.well-known/jwks.json')).json());
  const { payload } = await compactVerify(decoded.value.jws, createLocalJWKSet(jwks));
  return CONTENT_CODE.claims.parse(JSON.parse(new TextDecoder().decode(payload)));
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 5 });
  for (const name of ['admin', 'marketer', 'aiko']) {
    tokens[name] = await loginAs(cloud, `${name}@vitrine.demo`);
  }
  for (const id of ['window-left', 'window-right']) {
    const registered = await cloud.app.request('/v1/stores/sto_tokyo-ginza/screens', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id,
        zoneId: 'zon_tokyo-ginza-entrance',
        orientation: 'portrait',
        resolution: { width: 1080, height: 1920 },
      }),
    });
    if (registered.status !== 201) throw new Error(`registering ${id}: ${registered.status}`);
  }
  const retired = await cloud.app.request('/v1/stores/sto_tokyo-ginza/screens/window-right', {
    method: 'DELETE',
    headers: { authorization: `Bearer ${tokens.admin}` },
  });
  if (retired.status !== 200) throw new Error(`retiring window-right: ${retired.status}`);
});

afterAll(async () => {
  await cloud?.close();
});

describe('product codes', () => {
  it('signs the catalogue card of a product, the one the demo’s purchases come from', async () => {
    const response = await get('/v1/products/CAM-LQ3/code');
    expect(response.status).toBe(200);
    const { code } = signedCodeResponseSchema.parse(await response.json());
    expect(code.startsWith('VC1:')).toBe(true);
    expect(await verifiedClaims(code)).toEqual({
      kind: 'product',
      org: 'org_maison-demo',
      iat: Math.floor(SEED_NOW.getTime() / 1000),
      product: {
        sku: 'CAM-LQ3',
        name: 'Leica Q3',
        category: 'cameras',
        price: 5900,
        currency: 'EUR',
      },
    });
  });

  it('draws its QR code as SVG by default', async () => {
    const response = await get('/v1/products/CAM-LQ3/qr');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await response.text()).startsWith('<svg')).toBe(true);
  });

  it('draws its QR code as PNG on request', async () => {
    const response = await get('/v1/products/FLM-HP5/qr?format=png', tokens.admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
  });

  it('answers 404 for a SKU the catalogue does not have', async () => {
    for (const path of ['/v1/products/CAM-NONE/code', '/v1/products/CAM-NONE/qr']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(problemSchema.parse(await response.json()).error.code).toBe('not_found');
    }
  });

  it.each([
    {
      name: 'an image format it does not draw',
      path: '/v1/products/CAM-LQ3/qr?format=gif',
      field: 'format',
    },
    { name: 'a SKU that is not one', path: '/v1/products/CAM%20LQ3/code', field: 'sku' },
  ])('names the field of $name', async ({ path, field }) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    const { error } = problemSchema.parse(await response.json());
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((f) => f.path)).toContain(field);
  });
});

describe('screen codes', () => {
  it('signs a screen of a store of the organisation, bound to that store', async () => {
    const response = await get('/v1/stores/sto_tokyo-ginza/screens/window-left/code');
    expect(response.status).toBe(200);
    const { code } = signedCodeResponseSchema.parse(await response.json());
    expect(await verifiedClaims(code)).toMatchObject({
      kind: 'screen',
      org: 'org_maison-demo',
      store: 'sto_tokyo-ginza',
      screen: 'window-left',
    });
    const image = await get('/v1/stores/sto_tokyo-ginza/screens/window-left/qr?format=svg');
    expect((await image.text()).startsWith('<svg')).toBe(true);
  });

  it('answers 404 for a store the organisation does not have, 400 for a bad screen id', async () => {
    expect((await get('/v1/stores/sto_nowhere/screens/window-left/code')).status).toBe(404);
    const bad = await get('/v1/stores/sto_tokyo-ginza/screens/a%2Bb/code');
    expect(bad.status).toBe(400);
    expect(problemSchema.parse(await bad.json()).error.fields?.[0]?.path).toBe('screenId');
  });

  it('signs no code for a screen the store never registered, nor for a retired one', async () => {
    for (const screen of ['window-nowhere', 'window-right']) {
      for (const what of ['code', 'qr']) {
        const response = await get(`/v1/stores/sto_tokyo-ginza/screens/${screen}/${what}`);
        expect(response.status).toBe(404);
        expect(problemSchema.parse(await response.json()).error.code).toBe('not_found');
      }
    }
  });

  it('signs no code for a screen registered in another store', async () => {
    const response = await get('/v1/stores/sto_paris-rivoli/screens/window-left/code');
    expect(response.status).toBe(404);
  });
});

describe('who may sign codes', () => {
  it('refuses an associate and an anonymous caller', async () => {
    expect((await get('/v1/products/CAM-LQ3/code', tokens.aiko)).status).toBe(403);
    expect((await get('/v1/products/CAM-LQ3/qr', tokens.aiko)).status).toBe(403);
    expect((await get('/v1/products/CAM-LQ3/code', null)).status).toBe(401);
  });

  it('describes the code endpoints in the OpenAPI document', async () => {
    const document = (await (await get('/openapi.json')).json()) as { paths: object };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/products/{sku}/code',
        '/v1/products/{sku}/qr',
        '/v1/stores/{storeId}/screens/{screenId}/code',
        '/v1/stores/{storeId}/screens/{screenId}/qr',
      ]),
    );
  });
});
