import type { StoreLayout } from '@vitrine/shared';
import type { RecentArrivals } from '../domain/recent-arrivals.ts';
import type { CheckInFlow } from '../flows/check-in-flow.ts';
import type { PresenceVerifier } from '../identity/presence-verifier.ts';
import type { DurableOutbox } from '../outbox/durable-outbox.ts';
import { createPresenceArrivals } from '../presence/presence-arrivals.ts';
import { createPresenceMetrics } from '../presence/presence-metrics.ts';
import { createPresenceService, type PresenceService } from '../presence/presence-service.ts';
import { createPresenceSources } from '../presence/presence-sources.ts';
import { randomSalt } from '../presence/random-salt.ts';
import type { EdgeContext } from './edge-context.ts';

export interface PresenceParts {
  layout: StoreLayout;
  mqttUrl: string;
  presence: PresenceVerifier;
  checkIns: CheckInFlow;
  recentArrivals: RecentArrivals;
  outbox: DurableOutbox;
  /** The test's clock for the sources, when it gives one. */
  sourceClock: { now?: () => number };
  loadNoble: { loadNoble?: () => Promise<unknown> };
}

/**
 * Presence: the store's nodes, ESPresense nodes, the apps' ranging and the gateway's radio
 * feed one tracker; a consenting customer's entry is announced like a check-in.
 */
export function composePresence(
  { config, logger, metrics, now }: EdgeContext,
  parts: PresenceParts,
): PresenceService {
  const { layout, presence, outbox } = parts;
  const presenceMetrics = createPresenceMetrics(metrics.registry);
  return createPresenceService({
    storeId: config.storeId,
    layout,
    sources: createPresenceSources({
      config: config.presence,
      layout,
      storeId: config.storeId,
      mqttUrl: parts.mqttUrl,
      verify: (presented, source) => presence.verify(presented, source),
      metrics,
      presenceMetrics,
      logger,
      ...parts.sourceClock,
      ...parts.loadNoble,
    }),
    metrics: presenceMetrics,
    logger,
    newSalt: randomSalt,
    knownDevices: new Set(config.presence.knownDevices),
    onEvent: createPresenceArrivals({
      announce: (arrival) => parts.checkIns.announce(arrival),
      recentArrivals: parts.recentArrivals,
      repeatAfterMs: config.presence.alertRepeatMs,
      metrics: presenceMetrics,
      logger,
      now,
    }),
    report: (event) => outbox.append(event),
    tickMs: config.presence.tickMs,
    now,
  });
}
