import { type KeyObject, verify } from 'node:crypto';
import { ES256_COMPACT_JWS, PASS_ALGORITHM } from '@vitrine/shared';
import { z } from 'zod';

/** A refusal common to every signed text the edge reads: passes, proofs and QR codes. */
export type JwsRefusal = 'tampered' | 'forged_signature';

export type JwsStep<T, R extends string = JwsRefusal> =
  | { ok: true; value: T }
  | { ok: false; reason: R; detail: string };

export const refuse = <R extends string>(reason: R, detail: string) =>
  ({ ok: false, reason, detail }) as const;

/** A compact ES256 JWS split once: its header read, its parts kept for the signature. */
export interface CompactJws {
  kid?: string;
  /** `header.payload`, the bytes the signature covers. */
  signingInput: Buffer;
  signature: Buffer;
  /** The payload, still base64url: decoded only once the signature holds. */
  payload: string;
}

const headerSchema = z.object({ alg: z.unknown(), typ: z.unknown(), kid: z.unknown() }).partial();

/**
 * Reads a compact ES256 JWS of this `typ` before any crypto, as shared's `readJwsHeader`
 * does (a truncated text, another algorithm, `none` included, or another `typ` is
 * refused), with Node's base64url: the edge reads every part of it once.
 */
export function readCompactJws(jws: string, typ: string): JwsStep<CompactJws> {
  if (!ES256_COMPACT_JWS.test(jws)) return refuse('tampered', 'not a complete ES256 compact JWS');
  const firstDot = jws.indexOf('.');
  const lastDot = jws.lastIndexOf('.');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(jws.slice(0, firstDot), 'base64url').toString('utf8'));
  } catch {
    return refuse('tampered', 'unreadable header');
  }
  const header = headerSchema.safeParse(json);
  if (!header.success) return refuse('tampered', 'unreadable header');
  const { alg, typ: actual, kid } = header.data;
  if (alg !== PASS_ALGORITHM) return refuse('tampered', `algorithm ${String(alg)}`);
  if (actual !== typ) return refuse('tampered', `typ ${String(actual)} is not ${typ}`);
  const parts = {
    signingInput: Buffer.from(jws.slice(0, lastDot)),
    signature: Buffer.from(jws.slice(lastDot + 1), 'base64url'),
    payload: jws.slice(firstDot + 1, lastDot),
  };
  return { ok: true, value: typeof kid === 'string' ? { ...parts, kid } : parts };
}

/**
 * The payload of a JWS whose ES256 signature verifies under `key`: node:crypto's
 * synchronous verify over the raw JWS bytes, the same check jose makes, without the
 * WebCrypto round trip that would cost more than the signature itself.
 */
export function verifiedClaims(
  { signingInput, signature, payload }: CompactJws,
  key: KeyObject,
): JwsStep<unknown> {
  let valid: boolean;
  try {
    valid = verify('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    valid = false;
  }
  if (!valid) return refuse('forged_signature', 'signature does not verify');
  try {
    return { ok: true, value: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) };
  } catch {
    return refuse('tampered', 'payload is not JSON');
  }
}

/** The payload of a compact JWS whose header was already read (a scanned code). */
export function verifiedPayload(jws: string, key: KeyObject): JwsStep<unknown> {
  const firstDot = jws.indexOf('.');
  const lastDot = jws.lastIndexOf('.');
  return verifiedClaims(
    {
      signingInput: Buffer.from(jws.slice(0, lastDot)),
      signature: Buffer.from(jws.slice(lastDot + 1), 'base64url'),
      payload: jws.slice(firstDot + 1, lastDot),
    },
    key,
  );
}
