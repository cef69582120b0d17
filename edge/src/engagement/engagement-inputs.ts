import {
  type CustomerFacts,
  type CustomerProfile,
  customerIdSchema,
  type EngagementEvent,
  type IngestEvent,
} from '@vitrine/shared';

/** What a reported fact asks of the engine: a decision, or the end of a visit. */
export type EngagementInput =
  | {
      kind: 'decide';
      event: EngagementEvent;
      customerId: string;
      /** The customer's app, when the fact names it: where a phone offer goes. */
      clientId: string | null;
      /** The fact's idempotency key: the decision it leads to is keyed by it. */
      sourceKey: string;
    }
  | { kind: 'leave'; customerId: string; at: number };

/**
 * The engagement event in a fact the edge reports. Only a verified customer's facts
 * qualify (presence reports nobody else; an anonymous device has no customer id). A late
 * check-in (verified after a downtime) is a visit already over: nothing to answer.
 */
export function engagementInputOf(fact: IngestEvent): EngagementInput | null {
  const at = Date.parse(fact.occurredAt);
  const store = fact.store;
  const decide = (event: EngagementEvent, customerId: string, clientId: string | null) =>
    customerIdSchema.safeParse(customerId).success
      ? ({ kind: 'decide', event, customerId, clientId, sourceKey: fact.key } as const)
      : null;
  switch (fact.kind) {
    case 'check-in':
      if (fact.data.late === true) return null;
      return decide(
        { kind: 'check-in', storeId: store, zoneId: null, at },
        fact.data.customerId,
        fact.data.clientId,
      );
    case 'ticket-admission':
      // The holder's arrival, not each guest the ticket admits.
      if (fact.data.admission !== 1) return null;
      return decide(
        { kind: 'event-attendance', storeId: store, eventId: fact.data.eventId, at },
        fact.data.customerId,
        fact.data.clientId,
      );
    case 'presence':
      return presenceInput(fact.data, store, at, decide);
    default:
      return null;
  }
}

type PresenceData = Extract<IngestEvent, { kind: 'presence' }>['data'];

function presenceInput(
  data: PresenceData,
  storeId: string,
  at: number,
  decide: (event: EngagementEvent, customerId: string, clientId: null) => EngagementInput | null,
): EngagementInput | null {
  const { customerId, zoneId } = data;
  if (data.type === 'store-exit') return { kind: 'leave', customerId, at };
  if (data.type === 'store-enter')
    return decide({ kind: 'store-enter', storeId, at }, customerId, null);
  if (zoneId === null) return null;
  if (data.type === 'zone-enter') {
    return decide({ kind: 'zone-enter', storeId, zoneId, at }, customerId, null);
  }
  if (data.type === 'zone-dwell') {
    const dwellMs = data.durationMs ?? 0;
    return decide({ kind: 'zone-dwell', storeId, zoneId, dwellMs, at }, customerId, null);
  }
  return null;
}

/**
 * What segment rules read about the customer, from the visits the profile lists (the
 * latest ones, newest first) and the current one, the birth month, and the events the
 * customer is invited to (not cancelled when the profile was synced, not over at `at`).
 */
export function factsOfProfile(
  profile: CustomerProfile,
  storeId: string,
  at: number,
): CustomerFacts {
  const visits = profile.recentVisits ?? [];
  // As the cloud's simulation reads them: an event counts until its last session ends,
  // even when the next sync (which drops it) has not come yet.
  const current = (profile.invitations ?? []).filter((invitation) =>
    invitation.sessions.some((session) => Date.parse(session.endsAt) > at),
  );
  return {
    visits: {
      total: visits.length + 1,
      atThisStore: visits.filter((visit) => visit.storeId === storeId).length + 1,
      previousAt: visits[0]?.visitedAt ?? null,
    },
    birthMonth: profile.birthMonth ?? null,
    invitedEventIds: current.map((invitation) => invitation.eventId),
  };
}
