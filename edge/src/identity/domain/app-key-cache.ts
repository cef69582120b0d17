import { createPublicKey, type KeyObject } from 'node:crypto';
import type { PassClaims } from '@vitrine/shared';

type AppJwk = PassClaims['cnf']['jwk'];

/**
 * The apps' public keys already imported, by their point. Importing a key validates it
 * (a scalar multiplication, about the cost of a signature check), so a pass renewed for
 * the same phone, or shown again after the verified-pass cache let it go, reuses the
 * import. Bounded, least recently used first out.
 */
export interface AppKeyCache {
  /** The imported key, or undefined when the JWK is not a valid P-256 public key. */
  keyOf(jwk: AppJwk): KeyObject | undefined;
  readonly size: number;
}

/** The app's key from a pass's `cnf.jwk`, or undefined when it is not a valid P-256 point. */
export function importAppKey({ kty, crv, x, y }: AppJwk): KeyObject | undefined {
  try {
    return createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

export function createAppKeyCache({ maxEntries = 20_000 } = {}): AppKeyCache {
  const keys = new Map<string, KeyObject>();
  return {
    keyOf(jwk) {
      // x and y name the key exactly (kty and crv are fixed by the claims' schema).
      const id = `${jwk.x}.${jwk.y}`;
      const known = keys.get(id);
      if (known !== undefined) {
        keys.delete(id);
        keys.set(id, known);
        return known;
      }
      const key = importAppKey(jwk);
      if (key === undefined || maxEntries <= 0) return key;
      keys.set(id, key);
      if (keys.size > maxEntries) {
        const oldest = keys.keys().next();
        if (!oldest.done) keys.delete(oldest.value);
      }
      return key;
    },
    get size() {
      return keys.size;
    },
  };
}
