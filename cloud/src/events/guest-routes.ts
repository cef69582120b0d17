import { createRoute, z } from '@hono/zod-openapi';
import {
  customerIdSchema,
  eventSummarySchema,
  type Guest,
  guestListSchema,
  RSVP_STATES,
  storeIdSchema,
} from '@vitrine/shared';
import { toCsv } from '../analytics/domain/csv.ts';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError, ValidationError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { EventRepository, StoredEventRow } from './event-repository.ts';
import { eventParams } from './event-routes.ts';
import { type GuestFilter, type GuestRepository, NO_GUESTS, totalOf } from './guest-repository.ts';

export interface GuestRoutesOptions {
  events: EventRepository;
  guests: GuestRepository;
  tokens: TokenService;
}

const CSV_BATCH = 1000;

const guestQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  rsvp: z.enum(RSVP_STATES).optional(),
  storeId: storeIdSchema.optional(),
  /** `csv`: every guest the filters keep, as a spreadsheet (limit and cursor ignored). */
  format: z.enum(['json', 'csv']).default('json'),
});

const encodeCursor = (customerId: string) => Buffer.from(customerId).toString('base64url');

function decodeCursor(cursor: string): string {
  const id = customerIdSchema.safeParse(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!id.success) {
    throw new ValidationError([{ path: 'cursor', message: 'not a cursor this list gave' }]);
  }
  return id.data;
}

const CSV_COLUMNS = [
  { header: 'customer_id', value: (guest: Guest) => guest.customerId },
  { header: 'first_name', value: (guest: Guest) => guest.firstName },
  { header: 'last_name', value: (guest: Guest) => guest.lastName },
  { header: 'store_id', value: (guest: Guest) => guest.storeId },
  { header: 'rsvp', value: (guest: Guest) => guest.rsvp },
  { header: 'companions', value: (guest: Guest) => guest.companions },
  { header: 'invited_at', value: (guest: Guest) => guest.invitedAt },
  { header: 'answered_at', value: (guest: Guest) => guest.answeredAt },
  { header: 'ticket_id', value: (guest: Guest) => guest.ticketId },
  { header: 'attended_at', value: (guest: Guest) => guest.attendedAt },
];

/** Who is invited, what they answered and whether the door saw them; per store sums. */
export function createGuestRoutes({ events, guests, tokens }: GuestRoutesOptions) {
  const router = createRouter();
  const guard = [authenticate(tokens), allowRoles('admin', 'marketer')];
  const common = { tags: ['events'], security: [{ bearerAuth: [] }], middleware: guard };

  const guestsRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/events/{eventId}/guests',
    summary: 'Guests with their answer, ticket and attendance; a page at a time, or all as CSV',
    request: { params: eventParams, query: guestQuery },
    responses: {
      200: {
        description: 'A page of guests and the counts of the filtered guests, or a CSV file',
        content: { ...json(guestListSchema), 'text/csv': { schema: z.string() } },
      },
      ...problemResponses,
    },
  });
  const summaryRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/events/{eventId}/summary',
    summary: 'Invited, answers, people expected and attended: for the event and per store',
    request: { params: eventParams },
    responses: {
      200: { description: 'The counts', content: json(eventSummarySchema) },
      ...problemResponses,
    },
  });

  async function eventOf(org: string, eventId: string): Promise<StoredEventRow> {
    const row = await events.find(org, eventId);
    if (row === null) throw new NotFoundError(`no event ${eventId}`);
    return row;
  }

  /** Every guest the filter keeps, read a batch at a time. */
  async function allGuests(eventId: string, filter: GuestFilter): Promise<Guest[]> {
    const all: Guest[] = [];
    for (let after: string | undefined; ; ) {
      const batch = await guests.page(eventId, { ...filter, limit: CSV_BATCH, after });
      all.push(...batch.slice(0, CSV_BATCH));
      after = batch[CSV_BATCH - 1]?.customerId;
      if (batch.length <= CSV_BATCH) return all;
    }
  }

  router.openapi(guestsRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const { limit, cursor, format, ...filter } = c.req.valid('query');
    await eventOf(c.get('claims').org, eventId);
    if (format === 'csv') {
      const csv = toCsv(CSV_COLUMNS, await allGuests(eventId, filter));
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${eventId}-guests.csv"`,
      });
    }
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const rows = await guests.page(eventId, { ...filter, limit, after });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const counts = totalOf((await guests.countsByStore(eventId, filter)).values());
    return c.json(
      {
        eventId,
        counts,
        guests: page,
        nextCursor:
          rows.length > limit && last !== undefined ? encodeCursor(last.customerId) : null,
      },
      200,
    );
  });

  router.openapi(summaryRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const event = await eventOf(c.get('claims').org, eventId);
    const byStore = await guests.countsByStore(eventId);
    return c.json(
      {
        eventId,
        counts: totalOf(byStore.values()),
        stores: event.storeIds.map((storeId) => ({
          storeId,
          capacity: event.capacity,
          counts: byStore.get(storeId) ?? NO_GUESTS,
        })),
      },
      200,
    );
  });

  return router;
}
