import { createRoute } from '@hono/zod-openapi';
import {
  createZonedCalendar,
  type InvitationResult,
  invitationRequestSchema,
  invitationResultSchema,
} from '@vitrine/shared';
import { and, eq } from 'drizzle-orm';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { Database } from '../db/database.ts';
import { segments } from '../db/schema-engagement.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { EventRepository, StoredEventRow } from './event-repository.ts';
import { eventParams } from './event-routes.ts';
import type { InvitationCounts, InvitationRepository } from './invitation-repository.ts';

export interface InvitationRoutesOptions {
  db: Database;
  events: EventRepository;
  invitations: InvitationRepository;
  tokens: TokenService;
  now: () => Date;
}

const NOBODY: InvitationCounts = { invited: 0, alreadyInvited: 0, segmentWithoutConsent: 0 };

/** Whether every session of the event has ended. */
function isOver(event: StoredEventRow, at: Date): boolean {
  return event.sessions.every((session) => Date.parse(session.endsAt) <= at.getTime());
}

/** Invitations to an event: its segment's audience, chosen by the database, and named customers. */
export function createInvitationRoutes({
  db,
  events,
  invitations,
  tokens,
  now,
}: InvitationRoutesOptions) {
  const router = createRouter();

  const inviteRoute = createRoute({
    method: 'post',
    path: '/v1/events/{eventId}/invitations',
    tags: ['events'],
    summary: "Invite the event's segment and/or named customers; inviting twice adds nobody",
    description:
      'Only customers who consented to marketing are invited (from the segment: to profiling too). Named customers without consent are listed, not invited. A rule reading `this-store` needs an event held at one store.',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: {
      params: eventParams,
      body: { required: true, content: json(invitationRequestSchema) },
    },
    responses: {
      200: { description: 'Who was invited', content: json(invitationResultSchema) },
      409: problemResponses[404],
      ...problemResponses,
    },
  });

  async function inviteSegment(event: StoredEventRow, at: Date): Promise<InvitationCounts> {
    if (event.segmentId === null) {
      throw new ValidationError([{ path: 'segment', message: `${event.id} has no segment` }]);
    }
    const [segment] = await db
      .select({ rule: segments.rule })
      .from(segments)
      .where(
        and(eq(segments.organisationId, event.organisationId), eq(segments.id, event.segmentId)),
      );
    if (segment === undefined) {
      throw new ValidationError([{ path: 'segment', message: `no segment ${event.segmentId}` }]);
    }
    // One store: the rule is read there, `this-store` included; several: organisation-wide.
    const only = event.sessions.length === 1 ? event.sessions[0] : undefined;
    const calendar = createZonedCalendar(only?.timeZone ?? 'UTC');
    const situation = {
      storeId: only?.storeId ?? null,
      at,
      currentMonth: calendar.at(at.getTime()).month,
    };
    return invitations.inviteAudience(event, segment.rule, situation, at);
  }

  router.openapi(inviteRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const request = c.req.valid('json');
    const event = await events.find(c.get('claims').org, eventId);
    if (event === null) throw new NotFoundError(`no event ${eventId}`);
    const at = now();
    if (event.status === 'cancelled') throw new ConflictError(`${eventId} is cancelled`);
    if (isOver(event, at)) throw new ConflictError(`${eventId} is over`);
    const fromSegment = request.segment ? await inviteSegment(event, at) : NOBODY;
    const named: InvitationResult =
      request.customerIds.length > 0
        ? await invitations.inviteNamed(event, request.customerIds, at)
        : { ...NOBODY, withoutConsent: [] };
    return c.json(
      {
        invited: fromSegment.invited + named.invited,
        alreadyInvited: fromSegment.alreadyInvited + named.alreadyInvited,
        withoutConsent: named.withoutConsent,
        segmentWithoutConsent: fromSegment.segmentWithoutConsent,
      },
      200,
    );
  });

  return router;
}
