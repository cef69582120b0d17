import type {
  AcknowledgeRequest,
  ArrivalClaim,
  ArrivalOutcome,
  ClaimReply,
  ClaimRequest,
  ClaimRequestEvent,
  OutcomeRequest,
  ReleaseRequest,
} from '@vitrine/shared';
import type { ClaimStates } from './claim-states.ts';

/** What an associate asks of an arrival from its card. */
export type ClaimAction =
  | { kind: 'acknowledge' }
  | { kind: 'claim'; takeOver: boolean }
  | { kind: 'release' }
  | { kind: 'outcome'; outcome: ArrivalOutcome; note: string | null };

export interface PendingRequest {
  /** Tells this request's answer from a late answer to an earlier one. */
  id: number;
  alertId: string;
  action: ClaimAction;
  /** `sending`: on the wire, awaiting the edge's answer; `waiting`: held until the socket is back. */
  state: 'sending' | 'waiting';
  askedAt: number;
  /** This associate's outcomes on the arrival when asked: a resend must not record one twice. */
  outcomesBefore: number;
}

/**
 * The requests of this tablet not yet answered (at most one per arrival: its buttons wait
 * meanwhile) and the last refusal or failure per arrival, shown until the next request.
 * Nothing is dropped silently: a request is answered, refused, found done after a
 * reconnect, resent, or given up on with a reason.
 */
export interface RequestBook {
  pending: ReadonlyMap<string, PendingRequest>;
  problems: ReadonlyMap<string, string>;
}

export const emptyRequestBook: RequestBook = { pending: new Map(), problems: new Map() };

const CLAIM_EVENTS: Record<ClaimAction['kind'], ClaimRequestEvent> = {
  acknowledge: 'alert:acknowledge',
  claim: 'arrival:claim',
  release: 'arrival:release',
  outcome: 'arrival:outcome',
};

export function requestEvent(action: ClaimAction): ClaimRequestEvent {
  return CLAIM_EVENTS[action.kind];
}

/** The request body the shared contract expects for an action. */
export function requestPayload(
  alertId: string,
  action: ClaimAction,
): AcknowledgeRequest | ClaimRequest | ReleaseRequest | OutcomeRequest {
  switch (action.kind) {
    case 'claim':
      return { alertId, takeOver: action.takeOver };
    case 'outcome':
      return { alertId, outcome: action.outcome, note: action.note };
    default:
      return { alertId };
  }
}

const outcomesBy = (claim: ArrivalClaim | undefined, me: string): number =>
  claim?.outcomes.filter((outcome) => outcome.associateId === me).length ?? 0;

const without = <V>(map: ReadonlyMap<string, V>, key: string): Map<string, V> => {
  const next = new Map(map);
  next.delete(key);
  return next;
};

export interface AskOptions {
  id: number;
  alertId: string;
  action: ClaimAction;
  claim: ArrivalClaim | undefined;
  me: string;
  now: number;
  connected: boolean;
}

/** A request made from a card: sent now when the socket is up, held until it is otherwise. */
export function askRequest(
  book: RequestBook,
  { id, alertId, action, claim, me, now, connected }: AskOptions,
): RequestBook {
  const request: PendingRequest = {
    id,
    alertId,
    action,
    state: connected ? 'sending' : 'waiting',
    askedAt: now,
    outcomesBefore: outcomesBy(claim, me),
  };
  return {
    pending: new Map(book.pending).set(alertId, request),
    problems: without(book.problems, alertId),
  };
}

/** The edge's answer: done, or refused with its reason. A late answer to an older request is ignored. */
export function answerRequest(book: RequestBook, id: number, reply: ClaimReply): RequestBook {
  const request = [...book.pending.values()].find((pending) => pending.id === id);
  if (request === undefined) return book;
  const pending = without(book.pending, request.alertId);
  if (reply.ok) return { pending, problems: without(book.problems, request.alertId) };
  return { pending, problems: new Map(book.problems).set(request.alertId, reply.error.message) };
}

/** The socket is up but the edge never answered: say so rather than wait for ever. */
export function requestUnanswered(book: RequestBook, id: number): RequestBook {
  const request = [...book.pending.values()].find((pending) => pending.id === id);
  if (request === undefined || request.state !== 'sending') return book;
  return {
    pending: without(book.pending, request.alertId),
    problems: new Map(book.problems).set(
      request.alertId,
      'The store did not answer. Check the card and try again.',
    ),
  };
}

/** The socket dropped: what was on the wire may never be answered, so it waits to be resent. */
export function socketLost(book: RequestBook): RequestBook {
  const pending = new Map<string, PendingRequest>();
  for (const [alertId, request] of book.pending) {
    pending.set(alertId, { ...request, state: 'waiting' });
  }
  return { ...book, pending };
}

/** Whether the edge's claim already shows the request done, its answer having been lost. */
export function isDone(claim: ArrivalClaim | undefined, request: PendingRequest, me: string) {
  switch (request.action.kind) {
    case 'acknowledge':
      return claim?.acknowledged != null;
    case 'claim':
      return claim?.claimedBy?.associateId === me;
    case 'release':
      return claim !== undefined && claim.claimedBy?.associateId !== me;
    case 'outcome':
      return outcomesBy(claim, me) > request.outcomesBefore;
  }
}

/**
 * After a reconnect, once the edge's full list of claims is in: the requests it shows done
 * are settled, the others are sent again (the edge decides them afresh, and may refuse).
 */
export function resendAfterResync(
  book: RequestBook,
  claims: ClaimStates,
  me: string,
): { book: RequestBook; resend: PendingRequest[] } {
  const pending = new Map<string, PendingRequest>();
  const resend: PendingRequest[] = [];
  for (const [alertId, request] of book.pending) {
    if (isDone(claims.get(alertId), request, me)) continue;
    const again: PendingRequest = { ...request, state: 'sending' };
    pending.set(alertId, again);
    resend.push(again);
  }
  return { book: { ...book, pending }, resend };
}

/** Requests held longer than `maxWaitMs` without a connection fail, saying they were not sent. */
export function giveUpWaiting(
  book: RequestBook,
  now: number,
  { maxWaitMs = 60_000 }: { maxWaitMs?: number } = {},
): RequestBook {
  const expired = [...book.pending.values()].filter(
    (request) => request.state === 'waiting' && now - request.askedAt > maxWaitMs,
  );
  if (expired.length === 0) return book;
  const pending = new Map(book.pending);
  const problems = new Map(book.problems);
  for (const request of expired) {
    pending.delete(request.alertId);
    problems.set(
      request.alertId,
      `Not sent: no connection to the store for ${Math.round(maxWaitMs / 1000)} s. Try again once connected.`,
    );
  }
  return { pending, problems };
}
