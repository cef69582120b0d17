import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTopic, createEnvelope, loginResponseSchema } from '@vitrine/shared';
import { connectAsync, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { type EdgeConfig, loadEdgeConfig } from '../../src/config/edge-config.ts';
import { type RunningEdge, startEdge } from '../../src/main.ts';
import { createEdgeMetrics, type EdgeMetrics } from '../../src/observability/edge-metrics.ts';
import {
  enrolWallets,
  type LoyaltyWallet,
  presentWallet,
} from '../../src/simulator/loyalty-wallets.ts';
import { createMemoryProfileStore } from '../../src/store/memory-profile-store.ts';
import { forgetStore } from './mqtt-helpers.ts';
import { type OutboxCloud, startOutboxCloud } from './outbox-cloud.ts';
import { waitFor } from './wait.ts';

/** Every demo login shares this password. */
const DEMO_PASSWORD = 'vitrine-demo';

export interface RealCloudEdgeOptions {
  /** A store of the demo seed. */
  storeId: string;
  /** The MQTT client id of the customer's phone. */
  phoneId: string;
  syncIntervalMs?: number;
}

/**
 * The real cloud (the demo seed, on PGlite or DATABASE_URL) behind its ingest front, one
 * real edge of a demo store (embedded aedes or MQTT_URL) and a phone connected to it.
 */
export interface RealCloudEdge {
  cloud: OutboxCloud;
  config: EdgeConfig;
  /** The running edge: a new one after `restartEdge`. */
  readonly edge: RunningEdge;
  readonly metrics: EdgeMetrics;
  phone: MqttClient;
  /** A demo staff login's token, from the cloud or from the edge's own login route. */
  login(email: string, from?: 'cloud' | 'edge'): Promise<string>;
  /** The sum of an edge counter's values whose labels match. */
  counter(name: string, labels?: Record<string, string>): Promise<number>;
  /** Resolves once the counter reaches `n`. */
  atLeast(name: string, labels?: Record<string, string>, n?: number): Promise<true>;
  /** A pass for the customer's phone, issued by the cloud to an admin. */
  enrol(customerId: string): Promise<LoyaltyWallet>;
  /** The phone checks in with the wallet's pass and a fresh proof (QoS 1); the envelope's id. */
  checkIn(wallet: LoyaltyWallet, at?: Date): Promise<{ id: string }>;
  /** Stops the edge and starts it again on the same data folder. */
  restartEdge(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRealCloudEdge({
  storeId,
  phoneId,
  syncIntervalMs,
}: RealCloudEdgeOptions): Promise<RealCloudEdge> {
  const cloud = await startOutboxCloud();
  const config = loadEdgeConfig({
    EDGE_STORE_ID: storeId,
    EDGE_CLOUD_URL: cloud.url,
    EDGE_CLOUD_TOKEN: await cloud.edgeToken(storeId),
    EDGE_HTTP_PORT: '0',
    EDGE_MQTT_PORT: '0',
    ...(syncIntervalMs === undefined ? {} : { EDGE_SYNC_INTERVAL_MS: String(syncIntervalMs) }),
    MQTT_URL: process.env.MQTT_URL,
    EDGE_DATA_DIR: await mkdtemp(join(tmpdir(), 'vitrine-edge-')),
    LOG_LEVEL: 'silent',
  });
  let metrics = createEdgeMetrics({ defaultMetrics: false });
  const start = () =>
    startEdge(config, {
      logger: pino({ level: 'silent' }),
      metrics,
      localStore: createMemoryProfileStore(),
    });
  let edge = await start();
  const phone = await connectAsync(edge.mqttUrl, { clientId: phoneId, reconnectPeriod: 100 });

  async function login(email: string, from: 'cloud' | 'edge' = 'cloud'): Promise<string> {
    const url = from === 'cloud' ? `${cloud.url}/v1/auth/login` : `${edge.httpUrl}/api/login`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    return loginResponseSchema.parse(await response.json()).token;
  }

  async function counter(name: string, labels: Record<string, string> = {}): Promise<number> {
    const values = (await metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
    return values
      .filter((value) => Object.entries(labels).every(([key, want]) => value.labels[key] === want))
      .reduce((sum, value) => sum + value.value, 0);
  }

  return {
    cloud,
    config,
    get edge() {
      return edge;
    },
    get metrics() {
      return metrics;
    },
    phone,
    login,
    counter,
    atLeast: (name, labels = {}, n = 1) =>
      waitFor(async () => ((await counter(name, labels)) >= n ? true : undefined), {
        timeoutMs: 20_000,
        what: `${name}${JSON.stringify(labels)} ≥ ${n}`,
      }),
    async enrol(customerId) {
      const { wallets } = await enrolWallets({
        cloudUrl: cloud.url,
        token: await login('admin@vitrine.demo'),
        customerIds: [customerId],
      });
      const wallet = wallets.get(customerId);
      if (!wallet) throw new Error(`${customerId} is not enrolled`);
      return wallet;
    },
    async checkIn(wallet, at = new Date()) {
      const checkIn = createEnvelope(
        storeId,
        { ...(await presentWallet(wallet, storeId, at)), method: 'app', clientId: phoneId },
        { at },
      );
      await phone.publishAsync(
        buildTopic('checkIn', { store: storeId, clientId: phoneId }),
        JSON.stringify(checkIn),
        { qos: 1 },
      );
      return { id: checkIn.id };
    },
    async restartEdge() {
      await edge.stop();
      metrics = createEdgeMetrics({ defaultMetrics: false });
      edge = await start();
    },
    async stop() {
      await phone.endAsync();
      await edge.stop();
      if (process.env.MQTT_URL) await forgetStore(process.env.MQTT_URL, storeId);
      await cloud.stop();
    },
  };
}
