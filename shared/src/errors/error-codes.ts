/**
 * The error codes every part of Vitrine speaks: in HTTP problem bodies, in rejection
 * counters (`reason` label) and in logs. One list, so that a dashboard can join them.
 */
export const ERROR_CODES = [
  // message intake (MQTT)
  'invalid_json',
  'invalid_message',
  'payload_too_large',
  'unknown_topic',
  'unsupported_version',
  'wrong_store',
  'unknown_customer',
  // identity: a pass and its proof of presence, refused at the edge
  'forged_signature',
  'pass_expired',
  'stale_proof',
  'replayed_nonce',
  'tampered',
  'pass_revoked',
  'unknown_key',
  // signed QR codes (content codes, event tickets), refused at the edge
  'unknown_code',
  'wrong_organisation',
  'ticket_not_yet_valid',
  'ticket_expired',
  'ticket_revoked',
  'already_used',
  // offers redeemed at the edge
  'offer_expired',
  'redemption_limit_reached',
  // HTTP and auth
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  // dependencies
  'cloud_unreachable',
  'cloud_error',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every HTTP error response. */
export interface ProblemBody {
  error: {
    code: ErrorCode;
    message: string;
    /** For validation errors: one entry per offending field, named by its path. */
    fields?: { path: string; message: string }[];
  };
}
