import { base64url, CompactSign, type CryptoKey, exportJWK, generateKeyPair } from 'jose';
import { type AppPublicJwk, appPublicJwkSchema, PASS_ALGORITHM } from './pass-claims.ts';
import { PROOF_STEP_SECONDS, PROOF_TYP, type ProofClaims, proofStep } from './proof-claims.ts';

/**
 * The loyalty app's side of identity, in one place for the app, the simulator and the
 * tests: WebCrypto through jose only, so it runs unchanged in browsers, Node and Deno.
 */
export interface AppKeyPair {
  privateKey: CryptoKey;
  publicJwk: AppPublicJwk;
}

export interface CreateAppKeyPairOptions {
  /** A phone keeps its private key non-extractable; a test harness may need to export it. */
  extractable?: boolean;
}

export async function createAppKeyPair({
  extractable = false,
}: CreateAppKeyPairOptions = {}): Promise<AppKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(PASS_ALGORITHM, { extractable });
  const { kty, crv, x, y } = await exportJWK(publicKey);
  return { privateKey, publicJwk: appPublicJwkSchema.parse({ kty, crv, x, y }) };
}

const encoder = new TextEncoder();

/** SHA-256 of the exact pass text, base64url: what a proof names its pass by. */
export async function passHash(pass: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(pass));
  return base64url.encode(new Uint8Array(digest));
}

/** 16 random bytes, base64url (22 characters). */
export function newProofNonce(): string {
  return base64url.encode(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

export interface CreateProofOptions {
  pass: string;
  appPrivateKey: CryptoKey;
  storeId: string;
  /** The phone's clock: ms since the epoch, or a Date. */
  now: number | Date;
  nonce?: string;
  stepSeconds?: number;
}

/** A fresh proof of presence: a compact JWS by the app key over store, step, nonce and pass hash. */
export async function createProof({
  pass,
  appPrivateKey,
  storeId,
  now,
  nonce = newProofNonce(),
  stepSeconds = PROOF_STEP_SECONDS,
}: CreateProofOptions): Promise<string> {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const claims: ProofClaims = {
    store: storeId,
    step: proofStep(nowMs, stepSeconds),
    nonce,
    passHash: await passHash(pass),
  };
  return new CompactSign(encoder.encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: PASS_ALGORITHM, typ: PROOF_TYP })
    .sign(appPrivateKey);
}
