import { decodeCode, type SignedCodeFormat } from '@vitrine/shared';
import type { z } from 'zod';
import type { KeySet } from './key-set.ts';
import { type JwsStep, refuse, verifiedPayload } from './verify-jws.ts';

/** What refuses any signed code before its own rules (store, window, uses) are judged. */
export type SignedCodeRefusal =
  | 'tampered'
  | 'forged_signature'
  | 'unknown_key'
  | 'wrong_organisation';

/** Every signed code names the organisation that issued it. */
type OrganisationClaims = { org: string };

export interface VerifiedCode<T> {
  claims: T;
  /** The organisation key that signed it. */
  kid: string;
}

/**
 * A scanned content code or ticket, verified offline with the organisation's published
 * keys, exactly as a pass is: the shared decoder refuses a truncated or altered text and
 * another format's JWS, then the ES256 signature under the named key, then the claims,
 * then a code of another organisation than the edge's own (when it knows its own).
 */
export function verifySignedCode<C extends z.ZodType<OrganisationClaims>>(
  format: SignedCodeFormat<C>,
  text: string,
  { keys, organisationId }: { keys: KeySet; organisationId?: string | undefined },
): JwsStep<VerifiedCode<z.infer<C>>, SignedCodeRefusal> {
  const decoded = decodeCode(format, text);
  if (!decoded.ok) return refuse('tampered', decoded.detail);
  const { jws, kid } = decoded.value;
  const key = keys.get(kid);
  if (key === undefined) return refuse('unknown_key', `no published organisation key ${kid}`);
  const payload = verifiedPayload(jws, key);
  if (!payload.ok) return refuse(payload.reason, `${format.name}: ${payload.detail}`);
  const claims = format.claims.safeParse(payload.value);
  if (!claims.success) {
    return refuse('tampered', `${format.name}: claims do not match the schema`);
  }
  const { org } = claims.data;
  if (organisationId !== undefined && org !== organisationId) {
    return refuse(
      'wrong_organisation',
      `${format.name} of ${org}, this edge is of ${organisationId}`,
    );
  }
  return { ok: true, value: { claims: claims.data, kid } };
}
