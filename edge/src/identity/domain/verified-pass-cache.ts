import type { KeyObject } from 'node:crypto';
import type { PassClaims } from '@vitrine/shared';

/**
 * Passes whose organisation signature already verified, by their exact text: a phone
 * shows the same pass at every check-in, so a repeat costs only the proof's signature.
 * Expiry, revocation and the signing key's presence are still checked at every use.
 */
export interface VerifiedPass {
  claims: PassClaims;
  kid: string;
  passHash: string;
  /** The app's key from `cnf.jwk`, imported. */
  appKey: KeyObject;
}

export interface VerifiedPassCache {
  get(pass: string): VerifiedPass | undefined;
  set(pass: string, verified: VerifiedPass): void;
  readonly size: number;
}

export function createVerifiedPassCache({ maxEntries = 20_000 } = {}): VerifiedPassCache {
  const entries = new Map<string, VerifiedPass>();
  return {
    get(pass) {
      const hit = entries.get(pass);
      if (hit === undefined) return undefined;
      entries.delete(pass);
      entries.set(pass, hit);
      return hit;
    },
    set(pass, verified) {
      if (maxEntries <= 0) return;
      entries.delete(pass);
      entries.set(pass, verified);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
