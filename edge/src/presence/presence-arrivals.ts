import type { RecentArrivals } from '../domain/recent-arrivals.ts';
import type { Arrival, CheckInOutcome } from '../flows/check-in-flow.ts';
import type { Logger } from '../observability/logger.ts';
import type { PresenceEvent } from './domain/presence-types.ts';
import type { PresenceMetrics } from './presence-metrics.ts';
import type { FollowedCustomer } from './presence-service.ts';

export interface PresenceArrivalsOptions {
  /** The check-in flow's alert path: the same profile lookup, alert and report. */
  announce: (arrival: Arrival) => Promise<CheckInOutcome>;
  recentArrivals: RecentArrivals;
  /** A customer announced (checked in, or sensed) less than this ago is not announced again. */
  repeatAfterMs?: number;
  metrics: Pick<PresenceMetrics, 'arrivals'>;
  logger: Logger;
  now?: () => number;
}

/**
 * Presence → arrival alert: a consenting customer sensed entering the store is announced
 * to the associates as a check-in would be (source `presence`), unless they were
 * announced a moment ago, by their own check-in or by an earlier visit's entry.
 */
export function createPresenceArrivals({
  announce,
  recentArrivals,
  repeatAfterMs = 60 * 60_000,
  metrics,
  logger,
  now = Date.now,
}: PresenceArrivalsOptions) {
  return (event: PresenceEvent, customer: FollowedCustomer | null) => {
    if (event.type !== 'store-enter' || customer === null) return;
    const { identity, messageId } = customer;
    if (recentArrivals.announcedWithin(identity.customerId, repeatAfterMs, now())) {
      metrics.arrivals.inc({ outcome: 'recently-announced' });
      return;
    }
    // Noted now: the profile lookup takes a moment, and readings keep coming meanwhile.
    recentArrivals.note(identity.customerId, now());
    announce({
      customerId: identity.customerId,
      claims: { tier: identity.tier, consent: identity.consent },
      source: 'presence',
      sourceMessageId: messageId,
      zoneId: null,
      arrivedAt: new Date(event.at).toISOString(),
    })
      .then((outcome) => metrics.arrivals.inc({ outcome: outcome.ok ? 'alerted' : outcome.reason }))
      .catch((error: unknown) => {
        metrics.arrivals.inc({ outcome: 'failed' });
        logger.error(
          { err: error, customerId: identity.customerId },
          'presence arrival not announced',
        );
      });
  };
}
