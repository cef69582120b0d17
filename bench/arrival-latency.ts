/**
 * Check-in → associate alert latency, next to the raw broker hop measured on the same
 * messages in the same run.
 *
 *   npx tsx bench/arrival-latency.ts [--broker aedes|mosquitto|both] [--rates 100,1000]
 *                                    [--seconds 20] [--customers 300]
 *
 * One publisher sends loyalty check-ins at a fixed rate (QoS 1, as the app does). A plain
 * MQTT subscriber of the check-in topic gives the raw hop (publish → subscriber); an
 * associate logged in to the edge over socket.io gives the alert latency (publish →
 * alert with the profile). The cloud and the edge run as their own processes. As in a
 * store, the edge has taken its first snapshot of the store's profiles (it syncs once at
 * start) before anything is measured, and its profile cache is warmed with one check-in
 * per customer, repeated for the customers whose first alert did not carry a fresh profile.
 *
 * Every check-in is a real one: each customer's app is enrolled (a pass from the cloud),
 * each check-in carries that pass and its own fresh proof, and the edge verifies both
 * before it alerts, so the alert latency includes verification. Proofs are signed before
 * each run (the phones' work, not the edge's). The edge's per-pass rate limit is lifted:
 * a few hundred passes replay thousands of check-ins here, which the limit would refuse.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type ArrivalAlert,
  buildTopic,
  createEnvelope,
  loginResponseSchema,
  topicFilter,
} from '@vitrine/shared';
import { connectAsync, type MqttClient } from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import {
  enrolWallets,
  type LoyaltyWallet,
  presentWallet,
} from '../edge/src/simulator/loyalty-wallets.ts';
import { createCloudAdmin, waitForHealthy } from '../scripts/lib/cloud-admin.ts';
import { supervise } from '../scripts/lib/processes.ts';
import { startMosquitto } from './lib/mosquitto.ts';
import { printTable, rssMiB, type Summary, summarise } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    broker: { type: 'string', default: 'both' },
    rates: { type: 'string', default: '100,1000' },
    seconds: { type: 'string', default: '20' },
    customers: { type: 'string', default: '300' },
  },
});
const root = resolve(import.meta.dirname, '..');
const work = join(root, '.data', 'bench');
const brokers = values.broker === 'both' ? ['aedes', 'mosquitto'] : [values.broker];
const rates = values.rates.split(',').map(Number);
const seconds = Number(values.seconds);
const store = 'sto_paris-rivoli';
const cloudUrl = 'http://127.0.0.1:18080';
const now = () => performance.now();

/** The processes this run started, stopped when one of them fails. */
const running = new Set<{ stop(): unknown }>();

function fail(name: string, code: number | null, logFile: string) {
  console.error(`${name} exited unexpectedly (code ${code}); see ${logFile}`);
  void Promise.allSettled([...running].map((part) => part.stop())).then(() => process.exit(1));
}

interface RunResult {
  broker: string;
  rate: number;
  sent: number;
  raw: Summary;
  alert: Summary;
  rssPeak: number;
}

interface Probe {
  sent: Map<string, number>;
  raw: number[];
  alert: number[];
  /** Customers whose alert came without a fresh profile (the cloud was not asked in time). */
  stale: Set<string>;
}

const newProbe = (): Probe => ({ sent: new Map(), raw: [], alert: [], stale: new Set() });

function attach(subscriber: MqttClient, socket: Socket, probe: () => Probe) {
  subscriber.on('message', (_topic, payload) => {
    const t = now();
    const { sent, raw } = probe();
    const id: unknown = JSON.parse(payload.toString()).id;
    const t0 = typeof id === 'string' ? sent.get(id) : undefined;
    if (t0 !== undefined) raw.push(t - t0);
  });
  socket.on('alert', (alert: ArrivalAlert) => {
    const t = now();
    const { sent, alert: alerts, stale } = probe();
    const t0 = sent.get(alert.sourceMessageId);
    if (t0 !== undefined) alerts.push(t - t0);
    if (alert.freshness !== 'fresh') stale.add(alert.customerId);
  });
}

interface Presented {
  pass: string;
  proof: string;
}

/** `total` check-ins' passes and fresh proofs, round the customers' phones. */
function presentAll(wallets: LoyaltyWallet[], total: number): Promise<Presented[]> {
  const at = new Date();
  return Promise.all(
    Array.from({ length: total }, (_, i) =>
      presentWallet(wallets[i % wallets.length] as LoyaltyWallet, store, at),
    ),
  );
}

async function publishAt(publisher: MqttClient, rate: number, checkIns: Presented[], probe: Probe) {
  const total = checkIns.length;
  const start = now();
  let count = 0;
  while (count < total) {
    const due = Math.min(total, Math.floor(((now() - start) * rate) / 1000) + 1);
    for (; count < due; count++) {
      const clientId = `bench-app-${count % 50}`;
      const presented = checkIns[count] as Presented;
      const envelope = createEnvelope(
        store,
        { ...presented, method: 'app', clientId },
        { at: new Date() },
      );
      probe.sent.set(envelope.id, now());
      publisher.publish(buildTopic('checkIn', { store, clientId }), JSON.stringify(envelope), {
        qos: 1,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function settle(probe: Probe, total: number, timeoutMs = 15_000) {
  const deadline = now() + timeoutMs;
  while (now() < deadline && (probe.raw.length < total || probe.alert.length < total)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once the edge's metrics say a sync round reached the end of the feed. */
async function firstSync(edgeHttp: string, timeoutMs = 180_000) {
  const deadline = now() + timeoutMs;
  while (now() < deadline) {
    const metrics = await fetch(`${edgeHttp}/metrics`).then((response) => response.text());
    const synced = /^vitrine_edge_sync_last_success_seconds(?:{[^}]*})? (\S+)$/m.exec(metrics);
    if (synced && Number(synced[1]) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the edge at ${edgeHttp} did not finish its first sync`);
}

const cloud = supervise({
  name: 'bench-cloud',
  entry: join(root, 'cloud/src/main.ts'),
  env: {
    CLOUD_PORT: '18080',
    CLOUD_DATA_DIR: join(work, 'cloud'),
    CLOUD_SEED_DEMO: 'true',
    CLOUD_SEED_CUSTOMERS: '10000',
    LOG_LEVEL: 'warn',
  },
  logDir: join(work, 'logs'),
  onUnexpectedExit: fail,
});
running.add(cloud);
await waitForHealthy(`${cloudUrl}/healthz`, { timeoutMs: 180_000 });
const admin = createCloudAdmin(cloudUrl);
const { token: adminToken } = await admin.login('admin@vitrine.demo', 'vitrine-demo');
const customers = (
  await Promise.all(
    (await admin.stores(adminToken)).map((s) => admin.storeCustomers(adminToken, s.id, 100)),
  )
)
  .flat()
  .map((customer) => customer.id)
  .slice(0, Number(values.customers));
const { wallets: enrolled, refused } = await enrolWallets({
  cloudUrl,
  token: adminToken,
  customerIds: customers,
});
if (refused.length > 0) console.error(`not enrolled: ${refused.join(', ')}`);
const wallets = [...enrolled.values()];

const results: RunResult[] = [];
for (const [index, broker] of brokers.entries()) {
  const mosquitto =
    broker === 'mosquitto' ? await startMosquitto(18830, join(work, 'mosquitto')) : null;
  if (mosquitto) running.add(mosquitto);
  const mqttUrl = mosquitto?.url ?? `mqtt://127.0.0.1:${18840 + index}`;
  const edgeHttp = `http://127.0.0.1:${18081 + index}`;
  const edge = supervise({
    name: `bench-edge-${broker}`,
    entry: join(root, 'edge/src/main.ts'),
    env: {
      EDGE_STORE_ID: store,
      EDGE_CLOUD_URL: cloudUrl,
      EDGE_CLOUD_TOKEN: await admin.issueDeviceToken(adminToken, store),
      EDGE_HTTP_PORT: String(18081 + index),
      EDGE_MQTT_PORT: String(18840 + index),
      ...(mosquitto ? { MQTT_URL: mosquitto.url } : {}),
      EDGE_DATA_DIR: join(work, `edge-${broker}`),
      EDGE_PASS_RATE_BURST: '1000000',
      EDGE_PASS_RATE_PER_MIN: '1000000',
      LOG_LEVEL: 'warn',
    },
    logDir: join(work, 'logs'),
    onUnexpectedExit: fail,
  });
  running.add(edge);
  await waitForHealthy(`${edgeHttp}/healthz`, { timeoutMs: 60_000 });
  await firstSync(edgeHttp);
  const login = await fetch(`${edgeHttp}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'camille@vitrine.demo', password: 'vitrine-demo' }),
  });
  const { token } = loginResponseSchema.parse(await login.json());
  const socket = io(edgeHttp, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((ok, ko) => {
    socket.once('hello', () => ok());
    socket.once('connect_error', ko);
  });
  const subscriber = await connectAsync(mqttUrl, { clientId: `bench-sub-${process.pid}` });
  await subscriber.subscribeAsync(topicFilter('checkIn', { store }), { qos: 1 });
  const publisher = await connectAsync(mqttUrl, { clientId: `bench-pub-${process.pid}` });
  let probe = newProbe();
  attach(subscriber, socket, () => probe);

  // Warm the profile cache (and the edge's verified passes): one check-in per customer,
  // again for those whose alert went out without a fresh profile.
  let warming = wallets;
  for (let round = 0; round < 5 && warming.length > 0; round++) {
    await publishAt(publisher, 100, await presentAll(warming, warming.length), probe);
    await settle(probe, warming.length, 60_000);
    const stale = probe.stale;
    warming = warming.filter((wallet) => stale.has(wallet.customerId));
    probe = newProbe();
  }
  if (warming.length > 0) console.error(`${warming.length} customers not warmed`);

  for (const rate of rates) {
    probe = newProbe();
    const total = rate * seconds;
    let rssPeak = 0;
    const sampler = setInterval(() => {
      if (edge.pid) void rssMiB(edge.pid).then((mib) => (rssPeak = Math.max(rssPeak, mib)));
    }, 250);
    const checkIns = await presentAll(wallets, total);
    await publishAt(publisher, rate, checkIns, probe);
    await settle(probe, total);
    clearInterval(sampler);
    results.push({
      broker,
      rate,
      sent: total,
      raw: summarise(probe.raw),
      alert: summarise(probe.alert),
      rssPeak,
    });
    console.error(`done: ${broker} at ${rate}/s`);
  }
  socket.close();
  await publisher.endAsync();
  await subscriber.endAsync();
  await edge.stop();
  running.delete(edge);
  mosquitto?.stop();
  if (mosquitto) running.delete(mosquitto);
}
await cloud.stop();

const ms = (value: number) => value.toFixed(2);
console.log(
  printTable(
    [
      'broker',
      'rate/s',
      'sent',
      'raw p50 ms',
      'raw p99 ms',
      'alert p50 ms',
      'alert p99 ms',
      'p50 ×raw',
      'p99 ×raw',
      'lost raw/alert',
      'edge RSS MiB',
      'target',
    ],
    results.map((r) => {
      const p50x = r.alert.p50 / r.raw.p50;
      const p99x = r.alert.p99 / r.raw.p99;
      const lost = `${r.sent - r.raw.count}/${r.sent - r.alert.count}`;
      const met = p50x <= 3 && p99x <= 5 && r.alert.count === r.sent && r.raw.count === r.sent;
      return [
        r.broker,
        r.rate,
        r.sent,
        ms(r.raw.p50),
        ms(r.raw.p99),
        ms(r.alert.p50),
        ms(r.alert.p99),
        p50x.toFixed(2),
        p99x.toFixed(2),
        lost,
        r.rssPeak.toFixed(0),
        met ? 'met' : 'MISSED',
      ];
    }),
  ),
);
process.exit(0);
