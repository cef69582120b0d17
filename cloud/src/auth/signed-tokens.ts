import { createLocalJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { z } from 'zod';
import { UnauthorizedError } from '../errors/app-errors.ts';
import { SIGNING_ALGORITHM, type SigningKeys } from './signing-keys.ts';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface SignedTokens {
  /** A token for `subject` carrying `claims`, valid `ttlSeconds` from now. */
  sign(subject: string, claims: JWTPayload, ttlSeconds: number): Promise<IssuedToken>;
  /** The claims of a valid token parsed with `schema`; UnauthorizedError otherwise. */
  verify<Schema extends z.ZodType>(token: string, schema: Schema): Promise<z.infer<Schema>>;
}

export interface SignedTokensOptions {
  keys: SigningKeys;
  issuer: string;
  /** Whom the tokens are for: a token of another audience is refused. */
  audience: string;
  now: () => Date;
  /** How errors name the token: "token", "member token". */
  kind: string;
}

/** Signs and checks JWTs of one audience with the cloud's signing keys as they rotate. */
export function createSignedTokens({
  keys,
  issuer,
  audience,
  now,
  kind,
}: SignedTokensOptions): SignedTokens {
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
    async sign(subject, claims, ttlSeconds) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = issuedAt + ttlSeconds;
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.kid, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(keys.privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
    async verify(token, schema) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, currentKeySet(), {
          issuer,
          audience,
          algorithms: [SIGNING_ALGORITHM],
          currentDate: now(),
        }));
      } catch (error) {
        throw new UnauthorizedError(`invalid or expired ${kind}`, { cause: error });
      }
      const claims = schema.safeParse(payload);
      if (!claims.success) {
        throw new UnauthorizedError(`${kind} claims do not match the schema`, {
          cause: claims.error,
        });
      }
      return claims.data;
    },
  };
}
