import { createRoute, z } from '@hono/zod-openapi';
import {
  customerIdSchema,
  eventIdSchema,
  type InvitationView,
  invitationViewSchema,
  type RsvpResult,
  rsvpRequestSchema,
  rsvpResultSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { asIssuedTicket } from '../tickets/ticket-repository.ts';
import type { GuestRepository } from './guest-repository.ts';
import { RSVP_CODE } from './invitation-repository.ts';
import type { AnsweredRsvp, RsvpAnswer, RsvpRepository } from './rsvp-repository.ts';

export interface RsvpRoutesOptions {
  rsvps: RsvpRepository;
  guests: GuestRepository;
  tokens: TokenService;
  now: () => Date;
}

const codeParams = z.object({ rsvpCode: z.string().regex(RSVP_CODE, 'not an invitation code') });

const conflict = {
  description: 'The event is cancelled, not yet open or over, or the store is full',
  content: problemResponses[404].content,
};

/**
 * What an invitation link shows: the event at the guest's store, their answer and live
 * ticket; null for an unknown code. The loyalty card lists the same view.
 */
export async function viewInvitation(
  { rsvps, guests }: { rsvps: RsvpRepository; guests: GuestRepository },
  rsvpCode: string,
): Promise<InvitationView | null> {
  const found = await rsvps.invitationOf(rsvpCode);
  const session = found?.event.sessions.find((one) => one.storeId === found.storeId);
  const guest = found && (await guests.find(found.event.id, found.customerId));
  if (!found || !session || !guest) return null;
  const { id, name, description, kind, status, startsAt, endsAt } = found.event;
  return invitationViewSchema.parse({
    event: { id, name, description, kind, status, startsAt, endsAt },
    session,
    guest,
    ticket: found.ticket === null ? null : asIssuedTicket(found.ticket),
  });
}

/**
 * Answers to invitations. The guest answers from their invitation link: its code is the
 * credential, as a loyalty customer holds no account token. The office answers for a
 * guest who telephoned. A "yes" answers with the ticket to show at the door.
 */
export function createRsvpRoutes({ rsvps, guests, tokens, now }: RsvpRoutesOptions) {
  const router = createRouter();

  const guestRoute = createRoute({
    method: 'post',
    path: '/v1/rsvp/{rsvpCode}',
    tags: ['events'],
    summary: 'The guest answers their invitation yes, no or maybe; a "yes" gets a signed ticket',
    description:
      'No token: the code of the invitation link is the credential. A "yes" takes places for the guest and companions at the store (409 when full); "no" or "maybe" revokes a ticket held and frees its places.',
    request: {
      params: codeParams,
      body: { required: true, content: json(rsvpRequestSchema) },
    },
    responses: {
      200: { description: 'The answer recorded', content: json(rsvpResultSchema) },
      400: problemResponses[400],
      404: problemResponses[404],
      409: conflict,
    },
  });
  const viewRoute = createRoute({
    method: 'get',
    path: '/v1/rsvp/{rsvpCode}',
    tags: ['events'],
    summary:
      'What the guest’s invitation link shows: the event at their store, their answer, their ticket',
    description: 'No token: the code of the invitation link is the credential.',
    request: { params: codeParams },
    responses: {
      200: { description: 'The invitation', content: json(invitationViewSchema) },
      400: problemResponses[400],
      404: problemResponses[404],
    },
  });
  const officeRoute = createRoute({
    method: 'put',
    path: '/v1/events/{eventId}/guests/{customerId}/rsvp',
    tags: ['events'],
    summary: "Record a guest's answer for them (a call, an email); same rules as the guest's own",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: {
      params: z.object({ eventId: eventIdSchema, customerId: customerIdSchema }),
      body: { required: true, content: json(rsvpRequestSchema) },
    },
    responses: {
      200: { description: 'The answer recorded', content: json(rsvpResultSchema) },
      409: conflict,
      ...problemResponses,
    },
  });

  async function answered({ eventId, customerId, ticket }: AnsweredRsvp): Promise<RsvpResult> {
    const guest = await guests.find(eventId, customerId);
    if (guest === null) throw new NotFoundError(`${customerId} is not invited to ${eventId}`);
    return { guest, ticket: ticket === null ? null : asIssuedTicket(ticket) };
  }

  async function answer(request: Omit<RsvpAnswer, 'at'>): Promise<RsvpResult> {
    return answered(await rsvps.answer({ ...request, at: now() }));
  }

  router.openapi(guestRoute, async (c) => {
    const { rsvpCode } = c.req.valid('param');
    const request = c.req.valid('json');
    return c.json(await answer({ key: { rsvpCode }, request, answeredBy: 'customer' }), 200);
  });

  router.openapi(viewRoute, async (c) => {
    const { rsvpCode } = c.req.valid('param');
    const view = await viewInvitation({ rsvps, guests }, rsvpCode);
    if (view === null) throw new NotFoundError('no such invitation');
    return c.json(view, 200);
  });

  router.openapi(officeRoute, async (c) => {
    const { eventId, customerId } = c.req.valid('param');
    const caller = c.get('claims');
    const key = { organisationId: caller.org, eventId, customerId };
    const request = c.req.valid('json');
    return c.json(await answer({ key, request, answeredBy: caller.sub }), 200);
  });

  return router;
}
