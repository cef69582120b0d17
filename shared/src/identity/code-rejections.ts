import type { ErrorCode } from '../errors/error-codes.ts';

/**
 * Why an edge refuses a signed QR code; each is an error code (the `reason` label of
 * `vitrine_edge_codes_refused_total`, the code of the problem or answer the scanner gets).
 * - unknown_code: text that is none of Vitrine's codes (a URL, another shop's label).
 * - tampered: a Vitrine prefix but a truncated or altered text, another format's JWS (a
 *   pass shown as a ticket), or claims off the schema.
 * - forged_signature / unknown_key: as for passes; another organisation's code names a
 *   key this organisation does not publish.
 * - wrong_organisation: signed by a published key for another organisation than the
 *   edge's own, or than the customer's own pass.
 */
export const CONTENT_CODE_REJECTIONS = [
  'unknown_code',
  'tampered',
  'forged_signature',
  'unknown_key',
  'wrong_organisation',
  'wrong_store',
] as const satisfies readonly ErrorCode[];
export type ContentCodeRejection = (typeof CONTENT_CODE_REJECTIONS)[number];

/**
 * A ticket is refused for what refuses a content code (another organisation's included),
 * and for its store, its window and its uses.
 */
export const TICKET_REJECTIONS = [
  'tampered',
  'forged_signature',
  'unknown_key',
  'wrong_organisation',
  'wrong_store',
  'ticket_not_yet_valid',
  'ticket_expired',
  'ticket_revoked',
  'already_used',
] as const satisfies readonly ErrorCode[];
export type TicketRejection = (typeof TICKET_REJECTIONS)[number];
