import type { IngestKind } from '@vitrine/shared';

/** Upload order: every pending record of a higher priority goes before any of a lower one. */
export const OUTBOX_PRIORITIES = ['high', 'normal', 'low'] as const;
export type OutboxPriority = (typeof OUTBOX_PRIORITIES)[number];

export interface OutboxKindPolicy {
  priority: OutboxPriority;
  /** A record older than this is dropped unsent (and counted): it no longer helps anyone. */
  ttlMs: number;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Every kind the edge reports, with its priority and time to live. Alerts and their
 * acknowledgements matter to people now; visit facts feed analytics and can wait.
 */
export const OUTBOX_KINDS = {
  alert: { priority: 'high', ttlMs: 7 * DAY_MS },
  'alert-ack': { priority: 'high', ttlMs: 7 * DAY_MS },
  // Who took care of whom, and what came of it: the store's follow-up the next day.
  'arrival-claim': { priority: 'normal', ttlMs: 30 * DAY_MS },
  'arrival-release': { priority: 'normal', ttlMs: 30 * DAY_MS },
  'arrival-outcome': { priority: 'normal', ttlMs: 30 * DAY_MS },
  'check-in': { priority: 'normal', ttlMs: 30 * DAY_MS },
  // What campaigns delivered: budgets and analytics across stores.
  delivery: { priority: 'normal', ttlMs: 30 * DAY_MS },
  // Offers opened and redeemed: redemption limits and analytics across stores.
  'offer-opened': { priority: 'normal', ttlMs: 30 * DAY_MS },
  'offer-redemption': { priority: 'normal', ttlMs: 30 * DAY_MS },
  // Who came to an event: the attendance a marketer reads the next morning.
  'ticket-admission': { priority: 'normal', ttlMs: 30 * DAY_MS },
  // What customers looked at: analytics, the first to wait behind the rest.
  'content-scan': { priority: 'low', ttlMs: 30 * DAY_MS },
  // What screens showed: proof of play for analytics, one small record per item played.
  'screen-play': { priority: 'low', ttlMs: 30 * DAY_MS },
  // Where people went in the store: analytics, many and small, worth a week at most.
  presence: { priority: 'low', ttlMs: 7 * DAY_MS },
} as const satisfies Record<IngestKind, OutboxKindPolicy>;

export function policyOf(kind: IngestKind): OutboxKindPolicy {
  return OUTBOX_KINDS[kind];
}
