import { audiencePreviewSchema, storedEventSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementCallers, GINZA, insertKnownCustomers } from './support/engagement-helpers.ts';
import { createTestCloud, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
let eventId: string;
const MARKER = 'invitee-rule';

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 10 });
  callers = await engagementCallers(cloud);
  await insertKnownCustomers(
    cloud,
    MARKER,
    ['cus_invitee', 'cus_declined', 'cus_ticketonly', 'cus_outsider'].map((id) => ({
      id,
      tier: 'silver',
      lifetimeValue: 500,
      preferences: [],
      homeStoreId: GINZA,
      birthMonth: null,
    })),
  );
  const created = await send('/v1/events', 'POST', {
    name: 'Invitee rule launch',
    kind: 'launch',
    storeIds: [GINZA],
    startsAt: '2026-12-09T19:00',
    endsAt: '2026-12-09T21:00',
    capacity: 10,
  });
  eventId = (await callers.read(created, storedEventSchema)).id;
  await send(`/v1/events/${eventId}/invitations`, 'POST', {
    customerIds: ['cus_invitee', 'cus_declined'],
  });
  await send(`/v1/events/${eventId}/guests/cus_declined/rsvp`, 'PUT', { answer: 'no' });
  // A ticket issued by hand, without an invitation, does not make its holder an invitee.
  const ticket = await send('/v1/tickets', 'POST', {
    eventId,
    customerId: 'cus_ticketonly',
    storeId: GINZA,
    admits: 1,
    validFrom: '2026-12-09T09:00:00Z',
    validUntil: '2026-12-09T12:00:00Z',
  });
  expect(ticket.status).toBe(201);
});
afterAll(async () => {
  await cloud?.close();
});

function send(path: string, method: string, body: unknown) {
  return callers.call(path, { token: callers.marketer, method, body });
}

async function sizeOf(op: 'in' | 'not-in', events: string[]) {
  const response = await send('/v1/segments/preview', 'POST', {
    rule: {
      match: 'all',
      conditions: [
        { field: 'preferences', op: 'includes-any', value: [MARKER] },
        { field: 'eventInvitee', op, value: events },
      ],
    },
  });
  expect(response.status).toBe(200);
  return (await callers.read(response, audiencePreviewSchema)).size;
}

describe('the event invitee rule', () => {
  it('selects the customers invited to the event, whatever they answered', async () => {
    expect(await sizeOf('in', [eventId])).toBe(2);
  });

  it('leaves out those only holding a ticket, and those invited elsewhere', async () => {
    expect(await sizeOf('not-in', [eventId])).toBe(2);
    expect(await sizeOf('in', ['evt_elsewhere', eventId])).toBe(2);
    expect(await sizeOf('in', ['evt_elsewhere'])).toBe(0);
  });
});
