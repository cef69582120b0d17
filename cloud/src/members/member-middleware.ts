import { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { UnauthorizedError } from '../errors/app-errors.ts';
import { validationErrorFrom } from '../http/problem.ts';
import type { MemberRepository } from './member-repository.ts';
import type { Member, MemberTokenService } from './member-tokens.ts';

/** What the member routes find on the request context. */
export interface MemberEnv {
  Variables: {
    member: Member;
    requestId: string;
  };
}

/** A router of the member API: validation fails the same way as on every other route. */
export function createMemberRouter(): OpenAPIHono<MemberEnv> {
  return new OpenAPIHono<MemberEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationErrorFrom(result.error, result.target);
    },
  });
}

/**
 * Verifies a member's bearer token (audience `vitrine-member`: a staff token is refused)
 * and that its customer still exists: an erased customer's token stops working at once.
 */
export function authenticateMember({
  tokens,
  members,
}: {
  tokens: MemberTokenService;
  members: Pick<MemberRepository, 'exists'>;
}) {
  return createMiddleware<MemberEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match?.[1] === undefined) throw new UnauthorizedError('a bearer token is required');
    const member = await tokens.verify(match[1]);
    if (!(await members.exists(member.organisationId, member.customerId))) {
      throw new UnauthorizedError('this member no longer exists');
    }
    c.set('member', member);
    await next();
  });
}
