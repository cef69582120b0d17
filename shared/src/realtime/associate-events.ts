import { z } from 'zod';
import type { OfferRedeemReply } from '../engagement/offer-redemption.ts';
import { associateIdSchema, storeIdSchema } from '../ids/ids.ts';
import type { ArrivalAlert } from '../messages/arrival-alert.ts';
import type { ArrivalClaim, ArrivalClaims, ClaimReply } from './arrival-claims.ts';
import type { CampaignSuggestion } from './campaign-suggestion.ts';

/**
 * The associate app's socket.io contract with the edge. Associates connect with
 * `auth: { token }` (a cloud-signed associate token for this store) and join the room
 * of their store; anything else is refused at connect with `unauthorized: <reason>` or
 * `forbidden: <reason>`.
 */
export const ASSOCIATE_SOCKET_PATH = '/socket.io';

export const associateHelloSchema = z.object({
  associateId: associateIdSchema,
  name: z.string(),
  storeId: storeIdSchema,
  storeName: z.string(),
});
export type AssociateHello = z.infer<typeof associateHelloSchema>;

export interface ServerToAssociateEvents {
  /** Sent once after a successful connect. */
  hello: (hello: AssociateHello) => void;
  /** A customer arrived in the store. */
  alert: (alert: ArrivalAlert) => void;
  /** A campaign's suggestion for a customer in the store. */
  suggestion: (suggestion: CampaignSuggestion) => void;
  /** Every claim of the store's recent arrivals: after each connect, before any `claim`. */
  claims: (claims: ArrivalClaims) => void;
  /** One arrival's claim changed (acknowledged, claimed, released, outcome recorded). */
  claim: (claim: ArrivalClaim) => void;
}

/** Answers a request: the claim as it now stands, or why it was refused. */
export type ClaimReplyCallback = (reply: ClaimReply) => void;

/**
 * Requests are checked against `acknowledgeRequestSchema`, `claimRequestSchema`,
 * `releaseRequestSchema` and `outcomeRequestSchema`; a bad one is answered with
 * `validation_failed` naming the field. Every change is also sent to the room as `claim`.
 */
export interface AssociateToServerEvents {
  /** "Seen": the first acknowledgement of an alert is what analytics times. */
  'alert:acknowledge': (request: unknown, reply: ClaimReplyCallback) => void;
  /** "I'm with them"; `takeOver` takes it from a colleague. */
  'arrival:claim': (request: unknown, reply: ClaimReplyCallback) => void;
  'arrival:release': (request: unknown, reply: ClaimReplyCallback) => void;
  'arrival:outcome': (request: unknown, reply: ClaimReplyCallback) => void;
  /**
   * Redeems a delivered offer: `{ deliveryId }` from a suggestion or `{ code }` scanned from
   * the customer's phone (`offerRedeemRequestSchema`); answered with the redemption or why not.
   */
  'offer:redeem': (request: unknown, reply: (reply: OfferRedeemReply) => void) => void;
}

/** The requests an associate may send, by event name. */
export const CLAIM_REQUEST_EVENTS = [
  'alert:acknowledge',
  'arrival:claim',
  'arrival:release',
  'arrival:outcome',
] as const satisfies readonly (keyof AssociateToServerEvents)[];
export type ClaimRequestEvent = (typeof CLAIM_REQUEST_EVENTS)[number];

export const associateAuthSchema = z.object({ token: z.string().min(1) });

/** The room of a store's associates. */
export function associateRoom(storeId: string): string {
  return `store:${storeId}:associates`;
}
