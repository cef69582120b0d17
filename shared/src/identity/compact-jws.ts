import { decodeProtectedHeader } from 'jose';
import { PASS_ALGORITHM } from './pass-claims.ts';

/** Header.payload.signature, with an ES256 signature (64 bytes = 86 base64url characters). */
export const ES256_COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/;

export type JwsHeaderReading = { ok: true; kid?: string } | { ok: false; detail: string };

/**
 * The protected header of a compact ES256 JWS of the expected `typ`, read without any
 * crypto: a truncated text, another algorithm (`none` included) or another `typ` (a pass
 * shown as a ticket, a proof shown as a pass) is refused before a signature is checked.
 */
export function readJwsHeader(jws: string, typ: string): JwsHeaderReading {
  if (!ES256_COMPACT_JWS.test(jws)) {
    return { ok: false, detail: 'not a complete ES256 compact JWS' };
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return { ok: false, detail: 'unreadable header' };
  }
  if (header.alg !== PASS_ALGORITHM)
    return { ok: false, detail: `algorithm ${String(header.alg)}` };
  if (header.typ !== typ) {
    return { ok: false, detail: `typ ${String(header.typ)} is not ${typ}` };
  }
  return typeof header.kid === 'string' ? { ok: true, kid: header.kid } : { ok: true };
}
