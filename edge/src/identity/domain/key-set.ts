import { createPublicKey, type KeyObject } from 'node:crypto';
import type { OrganisationJwks } from '@vitrine/shared';

/**
 * The organisation's public keys by `kid`, imported once for every verification after.
 * node:crypto rather than WebCrypto: the edge runs on Node, and its synchronous ECDSA
 * verification and key import are several times cheaper per check-in.
 */
export type KeySet = ReadonlyMap<string, KeyObject>;

/** Imports every key of a JWKS; a key that does not import is left out, not fatal. */
export async function importKeySet(jwks: OrganisationJwks): Promise<KeySet> {
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks.keys) {
    try {
      const { kty, crv, x, y } = jwk;
      keys.set(jwk.kid, createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' }));
    } catch {
      // A malformed key verifies nothing; passes naming it are refused as unknown_key.
    }
  }
  return keys;
}
