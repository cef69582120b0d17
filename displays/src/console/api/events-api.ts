import {
  associateSchema,
  type EventPatch,
  type EventWrite,
  eventPageSchema,
  eventSummarySchema,
  guestListSchema,
  type InvitationRequest,
  invitationResultSchema,
  type RsvpRequest,
  rsvpResultSchema,
  storedEventSchema,
} from '@vitrine/shared';
import { z } from 'zod';
import type { CloudClient } from './cloud-client.ts';
import { queryOf } from './query-string.ts';

const associateListSchema = z.object({ items: z.array(associateSchema) });

export interface EventFilter {
  storeId?: string;
  status?: string;
  /** Events whose first session starts on or after this day (UTC midnight), before `to`. */
  from?: string;
  to?: string;
  cursor?: string;
}

export interface GuestFilter {
  storeId?: string;
  rsvp?: string;
  cursor?: string;
}

/** The marketer's calls about in-store events (`/v1/events`), each answer parsed. */
export function createEventsApi(client: CloudClient) {
  const event = (id: string) => `/v1/events/${encodeURIComponent(id)}`;
  return {
    events: (filter: EventFilter, limit = 20) =>
      client.get(`/v1/events${queryOf({ ...filter, limit })}`, eventPageSchema),
    event: (id: string) => client.get(event(id), storedEventSchema),
    createEvent: (write: EventWrite) => client.send('POST', '/v1/events', write, storedEventSchema),
    updateEvent: (id: string, patch: EventPatch) =>
      client.send('PATCH', event(id), patch, storedEventSchema),
    cancelEvent: (id: string) => client.send('POST', `${event(id)}/cancel`, {}, storedEventSchema),
    invite: (id: string, request: Partial<InvitationRequest>) =>
      client.send('POST', `${event(id)}/invitations`, request, invitationResultSchema),
    guests: (id: string, filter: GuestFilter, limit = 25) =>
      client.get(`${event(id)}/guests${queryOf({ ...filter, limit })}`, guestListSchema),
    /** Every guest the filter keeps, as CSV, fetched with the token a plain link cannot carry. */
    guestsCsv: (id: string, filter: Omit<GuestFilter, 'cursor'>) =>
      client.download(`${event(id)}/guests${queryOf({ ...filter, format: 'csv' })}`),
    summary: (id: string) => client.get(`${event(id)}/summary`, eventSummarySchema),
    /** The office records a guest's answer (a call, an email). */
    recordRsvp: (id: string, customerId: string, request: Partial<RsvpRequest>) =>
      client.send(
        'PUT',
        `${event(id)}/guests/${encodeURIComponent(customerId)}/rsvp`,
        request,
        rsvpResultSchema,
      ),
    associates: (storeId: string) =>
      client.get(`/v1/stores/${encodeURIComponent(storeId)}/associates`, associateListSchema),
  };
}

export type EventsApi = ReturnType<typeof createEventsApi>;
