import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ArrivalAlert, type CustomerProfile, topicFilter } from '@vitrine/shared';
import {
  createEdgeMqttAdapter,
  edgeClientId,
  type MqttConnect,
} from './broker/edge-mqtt-adapter.ts';
import { type EmbeddedBroker, startEmbeddedBroker } from './broker/embedded-broker.ts';
import { createCloudClient } from './cloud/cloud-client.ts';
import { type EdgeConfig, EdgeConfigError, loadEdgeConfig } from './config/edge-config.ts';
import { createLruTtlCache } from './domain/profile-cache.ts';
import { createRecentBuffer } from './domain/recent-alerts.ts';
import { createRecentArrivals } from './domain/recent-arrivals.ts';
import { createCheckInFlow } from './flows/check-in-flow.ts';
import { createContentScanFlow } from './flows/content-scan-flow.ts';
import { createLoyaltyScanFlow } from './flows/loyalty-scan-flow.ts';
import { createProfileReader } from './flows/profile-reader.ts';
import { createQrScanRouter } from './flows/qr-scan-router.ts';
import { createTicketFlow } from './flows/ticket-flow.ts';
import { createHttpApp } from './http/http-app.ts';
import { listenHttp } from './http/http-server.ts';
import { createCodeVerifier } from './identity/code-verifier.ts';
import { createIdentityFile } from './identity/identity-file.ts';
import { createIdentityMetrics } from './identity/identity-metrics.ts';
import { createIdentitySync } from './identity/identity-sync.ts';
import { createPresenceVerifier } from './identity/presence-verifier.ts';
import { createMessageIntake } from './intake/message-intake.ts';
import { createRejectionReporter } from './intake/rejection-reporter.ts';
import { createEdgeMetrics, type EdgeMetrics } from './observability/edge-metrics.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { DurableOutbox } from './outbox/durable-outbox.ts';
import { createIngestClient } from './outbox/ingest-client.ts';
import { createOutboxMetrics } from './outbox/outbox-metrics.ts';
import { createOutboxUploader } from './outbox/outbox-uploader.ts';
import { loadLayoutFile } from './presence/layout-file.ts';
import { createPresenceArrivals } from './presence/presence-arrivals.ts';
import { createPresenceMetrics } from './presence/presence-metrics.ts';
import { createPresenceService, type PresenceService } from './presence/presence-service.ts';
import { createPresenceSources } from './presence/presence-sources.ts';
import { randomSalt } from './presence/random-salt.ts';
import { createAssociateSockets } from './realtime/associate-socket.ts';
import { createCloudTokenVerifier, type TokenVerifier } from './realtime/token-verifier.ts';
import { createAdmissionLog } from './scans/admission-log.ts';
import { createScanAnswerPublisher } from './scans/scan-answer-publisher.ts';
import { createScanMetrics } from './scans/scan-metrics.ts';
import { createDeferredProfileStore } from './store/deferred-profile-store.ts';
import type { LocalProfileStore } from './store/local-profile-store.ts';
import { openWorkerProfileStore } from './store/worker-profile-store.ts';
import { createProfileFeedClient } from './sync/profile-feed-client.ts';
import { createProfileSync } from './sync/profile-sync.ts';
import { createSyncMetrics } from './sync/sync-metrics.ts';
import { EDGE_VERSION } from './version.ts';

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

/** The composition root: config → logger/metrics → broker → MQTT → cloud → HTTP/sockets → flows. */
export async function startEdge(config: EdgeConfig, deps: EdgeDeps = {}): Promise<RunningEdge> {
  const startedAt = new Date();
  const logger = deps.logger ?? createLogger({ level: config.logLevel, storeId: config.storeId });
  const metrics = deps.metrics ?? createEdgeMetrics();
  const now = deps.now ?? Date.now;
  const stops: { name: string; stop: () => Promise<void> }[] = [];

  async function stopAll() {
    for (const { name, stop } of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) =>
        logger.error({ err: error, part: name }, 'stop failed'),
      );
    }
  }

  try {
    // Read first: a wrong layout refuses the start before anything listens.
    const layout = config.presence.layoutFile
      ? await loadLayoutFile(config.presence.layoutFile, config.storeId)
      : null;
    let broker: EmbeddedBroker | null = null;
    if (!config.mqttUrl) {
      // The edge takes its messages in the broker's process (see takeInProcess below).
      broker = await startEmbeddedBroker({
        port: config.mqttPort,
        host: config.mqttHost,
        inProcess: true,
      });
      const embedded = broker;
      stops.push({ name: 'embedded broker', stop: () => embedded.close() });
      logger.info({ url: broker.url }, 'embedded broker listening');
    }
    const mqttUrl = config.mqttUrl ?? broker?.url ?? '';

    const cloud = createCloudClient({
      baseUrl: config.cloudUrl,
      token: config.cloudToken,
      timeoutMs: config.lookupTimeoutMs,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    // Opened before anything can report, stopped after the MQTT intake: the last check-ins
    // are on disk, then uploaded as far as the flush allows.
    const outboxMetrics = createOutboxMetrics({ registry: metrics.registry, now });
    const outbox = new DurableOutbox({
      dir: join(config.dataDir, 'outbox'),
      now,
      metrics: outboxMetrics,
    });
    const recovery = await outbox.open();
    stops.push({ name: 'outbox', stop: () => outbox.close() });
    logger.info({ dir: join(config.dataDir, 'outbox'), ...recovery }, 'outbox opened');
    const uploader = createOutboxUploader({
      outbox,
      send: createIngestClient({
        baseUrl: config.cloudUrl,
        token: config.cloudToken,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      }),
      metrics: outboxMetrics,
      logger,
    });
    uploader.start();
    stops.push({ name: 'outbox uploader', stop: () => uploader.stop() });
    const verifier = deps.tokenVerifier ?? createCloudTokenVerifier(config.cloudUrl);
    const recentAlerts = createRecentBuffer<ArrivalAlert>(100);
    const recentArrivals = createRecentArrivals();
    let brokerConnected = false;

    let storeName: string | null = null;
    async function resolveStoreName(): Promise<string> {
      if (storeName) return storeName;
      const lookup = await cloud.fetchStore(config.storeId);
      if (lookup.outcome === 'found') storeName = lookup.store.name;
      return storeName ?? config.storeId;
    }

    const sockets = createAssociateSockets({
      storeId: config.storeId,
      verifier,
      storeName: resolveStoreName,
      metrics,
      logger,
    });
    // Passes are verified offline with what was last synced, kept on disk for a restart
    // without the cloud.
    const identityMetrics = createIdentityMetrics(metrics.registry);
    const presence = createPresenceVerifier({
      storeId: config.storeId,
      metrics: identityMetrics,
      logger,
      now,
      skewSteps: config.proofSkewSteps,
      rateLimit: { burst: config.passRateBurst, perMinute: config.passRatePerMin },
    });
    // Content codes and tickets are verified with the same synced keys as passes.
    const codes = createCodeVerifier({ now });
    const identitySync = createIdentitySync({
      cloudUrl: config.cloudUrl,
      token: config.cloudToken,
      storeId: config.storeId,
      file: createIdentityFile(join(config.dataDir, 'identity')),
      verifier: presence,
      codeVerifier: codes,
      metrics: identityMetrics,
      logger,
      intervalMs: config.identitySyncMs,
      now,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    await identitySync.start();
    stops.push({ name: 'identity sync', stop: async () => identitySync.stop() });

    const reject = createRejectionReporter({ metrics, logger });
    // The profiles this store is likely to need, on disk: synced from the cloud as a
    // snapshot then deltas, and looked up before the cloud is asked. A first start of
    // PGlite takes seconds: the edge serves check-ins from the cloud meanwhile. PGlite
    // runs on a thread of its own, so that writing a snapshot never stalls the broker.
    const localProfiles =
      deps.localStore ??
      createDeferredProfileStore(
        openWorkerProfileStore({ dataDir: join(config.dataDir, 'profiles') }),
        {
          onOpenFailed: (error) =>
            logger.error({ err: error }, 'local profile store not opened; using the cloud alone'),
        },
      );
    stops.push({ name: 'local profile store', stop: () => localProfiles.close() });
    const profileCache = createLruTtlCache<CustomerProfile>({
      maxEntries: config.profileCacheMax,
      ttlMs: config.profileCacheTtlMs,
    });
    const profileSync = createProfileSync({
      feed: createProfileFeedClient({
        baseUrl: config.cloudUrl,
        token: config.cloudToken,
        storeId: config.storeId,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      }),
      store: localProfiles,
      metrics: createSyncMetrics(metrics.registry),
      logger,
      // A changed, erased or departed customer must not be served from memory either.
      onApplied: ({ upserted, erased, removed }) => {
        for (const customerId of [...upserted, ...erased, ...removed]) {
          profileCache.delete(customerId);
        }
      },
      // What waits in the outbox about an erased customer never reaches the cloud.
      purgeReports: (customerIds) => outbox.purgeCustomers(customerIds),
      pageSize: config.syncPageSize,
      intervalMs: config.syncIntervalMs,
    });
    profileSync.start();
    stops.push({ name: 'profile sync', stop: () => profileSync.stop() });

    const checkIns = createCheckInFlow({
      storeId: config.storeId,
      cloud,
      cache: profileCache,
      localProfiles,
      demandFreshMs: config.profileCacheTtlMs,
      recentAlerts,
      recentArrivals,
      pushAlert: (alert) => sockets.pushAlert(alert),
      reject,
      verify: (presented, source) => presence.verify(presented, source),
      report: (event) => outbox.append(event),
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
    // Admissions at the door survive a restart: a ticket never admits one person too many.
    const admissions = createAdmissionLog({ dir: join(config.dataDir, 'tickets'), now });
    logger.info(await admissions.open(), 'ticket admissions read back');
    stops.push({ name: 'ticket admissions', stop: () => admissions.close() });
    const scanMetrics = createScanMetrics(metrics.registry);
    const answer = createScanAnswerPublisher({
      storeId: config.storeId,
      publish: (topic, payload, options) => mqtt.publish(topic, payload, options),
      logger,
      now,
    });
    const tickets = createTicketFlow({
      storeId: config.storeId,
      codes,
      admissions,
      answer,
      report: (event) => outbox.append(event),
      reject,
      scanMetrics,
      logger,
      now,
    });
    const qrScans = createQrScanRouter({
      loyalty: loyaltyScans,
      tickets,
      content: createContentScanFlow({
        storeId: config.storeId,
        verify: (presented, source) => presence.verify(presented, source),
        codes,
        readProfile: createProfileReader({ cache: profileCache, localProfiles, logger, now }),
        answer,
        report: (event) => outbox.append(event),
        reject,
        scanMetrics,
        metrics,
        logger,
      }),
    });
    // Presence: the store's nodes, ESPresense nodes, the apps' ranging and the gateway's
    // radio feed one tracker; a consenting customer's entry is announced like a check-in.
    let presenceService: PresenceService | null = null;
    if (layout) {
      const presenceMetrics = createPresenceMetrics(metrics.registry);
      presenceService = createPresenceService({
        storeId: config.storeId,
        layout,
        sources: createPresenceSources({
          config: config.presence,
          layout,
          storeId: config.storeId,
          mqttUrl,
          verify: (presented, source) => presence.verify(presented, source),
          metrics,
          presenceMetrics,
          logger,
          ...(deps.now ? { now: deps.now } : {}),
          ...(deps.loadNoble ? { loadNoble: deps.loadNoble } : {}),
        }),
        metrics: presenceMetrics,
        logger,
        newSalt: randomSalt,
        knownDevices: new Set(config.presence.knownDevices),
        onEvent: createPresenceArrivals({
          announce: (arrival) => checkIns.announce(arrival),
          recentArrivals,
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
    const zones = presenceService?.zones;
    const app = createHttpApp({
      storeId: config.storeId,
      version: EDGE_VERSION,
      health: () => ({ brokerConnected, uptimeSeconds: (Date.now() - startedAt.getTime()) / 1000 }),
      registry: metrics.registry,
      cloud,
      verifier,
      recentAlerts,
      displaysDir: config.displaysDir,
      scans: loyaltyScans,
      tickets,
      ...(zones ? { zones } : {}),
      logger,
    });
    const http = await listenHttp({
      fetch: app.fetch,
      port: config.httpPort,
      hostname: config.httpHost,
    });
    sockets.attach(http.server);
    stops.push({
      name: 'http and sockets',
      // socket.io closes the HTTP server it is attached to.
      stop: async () => {
        http.server.closeAllConnections();
        await sockets.close();
      },
    });
    logger.info({ url: http.url }, 'HTTP and associate sockets listening');

    const intake = createMessageIntake({
      handlers: {
        // Acknowledged to the broker once in the outbox, while the alert goes on its way.
        checkIn: (message) => checkIns.receive(message),
        qrScan: (message) => qrScans.handle(message),
      },
      metrics,
      logger,
      reject,
    });

    // Only the kinds the edge acts on today; sightings and ranging come with their flows.
    const intakeFilters = [
      topicFilter('checkIn', { store: config.storeId }),
      topicFilter('qrScan', { store: config.storeId }),
    ];
    // Embedded, the edge takes them before the phone's PUBACK: the broker dies with the
    // edge, so only the phone's resend can bring back what a killed edge had not kept.
    broker?.takeInProcess({
      filters: intakeFilters,
      clientId: edgeClientId(config.storeId),
      handle: (topic, payload) => intake.handle(topic, payload),
    });
    const mqtt = createEdgeMqttAdapter({
      url: mqttUrl,
      storeId: config.storeId,
      version: EDGE_VERSION,
      startedAt,
      subscriptions: intakeFilters,
      onMessage: (topic, payload) => intake.handle(topic, payload),
      onConnectionChange: (connected) => {
        brokerConnected = connected;
        metrics.brokerConnected.set(connected ? 1 : 0);
      },
      logger,
      ...(deps.mqttConnect ? { connect: deps.mqttConnect } : {}),
    });
    await mqtt.start();
    stops.push({ name: 'mqtt', stop: () => mqtt.stop() });
    if (presenceService) {
      const running = presenceService;
      await running.start();
      stops.push({ name: 'presence', stop: () => running.stop() });
      logger.info({ sources: running.sources().map((source) => source.name) }, 'presence started');
    }
    logger.info({ mqttUrl, httpUrl: http.url }, 'edge started');

    return { httpUrl: http.url, mqttUrl, metrics, presence: presenceService, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
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
