import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeLoyaltyQr, encodeLoyaltyQr } from './loyalty-qr.ts';
import { appPublicJwkSchema } from './pass-claims.ts';
import { createAppKeyPair, createProof, newProofNonce, passHash } from './presence-client.ts';
import { PROOF_TYP, proofClaimsSchema, proofStep } from './proof-claims.ts';

const NOW = Date.parse('2026-11-23T10:00:10Z');
// Any compact JWS stands in for a pass here: the client only hashes it.
const PASS = `eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiJwYXNfMSJ9.${'A'.repeat(86)}`;

describe('app key pair', () => {
  it('exports only the public part of a P-256 key', async () => {
    const { publicJwk } = await createAppKeyPair();
    expect(appPublicJwkSchema.safeParse(publicJwk).success).toBe(true);
    expect(publicJwk).not.toHaveProperty('d');
  });

  it('refuses a JWK that carries a private key', () => {
    const parsed = appPublicJwkSchema.safeParse({
      kty: 'EC',
      crv: 'P-256',
      x: 'A'.repeat(43),
      y: 'B'.repeat(43),
      d: 'C'.repeat(43),
    });
    expect(parsed.success).toBe(false);
  });
});

describe('proof of presence', () => {
  it('signs store, 30 s step, nonce and pass hash with the app key', async () => {
    const app = await createAppKeyPair();
    const proof = await createProof({
      pass: PASS,
      appPrivateKey: app.privateKey,
      storeId: 'sto_tokyo-ginza',
      now: NOW,
      nonce: 'abcdefghijklmnopqrstuv',
    });
    expect(decodeProtectedHeader(proof)).toEqual({ alg: 'ES256', typ: PROOF_TYP });
    const key = await importJWK(app.publicJwk, 'ES256');
    const { payload } = await compactVerify(proof, key);
    const claims = proofClaimsSchema.parse(JSON.parse(new TextDecoder().decode(payload)));
    expect(claims).toEqual({
      store: 'sto_tokyo-ginza',
      step: Math.floor(NOW / 30_000),
      nonce: 'abcdefghijklmnopqrstuv',
      passHash: await passHash(PASS),
    });
  });

  it('draws a new nonce for every proof', async () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newProofNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('puts instants of one 30 s window in the same step', () => {
    expect(proofStep(Date.parse('2026-11-23T10:00:00Z'))).toBe(
      proofStep(Date.parse('2026-11-23T10:00:29.999Z')),
    );
    expect(proofStep(Date.parse('2026-11-23T10:00:30Z'))).toBe(
      proofStep(Date.parse('2026-11-23T10:00:00Z')) + 1,
    );
  });
});

describe('loyalty QR text', () => {
  it('round-trips pass and proof', async () => {
    const app = await createAppKeyPair();
    const proof = await createProof({
      pass: PASS,
      appPrivateKey: app.privateKey,
      storeId: 'sto_tokyo-ginza',
      now: NOW,
    });
    const text = encodeLoyaltyQr({ pass: PASS, proof });
    expect(decodeLoyaltyQr(text)).toEqual({ ok: true, value: { pass: PASS, proof } });
  });

  it.each([
    { name: 'not a loyalty QR', text: 'https://maison.example/p/123', detail: /not a loyalty/ },
    { name: 'no proof', text: `VP1:${PASS}`, detail: /pass and a proof/ },
    { name: 'truncated proof', text: `VP1:${PASS}:${PASS.slice(0, -5)}`, detail: /proof/ },
    { name: 'truncated pass', text: `VP1:${PASS.slice(0, 40)}:${PASS}`, detail: /pass/ },
    { name: 'extra part', text: `VP1:${PASS}:${PASS}:${PASS}`, detail: /pass and a proof/ },
  ])('refuses $name', ({ text, detail }) => {
    const decoded = decodeLoyaltyQr(text);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.detail).toMatch(detail);
  });
});
