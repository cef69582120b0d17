import { customerIdSchema, organisationIdSchema, TOKEN_ISSUER } from '@vitrine/shared';
import { z } from 'zod';
import { createSignedTokens, type IssuedToken } from '../auth/signed-tokens.ts';
import type { SigningKeys } from '../auth/signing-keys.ts';

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
  const tokens = createSignedTokens({
    keys,
    issuer: TOKEN_ISSUER,
    audience: MEMBER_TOKEN_AUDIENCE,
    now,
    kind: 'member token',
  });
  return {
    issue: ({ customerId, organisationId }) =>
      tokens.sign(customerId, { org: organisationId, role: 'customer' }, ttlSeconds),
    async verify(token) {
      const claims = await tokens.verify(token, memberClaimsSchema);
      return { customerId: claims.sub, organisationId: claims.org };
    },
  };
}
