import { TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenClaims, tokenClaimsSchema } from '@vitrine/shared';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';

export type TokenVerification = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

/** The port through which sockets and HTTP routes check a cloud-signed token. */
export interface TokenVerifier {
  verify(token: string): Promise<TokenVerification>;
}

export interface JoseTokenVerifierOptions {
  /** Where the public keys come from: the cloud's JWKS, or a local set in tests. */
  keys: JWTVerifyGetKey;
  issuer?: string;
  audience?: string;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim ${error.claim} ${error.reason}`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown signing key';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) {
    return error.code === 'ERR_JWKS_TIMEOUT' ? 'key set unavailable' : 'malformed token';
  }
  return 'key set unavailable';
}

export function createJoseTokenVerifier({
  keys,
  issuer = TOKEN_ISSUER,
  audience = TOKEN_AUDIENCE,
}: JoseTokenVerifierOptions): TokenVerifier {
  return {
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['ES256'] }));
      } catch (error) {
        return { ok: false, reason: reasonOf(error) };
      }
      const claims = tokenClaimsSchema.safeParse(payload);
      if (!claims.success) return { ok: false, reason: 'invalid claims' };
      return { ok: true, claims: claims.data };
    },
  };
}

/** Verifies against the cloud's published keys (fetched once, refreshed on an unknown kid). */
export function createCloudTokenVerifier(cloudUrl: string): TokenVerifier {
  return createJoseTokenVerifier({
    keys: createRemoteJWKSet(new URL('/.well-known/jwks.json', cloudUrl)),
  });
}
