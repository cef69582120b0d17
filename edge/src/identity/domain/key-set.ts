import type { OrganisationJwks } from '@vitrine/shared';
import { type CryptoKey, importJWK } from 'jose';

/** The organisation's public keys by `kid`, imported once for every verification after. */
export type KeySet = ReadonlyMap<string, CryptoKey>;

/** Imports every key of a JWKS; a key that does not import is left out, not fatal. */
export async function importKeySet(jwks: OrganisationJwks): Promise<KeySet> {
  const keys = new Map<string, CryptoKey>();
  for (const jwk of jwks.keys) {
    try {
      const { kty, crv, x, y } = jwk;
      const key = await importJWK({ kty, crv, x, y }, 'ES256');
      if (!(key instanceof Uint8Array)) keys.set(jwk.kid, key);
    } catch {
      // A malformed key verifies nothing; passes naming it are refused as unknown_key.
    }
  }
  return keys;
}
