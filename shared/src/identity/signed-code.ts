import { CompactSign, type CryptoKey } from 'jose';
import type { z } from 'zod';
import { readJwsHeader } from './compact-jws.ts';
import { PASS_ALGORITHM } from './pass-claims.ts';

/**
 * A QR code the organisation signs: a short prefix naming the format and its version,
 * then a compact JWS (ES256, `kid` of a key in the published JWKS, a `typ` of its own so
 * that no signed text of one format ever passes as another).
 */
export interface SignedCodeFormat<C extends z.ZodType> {
  /** What people call it, for messages: "content code", "event ticket". */
  name: string;
  /** `VC1:`, `VT1:`: the text before the JWS. */
  prefix: string;
  typ: string;
  claims: C;
}

export interface SignCodeOptions<T> {
  claims: T;
  /** The organisation's private signing key. */
  privateKey: CryptoKey;
  /** Its id in the published JWKS. */
  kid: string;
}

const encoder = new TextEncoder();

/** The text to print as a QR code: the prefix and the signed claims. */
export async function signCode<C extends z.ZodType>(
  format: SignedCodeFormat<C>,
  { claims, privateKey, kid }: SignCodeOptions<z.infer<C>>,
): Promise<string> {
  // Refused here rather than at every edge: the cloud never signs a claim off the schema.
  const checked = format.claims.parse(claims);
  const jws = await new CompactSign(encoder.encode(JSON.stringify(checked)))
    .setProtectedHeader({ alg: PASS_ALGORITHM, kid, typ: format.typ })
    .sign(privateKey);
  return `${format.prefix}${jws}`;
}

/** True when the text claims to be of this format (whether or not it is intact). */
export function isCodeOf(format: SignedCodeFormat<z.ZodType>, text: string): boolean {
  return text.startsWith(format.prefix);
}

export interface DecodedCode {
  /** The compact JWS, to verify. */
  jws: string;
  /** The key it names; the verifier looks it up in the synced key set. */
  kid: string;
}

export type CodeDecoding = { ok: true; value: DecodedCode } | { ok: false; detail: string };

/**
 * Splits a scanned code and reads its header; a truncated or altered text, another
 * format's JWS, or a code that names no key is refused before any crypto. The claims are
 * read only once the signature is verified.
 */
export function decodeCode(format: SignedCodeFormat<z.ZodType>, text: string): CodeDecoding {
  if (!isCodeOf(format, text)) return { ok: false, detail: `not a ${format.name}` };
  const jws = text.slice(format.prefix.length).trim();
  const header = readJwsHeader(jws, format.typ);
  if (!header.ok) return { ok: false, detail: `${format.name}: ${header.detail}` };
  if (header.kid === undefined) return { ok: false, detail: `${format.name}: names no key` };
  return { ok: true, value: { jws, kid: header.kid } };
}
