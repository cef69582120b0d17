import type { ErrorCode } from '../errors/error-codes.ts';

/**
 * Why an edge refuses a pass and its proof; each is an error code (the `reason` label of
 * `vitrine_edge_identity_rejected_total`, the code of a refused scan's problem body).
 * - forged_signature: a signature does not verify (the pass under the organisation's
 *   key, or the proof under the pass's app key): forged, or a signed claim was edited.
 * - tampered: the parts do not fit: malformed or truncated, a wrong `typ` or algorithm,
 *   claims off the schema, or a proof bound to another pass.
 * - unknown_key: the pass names a key the organisation does not publish (another
 *   organisation's QR, or a retired key).
 * - wrong_organisation: a pass signed by a published key, but for another organisation
 *   than the edge's own (keys may be shared by the organisations of one cloud).
 */
export const IDENTITY_REJECTIONS = [
  'forged_signature',
  'tampered',
  'unknown_key',
  'wrong_organisation',
  'pass_expired',
  'pass_revoked',
  'rate_limited',
  'wrong_store',
  'stale_proof',
  'replayed_nonce',
] as const satisfies readonly ErrorCode[];
export type IdentityRejection = (typeof IDENTITY_REJECTIONS)[number];
