import {
  buildCampaignIndex,
  type CampaignIndex,
  type CustomerProfile,
  createZonedCalendar,
  type Decision,
  decide,
  type EngagementState,
  emptyEngagementState,
  endVisit,
  type IngestEvent,
  mergeBudgetCounts,
  type Offer,
  pruneEngagementState,
  recordDeliveries,
  type ScreenContentItem,
  startVisit,
  type ZonedCalendar,
} from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import type { StoredCatalogue } from './catalogue-file.ts';
import type { DeliverToRecipient } from './delivery-publisher.ts';
import { decisionIdOf, deliveryEvent } from './delivery-reports.ts';
import { type EngagementInput, engagementInputOf, factsOfProfile } from './engagement-inputs.ts';
import type { EngagementMetrics } from './engagement-metrics.ts';
import type { EngagementStateFile } from './engagement-state-file.ts';

export interface EngagementEngineOptions {
  storeId: string;
  /** The customer's profile as the edge holds it (local store, then cache); null if unknown. */
  profileOf: (customerId: string) => Promise<CustomerProfile | null>;
  deliver: DeliverToRecipient;
  /** Sends a delivery to the cloud through the outbox. */
  report: (event: IngestEvent) => Promise<void>;
  stateFile: EngagementStateFile;
  metrics: EngagementMetrics;
  logger: Logger;
  now: () => number;
  /** Apps remembered per customer for phone offers (the most recent ones). */
  maxClients?: number;
}

interface Catalogue {
  version: string;
  index: CampaignIndex;
  calendar: ZonedCalendar;
  liveCampaignIds: ReadonlySet<string>;
  /** The screen content campaigns send, by id: what a zone screen message names. */
  content: ReadonlyMap<string, ScreenContentItem>;
  offers: ReadonlyMap<string, Offer>;
}

/** A decision taken, and its deliveries under way (after the state that spent them is kept). */
interface Decided {
  outcome: EngineOutcome;
  sent: Promise<void>;
}

export type EngineOutcome =
  | { outcome: 'decided'; decision: Decision; decisionId: string }
  | { outcome: 'skipped'; reason: 'no-catalogue' | 'unknown-customer' | 'visit-ended' };

/**
 * The store's engagement at run time: each fact the edge reports (a check-in, a presence
 * event, an admission) becomes an engagement event, decided on the last catalogue with
 * the customer's profile and the durable cap state, then delivered and reported. Facts
 * are taken one at a time, so that two decisions never read the same caps.
 */
export function createEngagementEngine(options: EngagementEngineOptions) {
  const { storeId, stateFile, metrics, logger, now, maxClients = 5000 } = options;
  let state: EngagementState = emptyEngagementState();
  let catalogue: Catalogue | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** Decisions whose deliveries wait for the state on disk or are on their way. */
  const sending = new Set<Promise<unknown>>();
  const clients = new Map<string, string>();

  function noteClient(customerId: string, clientId: string | null) {
    if (clientId === null) return;
    clients.delete(customerId);
    clients.set(customerId, clientId);
    if (clients.size > maxClients) {
      const oldest = clients.keys().next().value;
      if (oldest !== undefined) clients.delete(oldest);
    }
  }

  function prune() {
    if (catalogue === null) return;
    state = pruneEngagementState(state, { now: now(), liveCampaignIds: catalogue.liveCampaignIds });
  }

  /**
   * Decides and records in turn; what was decided goes out once the state that spent its
   * caps is on disk. Those writes are coalesced (`save` writes the newest state), so the
   * next decision never waits for the disk, and a restart never forgets a cap it spent.
   */
  async function run(input: EngagementInput): Promise<Decided> {
    if (input.kind === 'leave') {
      state = endVisit(state, input.customerId);
      return {
        outcome: { outcome: 'skipped', reason: 'visit-ended' },
        sent: stateFile.save(state),
      };
    }
    const { event, customerId } = input;
    noteClient(customerId, input.clientId);
    if (event.kind === 'store-enter') state = startVisit(state, customerId, event.at);
    if (catalogue === null) return skipped('no-catalogue');
    const profile = await options.profileOf(customerId);
    if (profile === null) return skipped('unknown-customer');
    const started = performance.now();
    const decision = decide(event, {
      index: catalogue.index,
      calendar: catalogue.calendar,
      profile,
      facts: factsOfProfile(profile, storeId, event.at),
      state,
    });
    metrics.decisionSeconds.observe((performance.now() - started) / 1000);
    metrics.decisions.inc({ outcome: decision.deliveries.length > 0 ? 'delivered' : 'nothing' });
    state = recordDeliveries(state, decision.record);
    const decisionId = decisionIdOf(input.sourceKey, customerId);
    const sent = stateFile.save(state).then(async () => {
      await Promise.all(
        decision.deliveries.map((delivery, index) =>
          deliverAndReport(delivery, {
            index,
            decisionId,
            event,
            customerId,
            deliveries: decision.deliveries,
          }),
        ),
      );
    });
    return { outcome: { outcome: 'decided', decision, decisionId }, sent };
  }

  function skipped(reason: 'no-catalogue' | 'unknown-customer'): Decided {
    metrics.decisions.inc({ outcome: reason });
    return { outcome: { outcome: 'skipped', reason }, sent: Promise.resolve() };
  }

  async function deliverAndReport(
    delivery: Decision['deliveries'][number],
    context: {
      index: number;
      decisionId: string;
      event: Extract<EngagementInput, { kind: 'decide' }>['event'];
      customerId: string;
      deliveries: readonly Decision['deliveries'][number][];
    },
  ) {
    const { index, decisionId, event, customerId, deliveries } = context;
    const at = now();
    const outcome = await options
      .deliver(delivery, { decisionId, index, at, deliveries })
      .catch((error: unknown) => {
        logger.warn({ err: error, campaignId: delivery.campaignId }, 'delivery failed');
        return 'failed' as const;
      });
    metrics.deliveries.inc({ action: delivery.kind, outcome });
    const zoneId = 'zoneId' in event ? event.zoneId : null;
    const fact = { storeId, decisionId, index, delivery, trigger: event.kind, zoneId, outcome, at };
    await options
      .report(deliveryEvent(fact, customerId))
      .catch((error: unknown) =>
        logger.error({ err: error, decisionId }, 'could not report a delivery'),
      );
  }

  /** Decides on one input in turn; resolves with what became of it, once it went out. */
  function handle(input: EngagementInput): Promise<EngineOutcome> {
    const next = queue.then(() => run(input));
    queue = next.catch((error: unknown) => {
      metrics.decisions.inc({ outcome: 'error' });
      logger.error({ err: error }, 'engagement decision failed');
    });
    const done = next.then(async ({ outcome, sent }) => {
      await sent;
      return outcome;
    });
    const tracked = done.catch((error: unknown) => {
      logger.error({ err: error }, 'engagement state not written; nothing delivered');
    });
    sending.add(tracked);
    void tracked.finally(() => sending.delete(tracked));
    return done;
  }

  return {
    /** Reads the state the edge kept; an unreadable file starts empty, logged. */
    async load(): Promise<void> {
      const read = await stateFile.read();
      if (read.outcome === 'loaded') state = read.state;
      if (read.outcome === 'invalid') {
        logger.error({ detail: read.detail }, 'engagement state unreadable; starting empty');
      }
    },
    /** Decides with this catalogue from now on; state of campaigns no longer in it goes. */
    useCatalogue(stored: StoredCatalogue): void {
      const index = buildCampaignIndex(stored.catalogue);
      catalogue = {
        version: stored.version,
        index,
        calendar: createZonedCalendar(stored.timeZone),
        liveCampaignIds: new Set(stored.catalogue.campaigns.map((campaign) => campaign.id)),
        content: new Map(stored.catalogue.content.map((item) => [item.id, item])),
        offers: new Map(stored.catalogue.offers.map((offer) => [offer.id, offer])),
      };
      prune();
      metrics.catalogueCampaigns.set(index.size);
      logger.info(
        { version: stored.version, campaigns: index.size },
        'engagement catalogue in use',
      );
    },
    catalogueVersion: (): string | null => catalogue?.version ?? null,
    /**
     * The organisation's delivery counts from the cloud: a budget other stores spent stops
     * here too. A count below this edge's own (deliveries not yet uploaded) lowers nothing.
     */
    useBudgetCounts(spent: Readonly<Record<string, number>>): void {
      state = mergeBudgetCounts(state, spent);
    },
    /** A content item of the catalogue's campaigns, for the screens that show it. */
    campaignContent: (contentId: string): ScreenContentItem | null =>
      catalogue?.content.get(contentId) ?? null,
    /** An offer of the catalogue in use (its redemption limit), or null. */
    offerOf: (offerId: string): Offer | null => catalogue?.offers.get(offerId) ?? null,
    /** The app the customer last checked in with here, where a phone offer goes. */
    clientOf: (customerId: string): string | null => clients.get(customerId) ?? null,
    /** A fact the edge reported: decided in turn, never holding up the reporter. */
    observe(fact: IngestEvent): void {
      if (fact.store !== storeId) return;
      const input = engagementInputOf(fact);
      if (input === null) return;
      void handle(input).catch(() => {});
    },
    handle,
    /** Waits for the decisions under way and the state on disk. */
    async stop(): Promise<void> {
      await queue;
      await Promise.all(sending);
      prune();
      await stateFile.save(state);
    },
    state: (): EngagementState => state,
  };
}

export type EngagementEngine = ReturnType<typeof createEngagementEngine>;
