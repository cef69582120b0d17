import { ES256_COMPACT_JWS } from './compact-jws.ts';

/**
 * The rotating loyalty QR: pass and proof in one line of text, `VP1:<pass>:<proof>`.
 * Both are compact JWS (base64url and dots), so `:` cannot occur inside them. About
 * 1,000 characters: a dense but phone-screen-sized QR code at error correction level L.
 */
export const LOYALTY_QR_PREFIX = 'VP1:';

export interface PassAndProof {
  pass: string;
  proof: string;
}

export function encodeLoyaltyQr({ pass, proof }: PassAndProof): string {
  return `${LOYALTY_QR_PREFIX}${pass}:${proof}`;
}

/** True when the text claims to be a loyalty QR (whether or not it is intact). */
export function isLoyaltyQr(text: string): boolean {
  return text.startsWith(LOYALTY_QR_PREFIX);
}

export type LoyaltyQrDecoding = { ok: true; value: PassAndProof } | { ok: false; detail: string };

/** Splits a scanned loyalty QR; a truncated or altered text is refused before any crypto. */
export function decodeLoyaltyQr(text: string): LoyaltyQrDecoding {
  if (!isLoyaltyQr(text)) return { ok: false, detail: 'not a loyalty QR' };
  const parts = text.slice(LOYALTY_QR_PREFIX.length).trim().split(':');
  if (parts.length !== 2) return { ok: false, detail: 'expected a pass and a proof' };
  const [pass = '', proof = ''] = parts;
  if (!ES256_COMPACT_JWS.test(pass))
    return { ok: false, detail: 'the pass is truncated or malformed' };
  if (!ES256_COMPACT_JWS.test(proof))
    return { ok: false, detail: 'the proof is truncated or malformed' };
  return { ok: true, value: { pass, proof } };
}
