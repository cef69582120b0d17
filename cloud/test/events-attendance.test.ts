import {
  eventSummarySchema,
  type GuestList,
  guestListSchema,
  invitationViewSchema,
  issuedTicketSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { engagementCallers, GINZA, RIVOLI } from './support/engagement-helpers.ts';
import {
  answerInvitation,
  createInvitedEvent,
  ginzaDoorAdmission,
} from './support/event-fixtures.ts';
import { createTestCloud, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
let eventId: string;
const GUESTS = ['cus_door1', 'cus_door2', 'cus_door3', 'cus_door4', 'cus_door5'];

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 10 });
  callers = await engagementCallers(cloud);
  eventId = await createInvitedEvent(cloud, callers, {
    marker: 'door-audience',
    guests: GUESTS,
    atGinza: 3,
    name: 'Two-city evening',
    kind: 'private-evening',
  });
});
afterAll(async () => {
  await cloud?.close();
});

async function send(path: string, method = 'GET', body?: unknown) {
  return callers.call(path, { token: callers.marketer, method, body });
}

async function guests(query = ''): Promise<GuestList> {
  return callers.read(await send(`/v1/events/${eventId}/guests?${query}`), guestListSchema);
}

const answer = (customerId: string, body: unknown) =>
  answerInvitation(callers, eventId, customerId, body);

/** What the Ginza edge reports when the door scanner admits someone on the ticket. */
async function admit(ticketId: string, customerId: string, admission: number) {
  const response = await callers.call('/v1/ingest', {
    token: callers.ginzaEdge,
    method: 'POST',
    body: { events: [ginzaDoorAdmission(eventId, ticketId, customerId, admission)] },
  });
  expect(response.status).toBe(200);
}

describe('guest list', () => {
  it('invites each guest at their home store', async () => {
    const list = await guests();
    expect(list.guests.map((guest) => [guest.customerId, guest.storeId])).toEqual(
      GUESTS.map((id, index) => [id, index < 3 ? GINZA : RIVOLI]),
    );
    expect(list.guests.every((guest) => guest.rsvp === 'pending')).toBe(true);
  });

  it('shows the first admission at the door on the guest’s ticket as attendance', async () => {
    const { ticket } = await answer('cus_door1', { answer: 'yes', companions: 1 });
    const issued = issuedTicketSchema.parse(ticket);
    await answer('cus_door2', { answer: 'yes' });
    await answer('cus_door4', { answer: 'maybe' });
    await admit(issued.ticketId, 'cus_door1', 2);
    await admit(issued.ticketId, 'cus_door1', 1);
    const attended = (await guests('rsvp=yes')).guests;
    expect(attended.map((guest) => [guest.customerId, guest.attendedAt])).toEqual([
      ['cus_door1', '2026-12-09T10:01:00.000Z'],
      ['cus_door2', null],
    ]);
    expect(attended[0]?.ticketId).toBe(issued.ticketId);
  });

  it('shows the guest their invitation, at their store, with the ticket to show', async () => {
    const [guest] = (await guests()).guests;
    const view = await callers.call(`/v1/rsvp/${guest?.rsvpCode}`);
    expect(await callers.read(view, invitationViewSchema)).toMatchObject({
      event: { id: eventId, name: 'Two-city evening', startsAt: '2026-12-09T19:00' },
      session: { storeId: GINZA, startsAt: '2026-12-09T10:00:00.000Z' },
      guest: { customerId: 'cus_door1', rsvp: 'yes' },
      ticket: { ticketId: guest?.ticketId, admits: 2, revokedAt: null },
    });
    const unknown = await callers.call(`/v1/rsvp/rsvp_${'0'.repeat(32)}`);
    expect(unknown.status).toBe(404);
  });

  it('sums the event and each store: invited, answers, people expected, attended', async () => {
    const summary = await callers.read(
      await send(`/v1/events/${eventId}/summary`),
      eventSummarySchema,
    );
    expect(summary.counts).toEqual({
      invited: 5,
      yes: 2,
      no: 0,
      maybe: 1,
      pending: 2,
      expectedPeople: 3,
      attended: 1,
    });
    expect(summary.stores).toEqual([
      {
        storeId: GINZA,
        capacity: 20,
        counts: { invited: 3, yes: 2, no: 0, maybe: 0, pending: 1, expectedPeople: 3, attended: 1 },
      },
      {
        storeId: RIVOLI,
        capacity: 20,
        counts: { invited: 2, yes: 0, no: 0, maybe: 1, pending: 1, expectedPeople: 0, attended: 0 },
      },
    ]);
  });

  it('filters by store and answer, a page at a time', async () => {
    const rivoli = await guests(`storeId=${RIVOLI}`);
    expect(rivoli.guests.map((guest) => guest.customerId)).toEqual(['cus_door4', 'cus_door5']);
    expect(rivoli.counts.invited).toBe(2);
    const first = await guests('limit=2');
    expect(first.guests.map((guest) => guest.customerId)).toEqual(['cus_door1', 'cus_door2']);
    const second = await guests(`limit=2&cursor=${first.nextCursor}`);
    expect(second.guests.map((guest) => guest.customerId)).toEqual(['cus_door3', 'cus_door4']);
    const last = await guests(`limit=2&cursor=${second.nextCursor}`);
    expect(last).toMatchObject({ guests: [{ customerId: 'cus_door5' }], nextCursor: null });
  });

  it('exports the guests the filters keep as CSV, without their invitation codes', async () => {
    const response = await send(`/v1/events/${eventId}/guests?format=csv&storeId=${GINZA}`);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'customer_id,first_name,last_name,store_id,rsvp,companions,invited_at,answered_at,ticket_id,attended_at',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^cus_door1,Known,cus_door1,sto_tokyo-ginza,yes,1,.*,2026-12-09T10:01:00.000Z$/,
    );
    expect(lines.join('\n')).not.toMatch(/rsvp_/);
  });

  it.each([
    ['an answer it does not know', 'rsvp=perhaps', ['rsvp']],
    ['a format it does not write', 'format=xlsx', ['format']],
    ['a cursor it did not give', 'cursor=bm9wZQ', ['cursor']],
    ['a page too long', 'limit=501', ['limit']],
  ])('refuses %s, naming the field', async (_name, query, fields) => {
    const response = await send(`/v1/events/${eventId}/guests?${query}`);
    expect(response.status).toBe(400);
    const problem = problemSchema.parse(await response.json());
    expect((problem.error.fields ?? []).map((field) => field.path)).toEqual(fields);
  });
});
