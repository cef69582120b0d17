/**
 * The real cloud (seeded demo with its campaigns, PGlite or PostgreSQL) and the real edge
 * (embedded aedes or MQTT_URL): the edge takes the store's catalogue from the cloud's
 * engagement feed, a top-tier customer checks in, the store's associate gets the VIP
 * welcome's suggestion, and the cloud stores the delivery the edge reported.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildTopic,
  type CampaignSuggestion,
  createEnvelope,
  loginResponseSchema,
} from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import { connectAsync, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadEdgeConfig } from '../src/config/edge-config.ts';
import { type RunningEdge, startEdge } from '../src/main.ts';
import { createEdgeMetrics, type EdgeMetrics } from '../src/observability/edge-metrics.ts';
import { enrolWallets, presentWallet } from '../src/simulator/loyalty-wallets.ts';
import { createMemoryProfileStore } from '../src/store/memory-profile-store.ts';
import { forgetStore } from './support/mqtt-helpers.ts';
import { type OutboxCloud, startOutboxCloud } from './support/outbox-cloud.ts';
import { waitFor } from './support/wait.ts';

const STORE = 'sto_tokyo-ginza';
const VIP_WELCOME = 'cmp_demo-vip-welcome-tokyo-ginza';

let cloud: OutboxCloud;
let edge: RunningEdge;
let metrics: EdgeMetrics;
let phone: MqttClient;
let associate: Socket;
const suggestions: CampaignSuggestion[] = [];

async function login(email: string): Promise<string> {
  const response = await fetch(`${cloud.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'vitrine-demo' }),
  });
  return loginResponseSchema.parse(await response.json()).token;
}

async function counter(name: string, labels: Record<string, string> = {}): Promise<number> {
  const values = (await metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
  return values
    .filter((value) => Object.entries(labels).every(([key, want]) => value.labels[key] === want))
    .reduce((sum, value) => sum + value.value, 0);
}

beforeAll(async () => {
  cloud = await startOutboxCloud();
  metrics = createEdgeMetrics({ defaultMetrics: false });
  const config = loadEdgeConfig({
    EDGE_STORE_ID: STORE,
    EDGE_CLOUD_URL: cloud.url,
    EDGE_CLOUD_TOKEN: await cloud.edgeToken(STORE),
    EDGE_HTTP_PORT: '0',
    EDGE_MQTT_PORT: '0',
    EDGE_SYNC_INTERVAL_MS: '200',
    MQTT_URL: process.env.MQTT_URL,
    EDGE_DATA_DIR: await mkdtemp(join(tmpdir(), 'vitrine-edge-')),
    LOG_LEVEL: 'silent',
  });
  edge = await startEdge(config, {
    logger: pino({ level: 'silent' }),
    metrics,
    localStore: createMemoryProfileStore(),
  });
  phone = await connectAsync(edge.mqttUrl, {
    clientId: 'app-engagement-e2e',
    reconnectPeriod: 100,
  });
  associate = io(edge.httpUrl, {
    auth: { token: await login('aiko@vitrine.demo') },
    reconnection: false,
    transports: ['websocket'],
  });
  associate.on('suggestion', (suggestion: CampaignSuggestion) => suggestions.push(suggestion));
  await new Promise<void>((resolve, reject) => {
    associate.on('hello', () => resolve());
    associate.on('connect_error', reject);
  });
}, 180_000);

afterAll(async () => {
  associate?.disconnect();
  await phone?.endAsync();
  await edge?.stop();
  if (process.env.MQTT_URL) await forgetStore(process.env.MQTT_URL, STORE);
  await cloud?.stop();
});

/** A seeded top-tier customer who agreed to profiling: the VIP welcome's audience. */
async function topTierCustomer(): Promise<string> {
  const result = await cloud.runtime.database.db.execute(sql`
    select id from customers
    where tier = 'platinum' and consent_profiling and consent_tracking
    order by id limit 1`);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  const [row] = rows as { id: string }[];
  if (!row) throw new Error('the demo has no top-tier customer');
  return row.id;
}

it('suggests the VIP welcome to the associate and the cloud stores the delivery', async () => {
  await waitFor(
    async () =>
      (await counter('vitrine_edge_engagement_catalogue_syncs_total', { outcome: 'changed' })) > 0
        ? true
        : undefined,
    { timeoutMs: 20_000, what: 'the catalogue from the cloud' },
  );
  const customerId = await topTierCustomer();
  const admin = await login('admin@vitrine.demo');
  const { wallets } = await enrolWallets({
    cloudUrl: cloud.url,
    token: admin,
    customerIds: [customerId],
  });
  const wallet = wallets.get(customerId);
  if (!wallet) throw new Error(`${customerId} is not enrolled`);
  const at = new Date();
  const checkIn = createEnvelope(
    STORE,
    { ...(await presentWallet(wallet, STORE, at)), method: 'app', clientId: 'app-engagement-e2e' },
    { at },
  );
  await phone.publishAsync(
    buildTopic('checkIn', { store: STORE, clientId: 'app-engagement-e2e' }),
    JSON.stringify(checkIn),
    { qos: 1 },
  );

  const suggestion = await waitFor(() => suggestions.find((s) => s.campaignId === VIP_WELCOME), {
    timeoutMs: 20_000,
    what: 'the VIP welcome suggestion',
  });
  expect(suggestion).toMatchObject({ customerId, storeId: STORE });
  expect(suggestion.suggestion).toContain('personal associate');
  const deliveryKey = await waitFor(
    async () => (await cloud.keysOf(STORE)).find((key) => key.startsWith('delivery:')),
    { timeoutMs: 20_000, what: 'the delivery stored by the cloud' },
  );
  expect(suggestion.suggestionId).toBe(`sug_${deliveryKey.slice('delivery:'.length)}`);
}, 90_000);
