/**
 * A check-in queued at the edge while the cloud's ingest is down; the customer is erased
 * in the cloud meanwhile; the erasure reaches the edge by its sync; the cloud comes back.
 * The cloud then holds nothing of that customer: the edge dropped the queued reports
 * before uploading them. The real edge (startEdge) and the real cloud, embedded or on
 * PostgreSQL and Mosquitto (DATABASE_URL, MQTT_URL).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTopic, createEnvelope, loginResponseSchema } from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import { connectAsync, type MqttClient } from 'mqtt';
import { pino } from 'pino';
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
const CUSTOMER = 'cus_000007';

let cloud: OutboxCloud;
let admin: string;
let edge: RunningEdge;
let metrics: EdgeMetrics;
let phone: MqttClient;

beforeAll(async () => {
  cloud = await startOutboxCloud();
  const login = await fetch(`${cloud.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@vitrine.demo', password: 'vitrine-demo' }),
  });
  admin = loginResponseSchema.parse(await login.json()).token;
  metrics = createEdgeMetrics({ defaultMetrics: false });
  const config = loadEdgeConfig({
    EDGE_STORE_ID: STORE,
    EDGE_CLOUD_URL: cloud.url,
    EDGE_CLOUD_TOKEN: await cloud.edgeToken(STORE),
    EDGE_HTTP_PORT: '0',
    EDGE_MQTT_PORT: '0',
    EDGE_SYNC_INTERVAL_MS: '100',
    MQTT_URL: process.env.MQTT_URL,
    EDGE_DATA_DIR: await mkdtemp(join(tmpdir(), 'vitrine-edge-')),
    LOG_LEVEL: 'silent',
  });
  edge = await startEdge(config, {
    logger: pino({ level: 'silent' }),
    metrics,
    localStore: createMemoryProfileStore(),
  });
  phone = await connectAsync(edge.mqttUrl, { clientId: 'app-erasure', reconnectPeriod: 100 });
}, 60_000);

afterAll(async () => {
  await phone?.endAsync();
  await edge?.stop();
  if (process.env.MQTT_URL) await forgetStore(process.env.MQTT_URL, STORE);
  await cloud?.stop();
});

async function counter(name: string, labels: Record<string, string> = {}): Promise<number> {
  const values = (await metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
  return values
    .filter((value) => Object.entries(labels).every(([key, want]) => value.labels[key] === want))
    .reduce((sum, value) => sum + value.value, 0);
}

const atLeast = (name: string, labels: Record<string, string>, n = 1) =>
  waitFor(async () => ((await counter(name, labels)) >= n ? true : undefined), {
    timeoutMs: 20_000,
    what: `${name}${JSON.stringify(labels)} ≥ ${n}`,
  });

/** Every row of the cloud that still names the customer. */
async function tracesInCloud(customerId: string): Promise<number> {
  const result = await cloud.runtime.database.db.execute(sql`
    select (select count(*) from ingested_events
            where customer_id = ${customerId} or payload::text like ${`%${customerId}%`})
         + (select count(*) from visits where customer_id = ${customerId}) as n`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows;
  const [row] = rows as { n: number | string }[];
  return Number(row?.n);
}

it('uploads nothing of a customer erased while their check-in waited in the outbox', async () => {
  const { wallets } = await enrolWallets({
    cloudUrl: cloud.url,
    token: admin,
    customerIds: [CUSTOMER],
  });
  const wallet = wallets.get(CUSTOMER);
  if (!wallet) throw new Error(`${CUSTOMER} is not enrolled`);

  cloud.mode = 'down';
  const at = new Date();
  const checkIn = createEnvelope(
    STORE,
    { ...(await presentWallet(wallet, STORE, at)), method: 'app', clientId: 'app-erasure' },
    { at },
  );
  await phone.publishAsync(
    buildTopic('checkIn', { store: STORE, clientId: 'app-erasure' }),
    JSON.stringify(checkIn),
    { qos: 1 },
  );
  await atLeast('vitrine_edge_outbox_appended_total', { kind: 'check-in' });
  await atLeast('vitrine_edge_outbox_appended_total', { kind: 'alert' });
  await atLeast('vitrine_edge_outbox_upload_failures_total', {});

  const erased = await fetch(`${cloud.url}/v1/customers/${CUSTOMER}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${admin}` },
  });
  expect(erased.status).toBe(204);
  await atLeast('vitrine_edge_sync_items_applied_total', { kind: 'erase' });

  cloud.mode = 'up';
  await atLeast('vitrine_edge_outbox_dropped_erased_total', {}, 2);
  await waitFor(
    async () => ((await counter('vitrine_edge_outbox_pending')) === 0 ? true : undefined),
    { timeoutMs: 20_000, what: 'the outbox drained' },
  );
  expect(await counter('vitrine_edge_outbox_dropped_erased_total', { kind: 'check-in' })).toBe(1);
  expect(await cloud.keysOf(STORE)).not.toContain(`check-in:${checkIn.id}`);
  expect(await tracesInCloud(CUSTOMER)).toBe(0);
}, 90_000);
