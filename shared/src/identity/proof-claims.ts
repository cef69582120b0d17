import { z } from 'zod';
import { storeIdSchema } from '../ids/ids.ts';

/** The JWS `typ` of a proof of presence. */
export const PROOF_TYP = 'vitrine-proof+jwt';

/** Proofs are bound to a 30-second time step; the rotating QR changes at least this often. */
export const PROOF_STEP_SECONDS = 30;

/** The time step of an instant (ms since the epoch). */
export function proofStep(nowMs: number, stepSeconds = PROOF_STEP_SECONDS): number {
  return Math.floor(nowMs / (stepSeconds * 1000));
}

/**
 * Claims of a proof of presence, signed by the app's own key (the one in the pass's
 * `cnf.jwk`): this pass, in this store, in this time step, once (the nonce).
 */
export const proofClaimsSchema = z.object({
  store: storeIdSchema,
  step: z.number().int().nonnegative(),
  /** 16 random bytes, base64url: the edge refuses a second use within the window. */
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 base64url characters'),
  /** SHA-256 of the exact pass text, base64url: the proof cannot be moved to another pass. */
  passHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url SHA-256'),
});
export type ProofClaims = z.infer<typeof proofClaimsSchema>;
