import { createRoute, z } from '@hono/zod-openapi';
import {
  EVENT_STATUSES,
  eventIdSchema,
  eventPageSchema,
  eventPatchSchema,
  eventWriteSchema,
  newId,
  storedEventSchema,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { Database } from '../db/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { eventColumnsOf } from './event-references.ts';
import {
  asStoredEvent,
  type EventRepository,
  eventPageOf,
  type StoredEventRow,
} from './event-repository.ts';
import type { RsvpRepository } from './rsvp-repository.ts';

export interface EventRoutesOptions {
  db: Database;
  events: EventRepository;
  /** Replaces the tickets of guests when the event moves. */
  rsvps: Pick<RsvpRepository, 'reissueTickets'>;
  tokens: TokenService;
  now: () => Date;
}

export const eventParams = z.object({ eventId: eventIdSchema });

/** A day (read as UTC midnight) or an instant. */
const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(500).optional(),
  storeId: storeIdSchema.optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  /** Events whose first session starts on or after this day or instant. */
  from: dayOrInstant.optional(),
  /** Events whose first session starts before this day or instant. */
  to: dayOrInstant.optional(),
});

/** The marketer's fields of a stored event, as its write body. */
function writeOf(row: StoredEventRow) {
  return eventWriteSchema.parse({
    name: row.name,
    description: row.description,
    kind: row.kind,
    storeIds: row.storeIds,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    segmentId: row.segmentId,
    hostAssociateIds: row.hostAssociateIds,
    status: row.status,
  });
}

/** In-store events: launches, master classes, private evenings, at each store's own time. */
export function createEventRoutes({ db, events, rsvps, tokens, now }: EventRoutesOptions) {
  const router = createRouter();
  const guard = [authenticate(tokens), allowRoles('admin', 'marketer')];
  const common = { tags: ['events'], security: [{ bearerAuth: [] }], middleware: guard };

  const listRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/events',
    summary: 'Events soonest first, a page at a time; filtered by store, status and dates',
    request: { query: listQuery },
    responses: {
      200: { description: 'A page', content: json(eventPageSchema) },
      ...problemResponses,
    },
  });
  const createEventRoute = createRoute({
    ...common,
    method: 'post',
    path: '/v1/events',
    summary: "Create an event; its sessions are read in each store's time zone",
    description:
      'A local time the clocks skip at one of the stores (daylight saving) is refused, naming `startsAt` or `endsAt`.',
    request: { body: { required: true, content: json(eventWriteSchema) } },
    responses: {
      201: { description: 'The event', content: json(storedEventSchema) },
      ...problemResponses,
    },
  });
  const getRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/events/{eventId}',
    summary: 'An event with its sessions',
    request: { params: eventParams },
    responses: {
      200: { description: 'The event', content: json(storedEventSchema) },
      ...problemResponses,
    },
  });
  const patchRoute = createRoute({
    ...common,
    method: 'patch',
    path: '/v1/events/{eventId}',
    summary: 'Change some fields of an event; its version grows. Cancelling revokes its tickets',
    description:
      'Guests whose ticket no longer matches the new times get a new ticket (the old one is revoked). A cancelled event changes no more (409). A store where guests are invited cannot be removed (409).',
    request: { params: eventParams, body: { required: true, content: json(eventPatchSchema) } },
    responses: {
      200: { description: 'The event', content: json(storedEventSchema) },
      409: problemResponses[404],
      ...problemResponses,
    },
  });
  const cancelRoute = createRoute({
    ...common,
    method: 'post',
    path: '/v1/events/{eventId}/cancel',
    summary: "Cancel an event: its guests' tickets are revoked at every store's door",
    request: { params: eventParams },
    responses: {
      200: { description: 'The event', content: json(storedEventSchema) },
      ...problemResponses,
    },
  });

  async function eventOf(org: string, eventId: string): Promise<StoredEventRow> {
    const row = await events.find(org, eventId);
    if (row === null) throw new NotFoundError(`no event ${eventId}`);
    return row;
  }

  router.openapi(listRoute, async (c) => {
    const { from, to, ...query } = c.req.valid('query');
    const bounds = {
      from: from === undefined ? undefined : new Date(from),
      to: to === undefined ? undefined : new Date(to),
    };
    if (bounds.from !== undefined && bounds.to !== undefined && bounds.to <= bounds.from) {
      throw new ValidationError([{ path: 'to', message: 'must be after from' }]);
    }
    const rows = await events.list(c.get('claims').org, { ...query, ...bounds });
    return c.json(eventPageOf(rows, query.limit), 200);
  });

  router.openapi(createEventRoute, async (c) => {
    const org = c.get('claims').org;
    const columns = await eventColumnsOf(db, org, c.req.valid('json'));
    return c.json(asStoredEvent(await events.insert(org, newId('event'), columns, now())), 201);
  });

  router.openapi(getRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    return c.json(asStoredEvent(await eventOf(c.get('claims').org, eventId)), 200);
  });

  router.openapi(patchRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const org = c.get('claims').org;
    const current = await eventOf(org, eventId);
    if (current.status === 'cancelled') throw new ConflictError(`${eventId} is cancelled`);
    const write = { ...writeOf(current), ...c.req.valid('json') };
    const removed = current.storeIds.filter((storeId) => !write.storeIds.includes(storeId));
    const invitedAt = await events.storesWithGuests(eventId, removed);
    if (invitedAt.length > 0) {
      throw new ConflictError(`guests are invited at ${invitedAt.join(', ')}: keep those stores`);
    }
    const at = now();
    const row = await events.update(org, eventId, await eventColumnsOf(db, org, write), at);
    if (row === null) throw new NotFoundError(`no event ${eventId}`);
    if (row.status !== 'cancelled') await rsvps.reissueTickets(eventId, c.get('claims').sub, at);
    return c.json(asStoredEvent(row), 200);
  });

  router.openapi(cancelRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const org = c.get('claims').org;
    const current = await eventOf(org, eventId);
    if (current.status === 'cancelled') return c.json(asStoredEvent(current), 200);
    const write = { ...writeOf(current), status: 'cancelled' as const };
    const row = await events.update(org, eventId, await eventColumnsOf(db, org, write), now());
    if (row === null) throw new NotFoundError(`no event ${eventId}`);
    return c.json(asStoredEvent(row), 200);
  });

  return router;
}
