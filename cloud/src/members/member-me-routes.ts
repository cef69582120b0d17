import { createRoute } from '@hono/zod-openapi';
import {
  issuedPassSchema,
  memberConsentSchema,
  memberInvitationListSchema,
  memberPassRequestSchema,
  memberProfileSchema,
} from '@vitrine/shared';
import type { SigningKeys } from '../auth/signing-keys.ts';
import type { CustomerRegistryRepository } from '../customers/customer-registry-repository.ts';
import { UnauthorizedError } from '../errors/app-errors.ts';
import type { GuestRepository } from '../events/guest-repository.ts';
import type { RsvpRepository } from '../events/rsvp-repository.ts';
import { viewInvitation } from '../events/rsvp-routes.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { issuePass } from '../passes/pass-issuer.ts';
import type { PassRepository } from '../passes/pass-repository.ts';
import { authenticateMember, createMemberRouter } from './member-middleware.ts';
import type { MemberRepository } from './member-repository.ts';
import type { Member, MemberTokenService } from './member-tokens.ts';

export interface MemberMeRoutesOptions {
  members: MemberRepository;
  registry: CustomerRegistryRepository;
  memberTokens: MemberTokenService;
  passes: PassRepository;
  keys: SigningKeys;
  rsvps: RsvpRepository;
  guests: GuestRepository;
  now: () => Date;
}

const memberSecurity = [{ bearerAuth: [] }];
const memberProblems = {
  400: problemResponses[400],
  401: { ...problemResponses[401], description: 'Missing, invalid or expired member token' },
};

/** The signed-in member's own data: profile, consent, pass and invitations. */
export function createMemberMeRoutes({
  members,
  registry,
  memberTokens,
  passes,
  keys,
  rsvps,
  guests,
  now,
}: MemberMeRoutesOptions) {
  const router = createMemberRouter();
  const memberAuth = authenticateMember({ tokens: memberTokens, members });

  const meRoute = createRoute({
    method: 'get',
    path: '/v1/me',
    tags: ['members'],
    summary: "The member's profile and consent",
    security: memberSecurity,
    middleware: [memberAuth] as const,
    responses: {
      200: { description: 'The profile', content: json(memberProfileSchema) },
      ...memberProblems,
    },
  });

  const consentRoute = createRoute({
    method: 'put',
    path: '/v1/me/consent',
    tags: ['members'],
    summary: 'The member changes their consent (every flag explicit); edges learn it at next sync',
    description:
      'Recorded as the in-store consent change is: withdrawing tracking stops passive sensing at the edges once their profiles sync.',
    security: memberSecurity,
    middleware: [memberAuth] as const,
    request: { body: { required: true, content: json(memberConsentSchema) } },
    responses: {
      200: { description: 'The profile with its new consent', content: json(memberProfileSchema) },
      ...memberProblems,
    },
  });

  const passRoute = createRoute({
    method: 'post',
    path: '/v1/me/pass',
    tags: ['members'],
    summary: "A pass for the card's app key, signed by the organisation (as issued in store)",
    security: memberSecurity,
    middleware: [memberAuth] as const,
    request: { body: { required: true, content: json(memberPassRequestSchema) } },
    responses: {
      201: { description: 'The signed pass', content: json(issuedPassSchema) },
      ...memberProblems,
    },
  });

  const invitationsRoute = createRoute({
    method: 'get',
    path: '/v1/me/invitations',
    tags: ['members'],
    summary: 'Invitations to events not yet over, each as its link shows it, with its code',
    security: memberSecurity,
    middleware: [memberAuth] as const,
    responses: {
      200: { description: 'Soonest first', content: json(memberInvitationListSchema) },
      ...memberProblems,
    },
  });

  async function profileOf({ organisationId, customerId }: Member) {
    const profile = await members.findProfile(organisationId, customerId);
    // Erased between the token check and now.
    if (profile === null) throw new UnauthorizedError('this member no longer exists');
    return memberProfileSchema.parse(profile);
  }

  router.openapi(meRoute, async (c) => c.json(await profileOf(c.get('member')), 200));

  router.openapi(consentRoute, async (c) => {
    const member = c.get('member');
    const consent = c.req.valid('json');
    if (!(await registry.updateConsent(member.organisationId, member.customerId, consent))) {
      throw new UnauthorizedError('this member no longer exists');
    }
    return c.json(await profileOf(member), 200);
  });

  router.openapi(passRoute, async (c) => {
    const { organisationId, customerId } = c.get('member');
    const { appPublicKey } = c.req.valid('json');
    const subject = await passes.findSubject(organisationId, customerId);
    if (subject === null) throw new UnauthorizedError('this member no longer exists');
    const issued = await issuePass(
      { passes, keys },
      { organisationId, subject, appPublicKey, issuedBy: 'customer', at: now() },
    );
    return c.json(issued, 201);
  });

  router.openapi(invitationsRoute, async (c) => {
    const { organisationId, customerId } = c.get('member');
    const codes = await members.invitationCodes(organisationId, customerId, now());
    const items = [];
    for (const rsvpCode of codes) {
      const view = await viewInvitation({ rsvps, guests }, rsvpCode);
      if (view !== null) items.push({ rsvpCode, view });
    }
    return c.json(memberInvitationListSchema.parse({ items }), 200);
  });

  return router;
}
