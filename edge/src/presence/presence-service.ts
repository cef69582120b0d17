import type { IngestEvent, StoreLayout } from '@vitrine/shared';
import type { VerifiedIdentity } from '../identity/domain/verify-presence.ts';
import type { Logger } from '../observability/logger.ts';
import { presenceLayoutOf } from './domain/layout-from-store.ts';
import { presenceIngestEvent } from './domain/presence-report.ts';
import { createPresenceTracker } from './domain/presence-tracker.ts';
import type { PresenceEvent, PresenceTrackerOptions } from './domain/presence-types.ts';
import type { PresenceMetrics } from './presence-metrics.ts';
import type { PresenceSink, PresenceSource, SourceHealth } from './sources/presence-source.ts';
import { createZonesView, type ZonesView } from './zones-view.ts';

/** A customer the edge may follow: verified, with tracking consent, and what made it so. */
export interface FollowedCustomer {
  identity: VerifiedIdentity;
  /** The last ranging report of theirs: what a presence alert names as its source. */
  messageId: string;
}

export type PresenceTrackerSettings = Partial<
  Omit<PresenceTrackerOptions, 'layout' | 'newSalt' | 'isIdentified'>
>;

export interface PresenceServiceOptions {
  storeId: string;
  layout: StoreLayout;
  sources: readonly PresenceSource[];
  metrics: PresenceMetrics;
  logger: Logger;
  /** Salts of anonymous identifiers: `randomSalt` in production. */
  newSalt: () => string;
  /** Devices followed by identity without a customer's consent: associates' badges, enrolled tags. */
  knownDevices?: ReadonlySet<string>;
  /** Each presence event of an identified device, with the customer when it is one. */
  onEvent?: (event: PresenceEvent, customer: FollowedCustomer | null) => void;
  /** Sends a customer's presence event to the cloud (the outbox). */
  report?: (event: IngestEvent) => Promise<void>;
  tracker?: PresenceTrackerSettings;
  now?: () => number;
  tickMs?: number;
  /** Runs `tick` every `ms`; returns a cancel function. */
  every?: (tick: () => void, ms: number) => () => void;
  maxFollowed?: number;
}

export interface PresenceService {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Lets time pass for every device (dwell, exits) and refreshes the gauges; runs every tick. */
  tick(): void;
  zones(): ZonesView;
  sources(): { name: string; health: SourceHealth }[];
}

const defaultEvery = (tick: () => void, ms: number) => {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
};

/**
 * Presence at the edge: the sources feed one tracker; a second's tick moves dwell and
 * exits along; identified devices' events go out (to the alert bridge, the metrics and,
 * for customers, the cloud), anonymous ones are only counted. Whether a customer may be
 * followed is decided here, reading by reading, from the consent their verified pass
 * carries: without it, their phone's readings are those of an anonymous device.
 */
export function createPresenceService(options: PresenceServiceOptions): PresenceService {
  const {
    storeId,
    layout,
    metrics,
    logger,
    now = Date.now,
    tickMs = 1000,
    maxFollowed = 20_000,
  } = options;
  const knownDevices = options.knownDevices ?? new Set<string>();
  const followed = new Map<string, FollowedCustomer>();
  const tracker = createPresenceTracker({
    ...options.tracker,
    layout: presenceLayoutOf(layout),
    newSalt: options.newSalt,
    isIdentified: (deviceId) => knownDevices.has(deviceId) || followed.has(deviceId),
  });
  const receiverOnline = new Map<string, boolean>();
  /** Followed customers in the store: their zone (null: unknown) since when, for the map. */
  const whereabouts = new Map<string, { zoneId: string | null; since: number }>();
  const dropLog = new Map<string, { count: number; loggedAt: number }>();
  let cancelTick: (() => void) | null = null;

  function follow({ identity, messageId }: FollowedCustomer) {
    const { customerId } = identity;
    followed.delete(customerId);
    if (!identity.consent.tracking) {
      whereabouts.delete(customerId);
      return;
    }
    followed.set(customerId, { identity, messageId });
    if (followed.size > maxFollowed) {
      const oldest = followed.keys().next();
      if (!oldest.done) {
        followed.delete(oldest.value);
        whereabouts.delete(oldest.value);
      }
    }
  }

  function handle(events: readonly PresenceEvent[]) {
    for (const event of events) {
      metrics.events.inc({ type: event.type });
      const customer = followed.get(event.deviceId) ?? null;
      if (customer !== null) place(customer.identity.customerId, event);
      options.onEvent?.(event, customer);
      const fact = options.report ? presenceIngestEvent(storeId, event) : null;
      if (fact !== null && options.report) {
        options
          .report(fact)
          .catch((error: unknown) =>
            logger.error({ err: error, key: fact.key }, 'presence event not reported'),
          );
      }
    }
  }

  function place(customerId: string, event: PresenceEvent) {
    if (event.type === 'store-exit') whereabouts.delete(customerId);
    else if (event.type === 'store-enter')
      whereabouts.set(customerId, { zoneId: null, since: event.at });
    else if (event.type === 'zone-enter') {
      whereabouts.set(customerId, { zoneId: event.zoneId, since: event.at });
    } else if (event.type === 'zone-exit' && whereabouts.get(customerId)?.zoneId === event.zoneId) {
      whereabouts.set(customerId, { zoneId: null, since: event.at });
    }
  }

  /** Counted every time, logged the first time and then at most once a minute per reason. */
  function drop(source: string, reason: string, detail: string) {
    metrics.dropped.inc({ source, reason });
    const key = `${source}:${reason}`;
    const seen = dropLog.get(key) ?? { count: 0, loggedAt: Number.NEGATIVE_INFINITY };
    seen.count++;
    dropLog.set(key, seen);
    if (now() - seen.loggedAt < 60_000) return;
    logger.warn({ source, reason, detail, since: seen.count }, 'presence input dropped');
    seen.loggedAt = now();
    seen.count = 0;
  }

  function sinkFor(source: string): PresenceSink {
    // Bound once: a reading must not pay for hashing its labels.
    const counted = metrics.sightings.labels({ source });
    return {
      sighting({ receiverId, deviceId, rssi, at, customer }) {
        if (customer !== undefined) follow(customer);
        const outcome = tracker.sighting({ deviceId, receiverId, rssi }, at);
        if (!outcome.ok) {
          // Never the device: an anonymous one's identifier must not reach the log.
          drop(source, outcome.reason, `receiver ${receiverId}, rssi ${rssi}`);
          return;
        }
        counted.inc();
        if (outcome.events.length > 0) handle(outcome.events);
      },
      receiverStatus(receiverId, online, at) {
        receiverOnline.set(receiverId, online);
        metrics.receiverOnline.set({ receiver: receiverId }, online ? 1 : 0);
        if (!online)
          logger.warn({ receiverId, source }, 'scanner node offline; its zone is unknown');
        handle(tracker.receiverStatus(receiverId, online, at));
      },
      dropped: (reason, detail) => drop(source, reason, detail),
    };
  }

  function refreshGauges() {
    const { zones, unknownZone } = tracker.occupancy();
    for (const [zone, counts] of [...Object.entries(zones), ['unknown', unknownZone] as const]) {
      metrics.occupancy.set({ zone, kind: 'identified' }, counts.identified);
      metrics.occupancy.set({ zone, kind: 'anonymous' }, counts.anonymous);
    }
    const stats = tracker.stats();
    metrics.tracked.set({ kind: 'identified' }, stats.identified);
    metrics.tracked.set({ kind: 'anonymous' }, stats.anonymous);
    for (const source of options.sources) {
      const health = source.health();
      metrics.sourceUp.set({ source: source.name }, health.state === 'running' ? 1 : 0);
      metrics.sourceRestarts.set({ source: source.name }, health.restarts);
    }
  }

  const service: PresenceService = {
    async start() {
      for (const source of options.sources) {
        await source.start(sinkFor(source.name));
        logger.info({ source: source.name, health: source.health() }, 'presence source started');
      }
      refreshGauges();
      cancelTick = (options.every ?? defaultEvery)(() => service.tick(), tickMs);
    },
    async stop() {
      cancelTick?.();
      cancelTick = null;
      for (const source of [...options.sources].reverse()) await source.stop();
    },
    tick() {
      handle(tracker.tick(now()));
      refreshGauges();
    },
    zones: () =>
      createZonesView(
        layout,
        tracker.occupancy(),
        receiverOnline,
        now(),
        [...whereabouts].map(([customerId, { zoneId, since }]) => ({
          customerId,
          zoneId,
          since: new Date(since).toISOString(),
        })),
      ),
    sources: () =>
      options.sources.map((source) => ({ name: source.name, health: source.health() })),
  };
  return service;
}
