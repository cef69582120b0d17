import { type CryptoKey, SignJWT } from 'jose';
import { PASS_ALGORITHM, PASS_AUDIENCE, PASS_TYP, type PassClaims } from './pass-claims.ts';

export interface SignPassOptions {
  claims: PassClaims;
  /** The organisation's private signing key. */
  privateKey: CryptoKey;
  /** Its id in the published JWKS. */
  kid: string;
}

/**
 * A pass as the cloud signs it. Lives beside the claims so that the cloud, the test
 * fakes and the benches produce the one format the edge verifies.
 */
export function signPass({ claims, privateKey, kid }: SignPassOptions): Promise<string> {
  const { iat, exp, ...rest } = claims;
  return new SignJWT({ ...rest, aud: PASS_AUDIENCE })
    .setProtectedHeader({ alg: PASS_ALGORITHM, kid, typ: PASS_TYP })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(privateKey);
}
