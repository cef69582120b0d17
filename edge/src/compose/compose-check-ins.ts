import { join } from 'node:path';
import type { ArrivalAlert, CustomerProfile } from '@vitrine/shared';
import { Counter } from 'prom-client';
import type { CloudClient } from '../cloud/cloud-client.ts';
import type { LruTtlCache } from '../domain/profile-cache.ts';
import type { RecentBuffer } from '../domain/recent-alerts.ts';
import type { RecentArrivals } from '../domain/recent-arrivals.ts';
import { createCheckInFlow } from '../flows/check-in-flow.ts';
import { openDowntimeRecord } from '../flows/downtime-record.ts';
import { createLateCheckInPolicy, type LateCheckInPolicy } from '../flows/late-check-ins.ts';
import { createLoyaltyScanFlow } from '../flows/loyalty-scan-flow.ts';
import type { PresenceVerifier } from '../identity/presence-verifier.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import type { DurableOutbox } from '../outbox/durable-outbox.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';
import type { EdgeContext } from './edge-context.ts';

/**
 * The edge's own record of when it ran, and what it allows: a check-in the broker held
 * while the edge was down is still the customer's visit when it arrives soon after.
 */
export async function composeLateCheckIns({
  config,
  logger,
  now,
  onStop,
}: EdgeContext): Promise<LateCheckInPolicy> {
  const record = await openDowntimeRecord({
    dir: join(config.dataDir, 'lifetime'),
    now,
    onWriteFailed: (error) => logger.warn({ err: error }, 'edge lifetime record not written'),
  });
  onStop('lifetime record', () => record.stop());
  if (record.downtime) logger.info(record.downtime, 'edge was down; late check-ins are taken');
  return createLateCheckInPolicy({ downtime: record.downtime, skewSteps: config.proofSkewSteps });
}

export interface CheckInParts {
  cloud: CloudClient;
  presence: PresenceVerifier;
  lateCheckIns: LateCheckInPolicy;
  localProfiles: LocalProfileStore;
  profileCache: LruTtlCache<CustomerProfile>;
  recentAlerts: RecentBuffer<ArrivalAlert>;
  recentArrivals: RecentArrivals;
  pushAlert: (alert: ArrivalAlert) => void;
  outbox: DurableOutbox;
  reject: RejectMessage;
}

/** Check-ins from the app, the kiosk and the associate's scan: verified, kept, alerted. */
export function composeCheckIns(
  { config, logger, metrics, now }: EdgeContext,
  parts: CheckInParts,
) {
  const { presence, lateCheckIns, outbox } = parts;
  const late = new Counter({
    name: 'vitrine_edge_late_check_ins_total',
    help: 'Check-ins verified after their time (held by the broker while the edge was down), by outcome: alerted, or recorded as a visit only',
    labelNames: ['outcome'],
    registers: [metrics.registry],
  });
  const checkIns = createCheckInFlow({
    storeId: config.storeId,
    cloud: parts.cloud,
    cache: parts.profileCache,
    localProfiles: parts.localProfiles,
    demandFreshMs: config.profileCacheTtlMs,
    recentAlerts: parts.recentAlerts,
    recentArrivals: parts.recentArrivals,
    pushAlert: parts.pushAlert,
    reject: parts.reject,
    verify: (presented, source) => presence.verify(presented, source),
    report: (event) => outbox.append(event),
    lateCheckIns,
    countLate: (outcome) => late.inc({ outcome }),
    metrics,
    logger,
    now,
  });
  const loyaltyScans = createLoyaltyScanFlow({
    storeId: config.storeId,
    checkIns,
    verifier: presence,
    logger,
    now,
  });
  return { checkIns, loyaltyScans };
}
