import type { EventTicketClaims, TicketRejection } from '@vitrine/shared';

export type TicketJudgement =
  | { ok: true; admission: number }
  | { ok: false; reason: TicketRejection; detail: string };

export interface JudgeTicketInput {
  /** Claims whose signature the code verifier checked. */
  claims: EventTicketClaims;
  /** The store of this edge: a ticket to another store's event is refused. */
  storeId: string;
  /** The edge's clock, ms since the epoch. */
  now: number;
  revoked: boolean;
  /** Admissions already made on this ticket. */
  admitted: number;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * Whether a verified ticket opens the door now, and as which admission: at its store,
 * within its window (`nbf` ≤ now < `exp`), not revoked, and not yet used `admits` times.
 */
export function judgeTicket({
  claims,
  storeId,
  now,
  revoked,
  admitted,
}: JudgeTicketInput): TicketJudgement {
  if (claims.store !== storeId) {
    return { ok: false, reason: 'wrong_store', detail: `ticket for ${claims.store}` };
  }
  if (now < claims.nbf * 1000) {
    return { ok: false, reason: 'ticket_not_yet_valid', detail: `valid from ${iso(claims.nbf)}` };
  }
  if (now >= claims.exp * 1000) {
    return { ok: false, reason: 'ticket_expired', detail: `valid until ${iso(claims.exp)}` };
  }
  if (revoked) return { ok: false, reason: 'ticket_revoked', detail: `${claims.jti} is revoked` };
  if (admitted >= claims.admits) {
    return {
      ok: false,
      reason: 'already_used',
      detail: `${claims.jti} admitted ${admitted} of ${claims.admits}`,
    };
  }
  return { ok: true, admission: admitted + 1 };
}
