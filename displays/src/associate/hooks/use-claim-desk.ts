import type { ArrivalClaim, CampaignSuggestion } from '@vitrine/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlertSocket, RequestAnswer } from '../api/alert-socket.ts';
import { addSuggestion, type SuggestionsByCustomer } from '../domain/campaign-suggestions.ts';
import {
  answerRequest,
  askRequest,
  type ClaimAction,
  emptyRequestBook,
  giveUpWaiting,
  type PendingRequest,
  type RequestBook,
  requestEvent,
  requestPayload,
  requestUnanswered,
  resendAfterResync,
  socketLost,
} from '../domain/claim-requests.ts';
import { applyClaim, applyClaimList, type ClaimStates } from '../domain/claim-states.ts';

type Send = AlertSocket['send'];

/** What the store's socket tells the desk; `send` is the socket the event came on. */
export interface ClaimDeskEvents {
  claims: (claims: ArrivalClaim[], send: Send) => void;
  claim: (claim: ArrivalClaim) => void;
  suggestion: (suggestion: CampaignSuggestion) => void;
  disconnected: () => void;
}

export interface ClaimDesk {
  claims: ClaimStates;
  requests: RequestBook;
  suggestions: SuggestionsByCustomer;
  events: ClaimDeskEvents;
  act: (alertId: string, action: ClaimAction, send: Send) => void;
}

export interface ClaimDeskOptions {
  /** How long a request waits for the connection before it fails, saying so. */
  maxWaitMs?: number;
}

/** A value kept in a ref for the socket's callbacks and in state for the page. */
function useLatest<T>(initial: T): [T, { current: T }, (change: (value: T) => T) => void] {
  const [value, setValue] = useState(initial);
  const ref = useRef(initial);
  const update = (change: (value: T) => T) => {
    const next = change(ref.current);
    if (next === ref.current) return;
    ref.current = next;
    setValue(next);
  };
  return [value, ref, update];
}

/**
 * The claims of the store's arrivals as the edge decides them, this associate's requests
 * until each is answered, and the engine's suggestions: fed by the socket's events.
 */
export function useClaimDesk(me: string, { maxWaitMs = 60_000 }: ClaimDeskOptions = {}): ClaimDesk {
  const [claims, claimsRef, updateClaims] = useLatest<ClaimStates>(new Map());
  const [requests, requestsRef, updateRequests] = useLatest<RequestBook>(emptyRequestBook);
  const [suggestions, , updateSuggestions] = useLatest<SuggestionsByCustomer>(new Map());
  const nextId = useRef(0);

  const settle = (id: number, answer: RequestAnswer) => {
    // The disconnect already put the request back to wait for the resync.
    if (answer === 'lost') return;
    if (answer === 'unanswered') return updateRequests((book) => requestUnanswered(book, id));
    if (answer.ok) updateClaims((states) => applyClaim(states, answer.claim));
    updateRequests((book) => answerRequest(book, id, answer));
  };

  const transmit = (
    { id, alertId, action }: Pick<PendingRequest, 'id' | 'alertId' | 'action'>,
    send: Send,
  ): boolean =>
    send(requestEvent(action), requestPayload(alertId, action), (answer) => settle(id, answer));

  useEffect(() => {
    const timer = setInterval(
      () => updateRequests((book) => giveUpWaiting(book, Date.now(), { maxWaitMs })),
      1_000,
    );
    return () => clearInterval(timer);
  }, [maxWaitMs]);

  const events: ClaimDeskEvents = {
    claims: (list, send) => {
      updateClaims((states) => applyClaimList(states, list));
      const { book, resend } = resendAfterResync(requestsRef.current, claimsRef.current, me);
      updateRequests(() => book);
      if (!resend.every((request) => transmit(request, send))) updateRequests(socketLost);
    },
    claim: (claim) => updateClaims((states) => applyClaim(states, claim)),
    suggestion: (suggestion) => updateSuggestions((known) => addSuggestion(known, suggestion)),
    disconnected: () => updateRequests(socketLost),
  };

  const act = (alertId: string, action: ClaimAction, send: Send) => {
    nextId.current += 1;
    const id = nextId.current;
    const sent = transmit({ id, alertId, action }, send);
    const claim = claimsRef.current.get(alertId);
    updateRequests((book) =>
      askRequest(book, { id, alertId, action, claim, me, now: Date.now(), connected: sent }),
    );
  };

  return { claims, requests, suggestions, events, act };
}
