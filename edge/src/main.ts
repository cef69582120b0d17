import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ArrivalAlert } from '@vitrine/shared';
import type { EdgeMqttAdapter, MqttConnect } from './broker/edge-mqtt-adapter.ts';
import { createCloudClient } from './cloud/cloud-client.ts';
import { composeBroker, composeIntake } from './compose/compose-broker.ts';
import { composeCheckIns, composeLateCheckIns } from './compose/compose-check-ins.ts';
import { composeEngagement } from './compose/compose-engagement.ts';
import { composeFleet } from './compose/compose-fleet.ts';
import { composeHttp } from './compose/compose-http.ts';
import { composeIdentity } from './compose/compose-identity.ts';
import { composeOffers } from './compose/compose-offers.ts';
import { composeOutbox } from './compose/compose-outbox.ts';
import { composePresence } from './compose/compose-presence.ts';
import { composeProfiles } from './compose/compose-profiles.ts';
import { composeScans } from './compose/compose-scans.ts';
import { composeScreens } from './compose/compose-screens.ts';
import { createStops, type EdgeContext } from './compose/edge-context.ts';
import { type EdgeConfig, EdgeConfigError, loadEdgeConfig } from './config/edge-config.ts';
import { createRecentBuffer } from './domain/recent-alerts.ts';
import { createRecentArrivals } from './domain/recent-arrivals.ts';
import { createSyncedFeeds } from './fleet/synced-feeds.ts';
import { createRejectionReporter } from './intake/rejection-reporter.ts';
import { createEdgeMetrics, type EdgeMetrics } from './observability/edge-metrics.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { loadLayoutFile } from './presence/layout-file.ts';
import type { PresenceService } from './presence/presence-service.ts';
import { openArrivalClaimDesk } from './realtime/arrival-claim-desk.ts';
import { createAssociateSockets } from './realtime/associate-socket.ts';
import { createCloudTokenVerifier, type TokenVerifier } from './realtime/token-verifier.ts';
import type { Publish } from './scans/scan-answer-publisher.ts';
import type { LocalProfileStore } from './store/local-profile-store.ts';

/** What a caller (a test, the demo launcher) may put in place of the defaults. */
export interface EdgeDeps {
  logger?: Logger;
  metrics?: EdgeMetrics;
  tokenVerifier?: TokenVerifier;
  fetch?: typeof globalThis.fetch;
  /** Clock of the profile cache and latency measurements. */
  now?: () => number;
  mqttConnect?: MqttConnect;
  /** The local profile store; PGlite in `<dataDir>/profiles` by default. */
  localStore?: LocalProfileStore;
  /** Imports noble for BLE_SOURCE=noble (tests pass a fake module). */
  loadNoble?: () => Promise<unknown>;
}

export interface RunningEdge {
  httpUrl: string;
  mqttUrl: string;
  metrics: EdgeMetrics;
  /** Presence, when the edge runs on a store layout. */
  presence: PresenceService | null;
  stop(): Promise<void>;
}

/**
 * The composition root: config → broker → outbox → identity → profiles → flows → engagement
 * → HTTP and sockets → MQTT intake → presence; each part stops in the reverse order.
 */
export async function startEdge(config: EdgeConfig, deps: EdgeDeps = {}): Promise<RunningEdge> {
  const startedAt = new Date();
  const logger = deps.logger ?? createLogger({ level: config.logLevel, storeId: config.storeId });
  const metrics = deps.metrics ?? createEdgeMetrics();
  const stops = createStops(logger);
  const context: EdgeContext = {
    config,
    logger,
    metrics,
    now: deps.now ?? Date.now,
    fetch: deps.fetch ? { fetch: deps.fetch } : {},
    onStop: stops.onStop,
  };
  // Each cloud feed's last sync, for the edge's report.
  const feeds = createSyncedFeeds();

  try {
    // Read first: a wrong layout refuses the start before anything listens.
    const layout = config.presence.layoutFile
      ? await loadLayoutFile(config.presence.layoutFile, config.storeId)
      : null;
    const { broker, mqttUrl } = await composeBroker(context);
    const cloud = createCloudClient({
      baseUrl: config.cloudUrl,
      token: config.cloudToken,
      timeoutMs: config.lookupTimeoutMs,
      ...context.fetch,
    });
    const outbox = await composeOutbox(context);
    const lateCheckIns = await composeLateCheckIns(context);
    const { presence, codes } = await composeIdentity(context, {
      lateCheckIns: () => lateCheckIns.window(context.now()),
      feeds,
    });
    const { localProfiles, profileCache } = composeProfiles(context, {
      localStore: deps.localStore,
      outbox,
      feeds,
    });

    const reject = createRejectionReporter({ metrics, logger });
    const offers = await composeOffers(context, { outbox, presence, reject });
    const verifier = deps.tokenVerifier ?? createCloudTokenVerifier(config.cloudUrl);
    const recentAlerts = createRecentBuffer<ArrivalAlert>(100);
    const recentArrivals = createRecentArrivals();
    const claims = await openArrivalClaimDesk({
      storeId: config.storeId,
      dir: config.dataDir,
      outbox,
      registry: metrics.registry,
      logger,
      now: context.now,
    });
    const sockets = createAssociateSockets({
      storeId: config.storeId,
      verifier,
      storeName: storeNameFrom(cloud, config.storeId),
      metrics,
      logger,
      claims,
      offers: offers.desk,
    });
    const { checkIns, loyaltyScans } = composeCheckIns(context, {
      cloud,
      presence,
      lateCheckIns,
      localProfiles,
      profileCache,
      recentAlerts,
      recentArrivals,
      pushAlert: (alert) => sockets.pushAlert(alert),
      outbox,
      reject,
    });
    // Scan answers and campaign deliveries go out through the MQTT client, which starts
    // once the flows exist.
    let mqtt: EdgeMqttAdapter | null = null;
    const publish: Publish = async (topic, payload, options) => {
      if (mqtt === null) throw new Error('the MQTT client is not started yet');
      await mqtt.publish(topic, payload, options);
    };
    const { tickets, qrScans } = await composeScans(context, {
      presence,
      codes,
      loyaltyScans,
      profileCache,
      localProfiles,
      outbox,
      reject,
      publish,
      recentAlerts,
      pushAlert: (alert) => sockets.pushAlert(alert),
    });
    // Before the intake and presence start: it answers every fact they report.
    const engagement = await composeEngagement(context, {
      cloud,
      localProfiles,
      profileCache,
      outbox,
      pushSuggestion: (suggestion) => sockets.pushSuggestion(suggestion),
      publish,
      offers: offers.desk,
      feeds,
    });
    const presenceService = layout
      ? composePresence(context, {
          layout,
          mqttUrl,
          presence,
          checkIns,
          recentArrivals,
          outbox,
          sourceClock: deps.now ? { now: deps.now } : {},
          loadNoble: deps.loadNoble ? { loadNoble: deps.loadNoble } : {},
        })
      : null;
    let brokerConnected = false;
    const zones = presenceService?.zones;
    const screens = await composeScreens(context, {
      mqttUrl,
      outbox,
      reject,
      campaignContent: (contentId) => engagement.campaignContent(contentId),
      feeds,
    });
    const httpUrl = await composeHttp(context, {
      health: () => ({ brokerConnected, uptimeSeconds: (Date.now() - startedAt.getTime()) / 1000 }),
      cloud,
      verifier,
      recentAlerts,
      sockets,
      loyaltyScans,
      tickets,
      offers: offers.desk,
      zones: zones ? { zones } : {},
      profiles: localProfiles,
      screens,
      mqttUrl,
    });
    mqtt = await composeIntake(context, {
      broker,
      mqttUrl,
      startedAt,
      // A check-in is acknowledged to the broker once in the outbox, while the alert goes on.
      handlers: {
        checkIn: (message) => checkIns.receive(message),
        qrScan: (message) => qrScans.handle(message),
        offerOpened: async (message) => {
          await offers.opened.handle(message);
        },
      },
      reject,
      onConnectionChange: (connected) => {
        brokerConnected = connected;
        metrics.brokerConnected.set(connected ? 1 : 0);
      },
      connect: deps.mqttConnect ? { connect: deps.mqttConnect } : {},
    });
    composeFleet(context, {
      startedAt,
      httpUrl,
      mqttUrl,
      broker: broker ? 'embedded' : 'external',
      brokerConnected: () => brokerConnected,
      outbox,
      feeds,
      layout,
      screens: screens.devices,
    });
    if (presenceService) {
      await presenceService.start();
      stops.onStop('presence', () => presenceService.stop());
      const sources = presenceService.sources().map((source) => source.name);
      logger.info({ sources }, 'presence started');
    }
    logger.info({ mqttUrl, httpUrl }, 'edge started');
    return { httpUrl, mqttUrl, metrics, presence: presenceService, stop: stops.stopAll };
  } catch (error) {
    await stops.stopAll();
    throw error;
  }
}

/** The store's display name, asked of the cloud until it answers; its id meanwhile. */
function storeNameFrom(cloud: ReturnType<typeof createCloudClient>, storeId: string) {
  let storeName: string | null = null;
  return async (): Promise<string> => {
    if (storeName) return storeName;
    const lookup = await cloud.fetchStore(storeId);
    if (lookup.outcome === 'found') storeName = lookup.store.name;
    return storeName ?? storeId;
  };
}

/** Run from the environment; refuse to start on a bad config; stop cleanly on a signal. */
async function runFromEnvironment() {
  let config: EdgeConfig;
  try {
    config = loadEdgeConfig(process.env);
  } catch (error) {
    if (!(error instanceof EdgeConfigError)) throw error;
    process.stderr.write(`edge: refusing to start: ${error.problems.join('; ')}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel, storeId: config.storeId });
  const edge = await startEdge(config, { logger }).catch((error: unknown) => {
    logger.fatal({ err: error }, 'edge failed to start');
    process.exit(1);
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    void edge.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) await runFromEnvironment();
