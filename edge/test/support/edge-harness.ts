import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ArrivalAlert,
  type AssociateHello,
  buildTopic,
  type CampaignSuggestion,
  type CheckIn,
  type CustomerProfile,
  createEnvelope,
  type EngagementFeed,
} from '@vitrine/shared';
import type { MqttClient } from 'mqtt';
import { type Logger, pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { type Env, loadEdgeConfig } from '../../src/config/edge-config.ts';
import { type EdgeDeps, startEdge } from '../../src/main.ts';
import { createEdgeMetrics } from '../../src/observability/edge-metrics.ts';
import { createMemoryProfileStore } from '../../src/store/memory-profile-store.ts';
import { startFakeCloud } from './fake-cloud.ts';
import { checkInMessage, connectPublisher, forgetStore } from './mqtt-helpers.ts';
import { type EnrolledApp, proofFor } from './passes.ts';
import { buildProfile } from './profiles.ts';
import { uniqueSuffix, waitFor } from './wait.ts';

export interface HarnessOptions {
  env?: Env;
  logger?: Logger;
  deps?: EdgeDeps;
  /** A store layout for the harness's store: the edge then runs presence on it. */
  layout?: (storeId: string) => unknown;
  /** Customers the cloud knows besides the two every harness has. */
  profiles?: CustomerProfile[];
  /** The store's engagement feed from the start (the cloud answers 503 without one). */
  engagementFeed?: (storeId: string) => EngagementFeed;
  /**
   * The store and data folder to run on, the caller's to remove: a second edge on them
   * starts again where the first stopped.
   */
  home?: { storeId: string; dataDir: string };
}

export interface AssociateClient {
  socket: Socket;
  alerts: ArrivalAlert[];
  /** Campaign suggestions pushed to the store's associates. */
  suggestions: CampaignSuggestion[];
  hello: AssociateHello | null;
  /** The connect error message, when the edge refused the socket. */
  refusal: string | null;
}

/** A fake cloud, an edge on its own store (embedded aedes, or MQTT_URL), and helpers. */
export async function startHarness({
  env = {},
  logger,
  deps = {},
  layout,
  profiles: extraProfiles = [],
  engagementFeed,
  home,
}: HarnessOptions = {}) {
  const storeId = home?.storeId ?? `sto_test-${uniqueSuffix()}`;
  const profiles = [
    buildProfile(),
    buildProfile({
      id: 'cus_000002',
      firstName: 'Élise',
      tier: 'gold',
      homeStoreId: 'sto_paris-rivoli',
      homeStoreName: 'Paris',
    }),
  ];
  const cloud = await startFakeCloud({ storeId, profiles: [...profiles, ...extraProfiles] });
  if (engagementFeed) cloud.state.engagementFeed = engagementFeed(storeId);
  const dataDir = home?.dataDir ?? (await mkdtemp(join(tmpdir(), 'vitrine-edge-')));
  const layoutFile = join(dataDir, 'layout.json');
  if (layout) await writeFile(layoutFile, JSON.stringify(layout(storeId)));
  const config = loadEdgeConfig({
    EDGE_DATA_DIR: dataDir,
    // Tests check the same customer in many times a minute; the flood test lowers this.
    EDGE_PASS_RATE_BURST: '100',
    EDGE_STORE_ID: storeId,
    EDGE_CLOUD_URL: cloud.url,
    EDGE_CLOUD_TOKEN: cloud.edgeToken,
    EDGE_HTTP_PORT: '0',
    EDGE_MQTT_PORT: '0',
    MQTT_URL: process.env.MQTT_URL,
    LOG_LEVEL: 'silent',
    ...(layout ? { EDGE_LAYOUT_FILE: layoutFile } : {}),
    ...env,
  });
  const metrics = createEdgeMetrics({ defaultMetrics: false });
  const edge = await startEdge(config, {
    logger: logger ?? pino({ level: 'silent' }),
    metrics,
    // A fresh PGlite costs seconds per edge; local-store.test.ts covers the PGlite store.
    localStore: createMemoryProfileStore(),
    ...deps,
  });
  const sockets: Socket[] = [];
  // One enrolled phone per customer, as in life: every check-in shows the same pass.
  const apps = new Map<string, Promise<EnrolledApp>>();
  // Phones agree with the edge's clock (a fake one, when the test gives it).
  const clock = () => deps.now?.() ?? Date.now();
  function appOf(customerId: string): Promise<EnrolledApp> {
    let app = apps.get(customerId);
    if (!app) {
      app = cloud.enrol(customerId, { issuedAt: Math.floor(clock() / 1000) - 60 });
      apps.set(customerId, app);
    }
    return app;
  }
  async function checkInData(
    customerId: string,
    clientId = 'app-1',
    at = new Date(clock()),
    method: CheckIn['method'] = 'app',
  ): Promise<CheckIn> {
    const app = await appOf(customerId);
    return { pass: app.pass, proof: await proofFor(app, storeId, at), method, clientId };
  }
  let publisher: MqttClient | undefined;

  async function publishRaw(topic: string, payload: string | Buffer) {
    publisher ??= await connectPublisher(edge.mqttUrl, `app-pub-${uniqueSuffix()}`);
    await publisher.publishAsync(topic, payload, { qos: 1 });
  }

  async function counter(name: string, labels: Record<string, string> = {}): Promise<number> {
    const metric = metrics.registry.getSingleMetric(name);
    if (!metric) throw new Error(`no metric ${name}`);
    const { values } = await metric.get();
    const matches = values.filter((value) =>
      Object.entries(labels).every(([key, expected]) => value.labels[key] === expected),
    );
    return matches.reduce((sum, value) => sum + value.value, 0);
  }

  function waitForCounter(name: string, labels: Record<string, string> = {}, atLeast = 1) {
    return waitFor(
      async () => {
        const value = await counter(name, labels);
        return value >= atLeast ? value : undefined;
      },
      { what: `${name}${JSON.stringify(labels)} ≥ ${atLeast}` },
    );
  }

  return {
    storeId,
    cloud,
    edge,
    dataDir,
    appOf,
    checkInData,
    metrics,
    publishRaw,
    checkInTopic: (clientId = 'app-1') => buildTopic('checkIn', { store: storeId, clientId }),
    envelope: <T>(data: T, store = storeId) => createEnvelope(store, data, { at: new Date() }),
    async publishCheckIn(customerId: string, clientId = 'app-1', at = new Date(clock())) {
      const message = checkInMessage(storeId, await checkInData(customerId, clientId, at), at);
      await publishRaw(message.topic, message.payload);
    },
    async tokenFor(who: 'aiko' | 'camille') {
      return who === 'aiko'
        ? cloud.signToken({ sub: 'asc_aiko', role: 'associate', store: storeId, name: 'Aiko' })
        : cloud.signToken({
            sub: 'asc_camille',
            role: 'associate',
            store: 'sto_paris-rivoli',
            name: 'Camille',
          });
    },
    /** Connects a socket.io client; resolves on hello or on refusal. */
    async connectAssociate(auth: Record<string, unknown>): Promise<AssociateClient> {
      const socket = io(edge.httpUrl, { auth, reconnection: false, transports: ['websocket'] });
      sockets.push(socket);
      const client: AssociateClient = {
        socket,
        alerts: [],
        suggestions: [],
        hello: null,
        refusal: null,
      };
      socket.on('alert', (alert: ArrivalAlert) => client.alerts.push(alert));
      socket.on('suggestion', (suggestion: CampaignSuggestion) =>
        client.suggestions.push(suggestion),
      );
      await new Promise<void>((resolve) => {
        socket.on('hello', (hello: AssociateHello) => {
          client.hello = hello;
          resolve();
        });
        socket.on('connect_error', (error) => {
          client.refusal = error.message;
          resolve();
        });
      });
      return client;
    },
    counter,
    waitForCounter,
    async close() {
      for (const socket of sockets) socket.disconnect();
      await publisher?.endAsync();
      await edge.stop();
      await cloud.close();
      if (process.env.MQTT_URL) await forgetStore(process.env.MQTT_URL, storeId);
      // The local stores may still be closing files: retry rather than fail the test.
      if (!home) {
        await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      }
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
