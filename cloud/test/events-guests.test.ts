import {
  type GuestList,
  guestListSchema,
  invitationResultSchema,
  issuedTicketSchema,
  rsvpResultSchema,
  storedEventSchema,
  storedSegmentSchema,
  ticketRevocationFeedSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { engagementCallers, GINZA, insertKnownCustomers } from './support/engagement-helpers.ts';
import { createTestCloud, SEED_NOW, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
let launchId: string;
/** The app's clock; moved forward to see an event end. */
let clock = SEED_NOW;
const MARKER = 'guest-list-audience';
const yes = { answer: 'yes' } as const;

const known = (id: string, consent: { profiling: boolean; marketing: boolean }) => ({
  id,
  tier: 'gold' as const,
  lifetimeValue: 5_000,
  preferences: [],
  homeStoreId: GINZA,
  birthMonth: null,
  consent,
});

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 10, now: () => clock });
  callers = await engagementCallers(cloud);
  const both = { profiling: true, marketing: true };
  await insertKnownCustomers(cloud, MARKER, [
    known('cus_guest1', both),
    known('cus_guest2', both),
    known('cus_guest3', both),
    known('cus_noconsent', { profiling: false, marketing: false }),
    known('cus_nomarketing', { profiling: true, marketing: false }),
  ]);
  const segment = await callers.read(
    await send('/v1/segments', 'POST', {
      name: 'Guest list audience',
      rule: {
        match: 'all',
        conditions: [{ field: 'preferences', op: 'includes-any', value: [MARKER] }],
      },
    }),
    storedSegmentSchema,
  );
  launchId = (await createEvent({ segmentId: segment.id, capacity: 3 })).id;
});
afterAll(async () => {
  await cloud?.close();
});

async function send(path: string, method = 'GET', body?: unknown, token = callers.marketer) {
  return callers.call(path, { token, method, body });
}

async function createEvent(overrides: Record<string, unknown> = {}) {
  const response = await send('/v1/events', 'POST', {
    name: 'Ginza launch',
    kind: 'launch',
    storeIds: [GINZA],
    startsAt: '2026-12-09T19:00',
    endsAt: '2026-12-09T21:00',
    capacity: 10,
    ...overrides,
  });
  expect(response.status).toBe(201);
  return callers.read(response, storedEventSchema);
}

async function guestsOf(eventId: string, query = ''): Promise<GuestList> {
  return callers.read(await send(`/v1/events/${eventId}/guests?${query}`), guestListSchema);
}

async function codeOf(eventId: string, customerId: string): Promise<string> {
  const guest = (await guestsOf(eventId)).guests.find((one) => one.customerId === customerId);
  if (guest === undefined) throw new Error(`${customerId} is not invited`);
  return guest.rsvpCode;
}

async function rsvp(eventId: string, customerId: string, body: unknown) {
  return callers.call(`/v1/rsvp/${await codeOf(eventId, customerId)}`, { method: 'POST', body });
}

async function fieldsOf(response: Response) {
  const problem = problemSchema.parse(await response.json());
  return (problem.error.fields ?? []).map((field) => field.path).sort();
}

describe('invitations', () => {
  it('invites the segment’s consenting audience once, however often it is asked', async () => {
    const invite = () => send(`/v1/events/${launchId}/invitations`, 'POST', { segment: true });
    expect(await callers.read(await invite(), invitationResultSchema)).toEqual({
      invited: 3,
      alreadyInvited: 0,
      withoutConsent: [],
      segmentWithoutConsent: 2,
    });
    expect(await callers.read(await invite(), invitationResultSchema)).toMatchObject({
      invited: 0,
      alreadyInvited: 3,
    });
    const list = await guestsOf(launchId);
    expect(list.guests.map((guest) => guest.customerId)).toEqual([
      'cus_guest1',
      'cus_guest2',
      'cus_guest3',
    ]);
    expect(list.counts).toMatchObject({ invited: 3, pending: 3, yes: 0 });
  });

  it('invites named customers with marketing consent and reports the others', async () => {
    const event = await createEvent({ name: 'Named guests' });
    const response = await send(`/v1/events/${event.id}/invitations`, 'POST', {
      customerIds: ['cus_nomarketing', 'cus_guest1', 'cus_noconsent'],
    });
    expect(await callers.read(response, invitationResultSchema)).toEqual({
      invited: 1,
      alreadyInvited: 0,
      withoutConsent: ['cus_noconsent', 'cus_nomarketing'],
      segmentWithoutConsent: 0,
    });
  });

  it.each([
    ['nobody to invite', {}, ['customerIds']],
    ['an unknown customer', { customerIds: ['cus_guest1', 'cus_nowhere'] }, ['customerIds.1']],
    ['the segment of an event without one', { segment: true }, ['segment']],
  ])('refuses %s, naming the field', async (_name, body, fields) => {
    const event = await createEvent({ name: 'Refusals' });
    const response = await send(`/v1/events/${event.id}/invitations`, 'POST', body);
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(fields);
  });
});

describe('answers', () => {
  it('gives the last place, then refuses the next "yes" with 409', async () => {
    const first = await rsvp(launchId, 'cus_guest1', { ...yes, companions: 1 });
    expect(first.status).toBe(200);
    const answered = await callers.read(first, rsvpResultSchema);
    expect(answered.guest).toMatchObject({ rsvp: 'yes', companions: 1 });
    expect(answered.ticket).toMatchObject({ admits: 2, storeId: GINZA, revokedAt: null });
    expect(answered.guest.ticketId).toBe(answered.ticket?.ticketId);
    // 19:00 in Tokyo is 10:00 UTC; the door opens an hour before.
    expect(answered.ticket?.validFrom).toBe('2026-12-09T09:00:00.000Z');
    const last = await rsvp(launchId, 'cus_guest2', yes);
    expect(last.status).toBe(200);
    const full = await rsvp(launchId, 'cus_guest3', yes);
    expect(full.status).toBe(409);
    expect(problemSchema.parse(await full.json()).error.message).toMatch(/full: 0 of 3/);
  });

  it('revokes the ticket of a withdrawn "yes", in the store’s feed, and frees its places', async () => {
    const before = await guestsOf(launchId, 'rsvp=yes');
    const ticketId = before.guests.find((guest) => guest.customerId === 'cus_guest1')?.ticketId;
    const withdrawn = await callers.read(
      await rsvp(launchId, 'cus_guest1', { answer: 'no' }),
      rsvpResultSchema,
    );
    expect(withdrawn).toMatchObject({ guest: { rsvp: 'no', ticketId: null }, ticket: null });
    const ticket = await callers.read(await send(`/v1/tickets/${ticketId}`), issuedTicketSchema);
    expect(ticket.revokedAt).not.toBeNull();
    const feed = await callers.call(`/v1/stores/${GINZA}/sync/ticket-revocations`, {
      token: callers.ginzaEdge,
    });
    const revoked = (await callers.read(feed, ticketRevocationFeedSchema)).items;
    expect(revoked.map((item) => item.ticketId)).toContain(ticketId);
    const freed = await rsvp(launchId, 'cus_guest3', { ...yes, companions: 1 });
    expect(freed.status).toBe(200);
  });

  it('gives one last place to one of two guests answering at once', async () => {
    const event = await createEvent({ name: 'One seat', capacity: 1 });
    const guests = ['cus_guest1', 'cus_guest2'];
    await send(`/v1/events/${event.id}/invitations`, 'POST', { customerIds: guests });
    const codes = await Promise.all(guests.map((id) => codeOf(event.id, id)));
    const answers = await Promise.all(
      codes.map((code) => callers.call(`/v1/rsvp/${code}`, { method: 'POST', body: yes })),
    );
    expect(answers.map((response) => response.status).sort()).toEqual([200, 409]);
    expect((await guestsOf(event.id)).counts).toMatchObject({ yes: 1, expectedPeople: 1 });
  });

  it('replaces a guest’s ticket when the event moves, revoking the old one', async () => {
    const event = await createEvent({ name: 'Moving evening' });
    await send(`/v1/events/${event.id}/invitations`, 'POST', { customerIds: ['cus_guest1'] });
    const first = await callers.read(await rsvp(event.id, 'cus_guest1', yes), rsvpResultSchema);
    await send(`/v1/events/${event.id}`, 'PATCH', { startsAt: '2026-12-09T20:00' });
    const [guest] = (await guestsOf(event.id)).guests;
    expect(guest?.ticketId).not.toBe(first.ticket?.ticketId);
    const renewed = await callers.read(
      await send(`/v1/tickets/${guest?.ticketId}`),
      issuedTicketSchema,
    );
    expect(renewed).toMatchObject({ validFrom: '2026-12-09T10:00:00.000Z', revokedAt: null });
    const old = await callers.read(
      await send(`/v1/tickets/${first.ticket?.ticketId}`),
      issuedTicketSchema,
    );
    expect(old.revokedAt).not.toBeNull();
  });

  it('lets the office answer for a guest, under the same rules', async () => {
    const path = `/v1/events/${launchId}/guests/cus_guest1/rsvp`;
    const full = await send(path, 'PUT', yes);
    expect(full.status).toBe(409);
    const maybe = await send(path, 'PUT', { answer: 'maybe' });
    expect((await callers.read(maybe, rsvpResultSchema)).guest.rsvp).toBe('maybe');
    expect((await send(path, 'PUT', yes, callers.associate)).status).toBe(403);
  });

  it.each([
    ['more companions than a ticket admits', { ...yes, companions: 10 }, ['companions']],
    ['a store the event is not held at', { ...yes, storeId: 'sto_paris-rivoli' }, ['storeId']],
    ['an answer it does not know', { answer: 'perhaps' }, ['answer']],
  ])('refuses %s, naming the field', async (_name, body, fields) => {
    const response = await rsvp(launchId, 'cus_guest2', body);
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(fields);
  });

  it('knows no invitation behind a code it never gave', async () => {
    const unknown = `/v1/rsvp/rsvp_${'0'.repeat(32)}`;
    expect((await callers.call(unknown, { method: 'POST', body: yes })).status).toBe(404);
    const malformed = await callers.call('/v1/rsvp/guess', { method: 'POST', body: yes });
    expect(await fieldsOf(malformed)).toEqual(['rsvpCode']);
  });

  it('refuses answers to a cancelled event and to one that is over', async () => {
    const cancelled = await createEvent({ name: 'Cancelled evening' });
    // 17:00–18:30 in Tokyo: 08:00–09:30 UTC, under way at the seed's 09:00.
    const past = await createEvent({
      name: 'Ending evening',
      startsAt: '2026-11-01T17:00',
      endsAt: '2026-11-01T18:30',
    });
    for (const event of [cancelled, past]) {
      await send(`/v1/events/${event.id}/invitations`, 'POST', { customerIds: ['cus_guest1'] });
    }
    const code = await codeOf(cancelled.id, 'cus_guest1');
    await send(`/v1/events/${cancelled.id}/cancel`, 'POST');
    const late = await callers.call(`/v1/rsvp/${code}`, { method: 'POST', body: yes });
    expect(late.status).toBe(409);
    const pastCode = await codeOf(past.id, 'cus_guest1');
    clock = new Date('2026-11-01T09:30:00Z');
    const over = await callers.call(`/v1/rsvp/${pastCode}`, { method: 'POST', body: yes });
    clock = SEED_NOW;
    expect(over.status).toBe(409);
  });
});
