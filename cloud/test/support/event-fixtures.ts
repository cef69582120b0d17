import { type IngestEvent, rsvpResultSchema, storedEventSchema } from '@vitrine/shared';
import {
  type engagementCallers,
  GINZA,
  insertKnownCustomers,
  RIVOLI,
} from './engagement-helpers.ts';
import type { TestCloud } from './test-app.ts';

type Callers = Awaited<ReturnType<typeof engagementCallers>>;

/**
 * An evening at Ginza and Rivoli with gold guests invited: the first `atGinza` of `guests`
 * have Ginza as home store, the others Rivoli. The event's id.
 */
export async function createInvitedEvent(
  cloud: TestCloud,
  callers: Callers,
  {
    marker,
    guests,
    atGinza,
    name,
    kind,
  }: { marker: string; guests: string[]; atGinza: number; name: string; kind: string },
): Promise<string> {
  await insertKnownCustomers(
    cloud,
    marker,
    guests.map((id, index) => ({
      id,
      tier: 'gold',
      lifetimeValue: 1_000,
      preferences: [],
      homeStoreId: index < atGinza ? GINZA : RIVOLI,
      birthMonth: null,
    })),
  );
  const created = await callers.call('/v1/events', {
    token: callers.marketer,
    method: 'POST',
    body: {
      name,
      kind,
      storeIds: [GINZA, RIVOLI],
      startsAt: '2026-12-09T19:00',
      endsAt: '2026-12-09T21:00',
      capacity: 20,
    },
  });
  const eventId = (await callers.read(created, storedEventSchema)).id;
  await callers.call(`/v1/events/${eventId}/invitations`, {
    token: callers.marketer,
    method: 'POST',
    body: { customerIds: guests },
  });
  return eventId;
}

/** One person through the door on a two-admit ticket, as the store's edge reports it. */
export function ticketAdmissionEvent(
  storeId: string,
  {
    ticketId,
    eventId,
    customerId,
    admission,
    messageId,
    at,
  }: {
    ticketId: string;
    eventId: string;
    customerId: string;
    admission: number;
    messageId: string;
    at: string;
  },
): IngestEvent {
  return {
    key: `ticket-admission:${messageId}`,
    kind: 'ticket-admission',
    store: storeId,
    occurredAt: at,
    data: {
      ticketId,
      eventId,
      customerId,
      admission,
      admits: 2,
      messageId,
      clientId: 'door-tablet',
      via: 'associate-scan',
    },
  };
}

/** A guest's answer to an invitation, as the marketer records it. */
export async function answerInvitation(
  callers: Callers,
  eventId: string,
  customerId: string,
  body: unknown,
) {
  const response = await callers.call(`/v1/events/${eventId}/guests/${customerId}/rsvp`, {
    token: callers.marketer,
    method: 'PUT',
    body,
  });
  return callers.read(response, rsvpResultSchema);
}

/** The Ginza door admitting someone on a ticket on the evening, as its edge reports it. */
export function ginzaDoorAdmission(
  eventId: string,
  ticketId: string,
  customerId: string,
  admission: number,
): IngestEvent {
  return ticketAdmissionEvent(GINZA, {
    ticketId,
    eventId,
    customerId,
    admission,
    messageId: `msg_door${ticketId.slice(4, 12)}${admission}`,
    at: `2026-12-09T10:0${admission}:00.000Z`,
  });
}
