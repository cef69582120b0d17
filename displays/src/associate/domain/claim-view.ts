import type { ArrivalClaim, ArrivalOutcome } from '@vitrine/shared';
import type { ClaimAction, PendingRequest } from './claim-requests.ts';
import { formatClockTime } from './relative-time.ts';

/** Who is with an arriving customer, from the point of view of the associate reading. */
export type Holding =
  | { kind: 'nobody' }
  | { kind: 'me'; since: string }
  | { kind: 'colleague'; name: string; since: string };

export function holdingOf(claim: ArrivalClaim | undefined, me: string): Holding {
  const holder = claim?.claimedBy ?? null;
  if (holder === null) return { kind: 'nobody' };
  if (holder.associateId === me) return { kind: 'me', since: holder.at };
  return { kind: 'colleague', name: firstName(holder.name), since: holder.at };
}

/** Colleagues call each other by first name: "with Aiko", not "with Aiko Sato". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export interface ClaimTextOptions {
  locale: string;
  timeZone?: string;
}

/** "with Aiko since 14:02", "with you since 14:02", or null when nobody holds it. */
export function holdingLine(
  holding: Holding,
  { locale, timeZone }: ClaimTextOptions,
): string | null {
  if (holding.kind === 'nobody') return null;
  const since = formatClockTime(holding.since, { locale, ...(timeZone ? { timeZone } : {}) });
  const who = holding.kind === 'me' ? 'you' : holding.name;
  return `with ${who} since ${since}`;
}

/** "Seen by Kenji at 14:01": the first associate who acknowledged the alert. */
export function acknowledgedLine(
  claim: ArrivalClaim | undefined,
  me: string,
  { locale, timeZone }: ClaimTextOptions,
): string | null {
  const seen = claim?.acknowledged ?? null;
  if (seen === null) return null;
  const who = seen.associateId === me ? 'you' : firstName(seen.name);
  return `Seen by ${who} at ${formatClockTime(seen.at, { locale, ...(timeZone ? { timeZone } : {}) })}`;
}

export const OUTCOME_LABELS: Record<ArrivalOutcome, string> = {
  'offer-presented': 'Offer presented',
  'offer-accepted': 'Offer accepted',
  'offer-declined': 'Offer declined',
  purchase: 'Purchase',
  'no-interest': 'No interest',
};

/**
 * Whether this associate may record an outcome: the holder may, and so may anyone while
 * nobody holds the customer (a quick word at the door needs no claim first). The edge
 * decides the same way; this only spares a refusal.
 */
export function mayRecordOutcome(holding: Holding): boolean {
  return holding.kind !== 'colleague';
}

const SENDING: Record<ClaimAction['kind'], string> = {
  acknowledge: 'Acknowledging…',
  claim: 'Claiming…',
  release: 'Releasing…',
  outcome: 'Recording the outcome…',
};

const HELD: Record<ClaimAction['kind'], string> = {
  acknowledge: 'acknowledgement',
  claim: 'claim',
  release: 'release',
  outcome: 'outcome',
};

/** What a card says while its request is out: on its way, or held for the connection. */
export function pendingLine(request: PendingRequest): string {
  if (request.state === 'sending') return SENDING[request.action.kind];
  return `Connection lost: the ${HELD[request.action.kind]} will be sent when it is back.`;
}
