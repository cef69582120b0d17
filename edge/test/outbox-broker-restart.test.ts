/**
 * The broker restarted while check-ins flow at QoS 1: the edge's persistent session and
 * the publishers' retries carry them over, the outbox and the cloud's idempotency keys
 * make each check-in land in the cloud exactly once. Always a private Mosquitto (the
 * embedded aedes keeps sessions in memory, and a shared broker must not be restarted).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTopic, createEnvelope, loginResponseSchema } from '@vitrine/shared';
import { connectAsync, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadEdgeConfig } from '../src/config/edge-config.ts';
import { type RunningEdge, startEdge } from '../src/main.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import {
  enrolWallets,
  type LoyaltyWallet,
  presentWallet,
} from '../src/simulator/loyalty-wallets.ts';
import { type OutboxCloud, startOutboxCloud } from './support/outbox-cloud.ts';
import { startPrivateMosquitto } from './support/private-mosquitto.ts';
import { waitFor } from './support/wait.ts';

const STORE = 'sto_newyork-soho';
const CHECK_INS = 60;

let cloud: OutboxCloud;
let broker: Awaited<ReturnType<typeof startPrivateMosquitto>>;
let edge: RunningEdge;
let publisher: MqttClient;
let wallets: Map<string, LoyaltyWallet>;

/** The n-th check-in, as a customer's app publishes it: its pass and a fresh proof. */
async function checkIn(n: number) {
  const clientId = `app-${n % 7}`;
  const customerId = `cus_${String((n % 20) + 1).padStart(6, '0')}`;
  const wallet = wallets.get(customerId);
  if (!wallet) throw new Error(`${customerId} is not enrolled`);
  const at = new Date();
  const presented = await presentWallet(wallet, STORE, at);
  const envelope = createEnvelope(STORE, { ...presented, method: 'app', clientId }, { at });
  return {
    id: envelope.id,
    topic: buildTopic('checkIn', { store: STORE, clientId }),
    payload: JSON.stringify(envelope),
  };
}

beforeAll(async () => {
  cloud = await startOutboxCloud();
  broker = await startPrivateMosquitto();
  const login = await fetch(`${cloud.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@vitrine.demo', password: 'vitrine-demo' }),
  });
  const { token } = loginResponseSchema.parse(await login.json());
  ({ wallets } = await enrolWallets({
    cloudUrl: cloud.url,
    token,
    customerIds: Array.from({ length: 20 }, (_, i) => `cus_${String(i + 1).padStart(6, '0')}`),
  }));
  const config = loadEdgeConfig({
    EDGE_STORE_ID: STORE,
    EDGE_CLOUD_URL: cloud.url,
    EDGE_CLOUD_TOKEN: await cloud.edgeToken(STORE),
    EDGE_HTTP_PORT: '0',
    MQTT_URL: broker.url,
    EDGE_DATA_DIR: await mkdtemp(join(tmpdir(), 'vitrine-edge-')),
    LOG_LEVEL: 'silent',
  });
  edge = await startEdge(config, {
    logger: pino({ level: 'silent' }),
    metrics: createEdgeMetrics({ defaultMetrics: false }),
  });
  publisher = await connectAsync(broker.url, {
    clientId: `app-restart-${process.pid}`,
    clean: false,
    reconnectPeriod: 100,
  });
}, 60_000);

afterAll(async () => {
  await publisher?.endAsync(true);
  await edge?.stop();
  await broker?.stop();
  await cloud?.stop();
});

it('brings every check-in published across a broker restart to the cloud exactly once', async () => {
  const published: string[] = [];
  const acknowledged: Promise<unknown>[] = [];
  for (let n = 0; n < CHECK_INS; n++) {
    const message = await checkIn(n);
    published.push(message.id);
    acknowledged.push(publisher.publishAsync(message.topic, message.payload, { qos: 1 }));
    if (n === CHECK_INS / 3) await broker.restart();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(acknowledged);

  const expected = published.map((id) => `check-in:${id}`).sort();
  const stored = await waitFor(
    async () => {
      const keys = (await cloud.keysOf(STORE)).filter((key) => key.startsWith('check-in:'));
      return keys.length >= CHECK_INS ? keys : undefined;
    },
    { timeoutMs: 30_000, what: 'every check-in in the cloud' },
  );
  expect([...stored].sort()).toEqual(expected);
  const alerts = (await cloud.keysOf(STORE)).filter((key) => key.startsWith('alert:'));
  expect(alerts.sort()).toEqual(published.map((id) => `alert:${id}`).sort());
}, 90_000);
