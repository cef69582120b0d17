import { type KeyObject, verify } from 'node:crypto';
import { readJwsHeader } from '@vitrine/shared';

/** A refusal common to every signed text the edge reads: passes, proofs and QR codes. */
export type JwsRefusal = 'tampered' | 'forged_signature';

export type JwsStep<T, R extends string = JwsRefusal> =
  | { ok: true; value: T }
  | { ok: false; reason: R; detail: string };

export const refuse = <R extends string>(reason: R, detail: string) =>
  ({ ok: false, reason, detail }) as const;

/** The header of a compact ES256 JWS of this `typ` (shared's reading, before any crypto). */
export function headerOf(jws: string, typ: string): JwsStep<{ kid?: string }> {
  const header = readJwsHeader(jws, typ);
  if (!header.ok) return refuse('tampered', header.detail);
  return { ok: true, value: header.kid === undefined ? {} : { kid: header.kid } };
}

/**
 * The payload of a compact JWS whose ES256 signature verifies under `key`. node:crypto's
 * synchronous verify over the raw JWS bytes: the same check jose makes, without the
 * WebCrypto round trip that would cost more than the signature itself.
 */
export function verifiedPayload(jws: string, key: KeyObject): JwsStep<unknown> {
  const lastDot = jws.lastIndexOf('.');
  const signingInput = Buffer.from(jws.slice(0, lastDot));
  const signature = Buffer.from(jws.slice(lastDot + 1), 'base64url');
  let valid: boolean;
  try {
    valid = verify('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    valid = false;
  }
  if (!valid) return refuse('forged_signature', 'signature does not verify');
  const payload = jws.slice(jws.indexOf('.') + 1, lastDot);
  try {
    return { ok: true, value: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) };
  } catch {
    return refuse('tampered', 'payload is not JSON');
  }
}
