import { customerIdSchema, organisationIdSchema, TOKEN_ISSUER } from '@vitrine/shared';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { SigningKeys } from '../auth/signing-keys.ts';
import { SIGNING_ALGORITHM } from '../auth/signing-keys.ts';
import type { IssuedToken } from '../auth/token-service.ts';
import { UnauthorizedError } from '../errors/app-errors.ts';

/**
 * A member token's own audience: the staff `authenticate` (audience `vitrine`) refuses
 * it, and the member routes refuse a staff token.
 */
export const MEMBER_TOKEN_AUDIENCE = 'vitrine-member';
/** The card stays signed in for a month. */
export const MEMBER_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

const memberClaimsSchema = z.object({
  sub: customerIdSchema,
  org: organisationIdSchema,
  role: z.literal('customer'),
});

/** Who a valid member token speaks for. */
export interface Member {
  customerId: string;
  organisationId: string;
}

export interface MemberTokenService {
  issue(member: Member): Promise<IssuedToken>;
  /** The member of a valid token; UnauthorizedError otherwise. */
  verify(token: string): Promise<Member>;
}

/** Member tokens, signed and checked with the cloud's signing keys as they rotate. */
export function createMemberTokenService({
  keys,
  now = () => new Date(),
  ttlSeconds = MEMBER_TOKEN_TTL_SECONDS,
}: {
  keys: SigningKeys;
  now?: () => Date;
  ttlSeconds?: number;
}): MemberTokenService {
  let keySetOf = keys.jwks;
  let keySet = createLocalJWKSet(keySetOf);
  const currentKeySet = () => {
    if (keys.jwks !== keySetOf) {
      keySetOf = keys.jwks;
      keySet = createLocalJWKSet(keySetOf);
    }
    return keySet;
  };
  return {
    async issue({ customerId, organisationId }) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = issuedAt + ttlSeconds;
      const token = await new SignJWT({ org: organisationId, role: 'customer' })
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.kid, typ: 'JWT' })
        .setSubject(customerId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(MEMBER_TOKEN_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(keys.privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, currentKeySet(), {
          issuer: TOKEN_ISSUER,
          audience: MEMBER_TOKEN_AUDIENCE,
          algorithms: [SIGNING_ALGORITHM],
          currentDate: now(),
        }));
      } catch (error) {
        throw new UnauthorizedError('invalid or expired member token', { cause: error });
      }
      const claims = memberClaimsSchema.safeParse(payload);
      if (!claims.success) {
        throw new UnauthorizedError('member token claims do not match the schema', {
          cause: claims.error,
        });
      }
      return { customerId: claims.data.sub, organisationId: claims.data.org };
    },
  };
}
