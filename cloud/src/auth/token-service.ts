import { TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenClaims, tokenClaimsSchema } from '@vitrine/shared';
import { createSignedTokens, type IssuedToken } from './signed-tokens.ts';
import type { SigningKeys } from './signing-keys.ts';

export type { IssuedToken } from './signed-tokens.ts';

/** People log in once a working day; edge devices are provisioned for a month. */
export const PERSON_TOKEN_TTL_SECONDS = 12 * 60 * 60;
export const EDGE_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

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
  const tokens = createSignedTokens({ keys, issuer, audience, now, kind: 'token' });
  return {
    issue(claims, ttlSeconds) {
      const { sub, ...rest } = claims;
      return tokens.sign(sub, rest, ttlSeconds);
    },
    verify: (token) => tokens.verify(token, tokenClaimsSchema),
  };
}
