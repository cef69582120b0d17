import { TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenClaims, tokenClaimsSchema } from '@vitrine/shared';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { UnauthorizedError } from '../errors/app-errors.ts';
import { SIGNING_ALGORITHM, type SigningKeys } from './signing-keys.ts';

/** People log in once a working day; edge devices are provisioned for a month. */
export const PERSON_TOKEN_TTL_SECONDS = 12 * 60 * 60;
export const EDGE_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface TokenService {
  issue(claims: TokenClaims, ttlSeconds: number): Promise<IssuedToken>;
  /** The parsed claims of a valid token; UnauthorizedError otherwise. */
  verify(token: string): Promise<TokenClaims>;
}

export interface TokenServiceOptions {
  keys: SigningKeys;
  issuer?: string;
  audience?: string;
  now?: () => Date;
}

export function createTokenService({
  keys,
  issuer = TOKEN_ISSUER,
  audience = TOKEN_AUDIENCE,
  now = () => new Date(),
}: TokenServiceOptions): TokenService {
  // Rebuilt when a rotation or a retirement publishes another key set.
  let keySet = createLocalJWKSet(keys.jwks);
  let keySetOf = keys.jwks;
  const currentKeySet = () => {
    if (keys.jwks !== keySetOf) {
      keySetOf = keys.jwks;
      keySet = createLocalJWKSet(keySetOf);
    }
    return keySet;
  };
  return {
    async issue(claims, ttlSeconds) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = issuedAt + ttlSeconds;
      const { sub, ...rest } = claims;
      const token = await new SignJWT(rest)
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.kid, typ: 'JWT' })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(keys.privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, currentKeySet(), {
          issuer,
          audience,
          algorithms: [SIGNING_ALGORITHM],
          currentDate: now(),
        }));
      } catch (error) {
        throw new UnauthorizedError('invalid or expired token', { cause: error });
      }
      const claims = tokenClaimsSchema.safeParse(payload);
      if (!claims.success) {
        throw new UnauthorizedError('token claims do not match the schema', {
          cause: claims.error,
        });
      }
      return claims.data;
    },
  };
}
