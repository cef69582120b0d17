import {
  CompactSign,
  type CryptoKey,
  compactVerify,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_CODE, type ContentCodeClaims } from './content-code.ts';
import { EVENT_TICKET, type EventTicketClaims } from './event-ticket.ts';
import { PASS_TYP, type PassClaims } from './pass-claims.ts';
import { signPass } from './pass-signing.ts';
import { decodeCode, isCodeOf, signCode } from './signed-code.ts';

const KID = 'org-key-1';
let privateKey: CryptoKey;
let publicJwk: JWK;

const product: ContentCodeClaims = {
  kind: 'product',
  org: 'org_maison-demo',
  iat: 1_790_000_000,
  product: {
    sku: 'CAM-LQ3',
    name: 'Leica Q3',
    category: 'cameras',
    price: 5900,
    currency: 'EUR',
  },
};
const screen: ContentCodeClaims = {
  kind: 'screen',
  org: 'org_maison-demo',
  iat: 1_790_000_000,
  store: 'sto_tokyo-ginza',
  screen: 'window-left',
};
const ticket: EventTicketClaims = {
  jti: 'tkt_launch-0001',
  evt: 'evt_q3-launch',
  sub: 'cus_000001',
  org: 'org_maison-demo',
  store: 'sto_tokyo-ginza',
  admits: 2,
  iat: 1_790_000_000,
  nbf: 1_790_100_000,
  exp: 1_790_110_800,
};

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = await exportJWK(pair.publicKey);
});

async function claimsOf(jws: string): Promise<unknown> {
  const { payload } = await compactVerify(jws, await importJWK(publicJwk, 'ES256'));
  return JSON.parse(new TextDecoder().decode(payload));
}

describe('signed QR code formats', () => {
  it.each([
    {
      name: 'a product code',
      prefix: 'VC1:',
      claims: product,
      sign: () => signCode(CONTENT_CODE, { claims: product, privateKey, kid: KID }),
      decode: (text: string) => decodeCode(CONTENT_CODE, text),
      parse: (json: unknown) => CONTENT_CODE.claims.parse(json),
    },
    {
      name: 'a screen code',
      prefix: 'VC1:',
      claims: screen,
      sign: () => signCode(CONTENT_CODE, { claims: screen, privateKey, kid: KID }),
      decode: (text: string) => decodeCode(CONTENT_CODE, text),
      parse: (json: unknown) => CONTENT_CODE.claims.parse(json),
    },
    {
      name: 'an event ticket',
      prefix: 'VT1:',
      claims: ticket,
      sign: () => signCode(EVENT_TICKET, { claims: ticket, privateKey, kid: KID }),
      decode: (text: string) => decodeCode(EVENT_TICKET, text),
      parse: (json: unknown) => EVENT_TICKET.claims.parse(json),
    },
  ])('round-trips $name through sign, decode and standard JWS verification', async (vector) => {
    const text = await vector.sign();
    expect(text.startsWith(vector.prefix)).toBe(true);
    expect(text.length).toBeLessThan(600);
    const decoded = vector.decode(text);
    if (!decoded.ok) throw new Error(decoded.detail);
    expect(decoded.value.kid).toBe(KID);
    expect(vector.parse(await claimsOf(decoded.value.jws))).toEqual(vector.claims);
  });

  it('tells the formats apart by prefix', async () => {
    const text = await signCode(CONTENT_CODE, { claims: product, privateKey, kid: KID });
    expect(isCodeOf(CONTENT_CODE, text)).toBe(true);
    expect(isCodeOf(EVENT_TICKET, text)).toBe(false);
  });

  it('never signs a claim off the schema', async () => {
    await expect(
      signCode(EVENT_TICKET, { claims: { ...ticket, admits: 11 }, privateKey, kid: KID }),
    ).rejects.toThrow(/admits/);
    await expect(
      signCode(EVENT_TICKET, { claims: { ...ticket, exp: ticket.nbf }, privateKey, kid: KID }),
    ).rejects.toThrow(/exp/);
  });
});

const header = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Must-fail decodings, one record per case: each is refused before any crypto. */
const refusals: {
  name: string;
  format: typeof CONTENT_CODE | typeof EVENT_TICKET;
  text: () => Promise<string>;
  detail: RegExp;
}[] = [
  {
    name: 'a URL printed on a label',
    format: CONTENT_CODE,
    text: async () => 'https://maison-lumiere.example/p/CAM-LQ3',
    detail: /not a content code/,
  },
  {
    name: 'a truncated content code',
    format: CONTENT_CODE,
    text: async () =>
      (await signCode(CONTENT_CODE, { claims: product, privateKey, kid: KID })).slice(0, -12),
    detail: /not a complete ES256/,
  },
  {
    name: 'a content code with a character added',
    format: CONTENT_CODE,
    text: async () => `${await signCode(CONTENT_CODE, { claims: product, privateKey, kid: KID })}A`,
    detail: /not a complete ES256/,
  },
  {
    name: 'a content code shown as a ticket',
    format: EVENT_TICKET,
    text: async () =>
      (await signCode(CONTENT_CODE, { claims: product, privateKey, kid: KID })).replace(
        'VC1:',
        'VT1:',
      ),
    detail: /typ vitrine-content\+jwt is not vitrine-ticket\+jwt/,
  },
  {
    name: 'a loyalty pass shown as a ticket',
    format: EVENT_TICKET,
    text: async () => {
      const claims: PassClaims = {
        iss: 'vitrine-cloud',
        aud: 'vitrine-pass',
        jti: 'pas_1',
        sub: 'cus_000001',
        org: 'org_maison-demo',
        tier: 'gold',
        consent: { tracking: true, marketing: true, profiling: true },
        iat: 1_790_000_000,
        exp: 1_800_000_000,
        cnf: { jwk: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'B'.repeat(43) } },
      };
      return `VT1:${await signPass({ claims, privateKey, kid: KID })}`;
    },
    detail: new RegExp(`typ ${PASS_TYP.replace('+', '\\+')} is not`),
  },
  {
    name: 'an unsigned ticket (alg none)',
    format: EVENT_TICKET,
    text: async () => {
      const [, payload] = (
        await signCode(EVENT_TICKET, { claims: ticket, privateKey, kid: KID })
      ).split('.');
      return `VT1:${header({ alg: 'none', typ: 'vitrine-ticket+jwt', kid: KID })}.${payload}.${'A'.repeat(86)}`;
    },
    detail: /algorithm none/,
  },
  {
    name: 'a ticket that names no key',
    format: EVENT_TICKET,
    text: async () => {
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(ticket)))
        .setProtectedHeader({ alg: 'ES256', typ: 'vitrine-ticket+jwt' })
        .sign(privateKey);
      return `VT1:${jws}`;
    },
    detail: /names no key/,
  },
];

describe('decoding a scanned code', () => {
  it.each(refusals)('refuses $name', async ({ format, text, detail }) => {
    const decoded = decodeCode(format, await text());
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.detail).toMatch(detail);
  });
});
