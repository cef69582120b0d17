/**
 * A check-in is acknowledged to the broker only once it is in the outbox. An edge that
 * received one and died before writing it (the fault injected here: a write that never
 * completes, then the edge gone) is sent it again, and the cloud ends with exactly one.
 * Embedded (no MQTT_URL): the broker dies with the edge, and the phone's own resend
 * brings the check-in to the restarted edge. With MQTT_URL (Mosquitto): the broker keeps
 * the unacknowledged message in the edge's persistent session.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';
import {
  buildTopic,
  createEnvelope,
  decodeMessage,
  type IngestEvent,
  topicFilter,
} from '@vitrine/shared';
import { connectAsync, type MqttClient, connect as mqttConnect } from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEdgeMqttAdapter, edgeClientId } from '../src/broker/edge-mqtt-adapter.ts';
import { startEmbeddedBroker } from '../src/broker/embedded-broker.ts';
import { createLruTtlCache } from '../src/domain/profile-cache.ts';
import { createRecentBuffer } from '../src/domain/recent-alerts.ts';
import { createCheckInFlow } from '../src/flows/check-in-flow.ts';
import { createMessageIntake } from '../src/intake/message-intake.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import { DurableOutbox } from '../src/outbox/durable-outbox.ts';
import { createIngestClient } from '../src/outbox/ingest-client.ts';
import { createOutboxMetrics } from '../src/outbox/outbox-metrics.ts';
import { createOutboxUploader } from '../src/outbox/outbox-uploader.ts';
import { forgetStore } from './support/mqtt-helpers.ts';
import { type OutboxCloud, startOutboxCloud } from './support/outbox-cloud.ts';
import { outboxDir } from './support/outbox-events.ts';
import { buildProfile } from './support/profiles.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

const STORE = 'sto_paris-rivoli';
const external = process.env.MQTT_URL;
const logger = pino({ level: 'silent' });

let cloud: OutboxCloud;
let token: string;

beforeAll(async () => {
  cloud = await startOutboxCloud();
  token = await cloud.edgeToken(STORE);
}, 60_000);

afterAll(async () => {
  await cloud?.stop();
  if (external) await forgetStore(external, STORE, clientId);
});

// A client id of this run's own: the persistent session must start empty.
const clientId = `${edgeClientId(STORE)}-${uniqueSuffix()}`;

/**
 * The edge's intake and check-in flow, writing facts with `report`. The pass is judged
 * elsewhere (identity tests): here every pass is its customer's.
 */
function edgeIntake(report: (event: IngestEvent) => Promise<void>) {
  const metrics = createEdgeMetrics({ defaultMetrics: false });
  const flow = createCheckInFlow({
    storeId: STORE,
    cloud: { fetchProfile: async (id) => ({ outcome: 'found', profile: buildProfile({ id }) }) },
    cache: createLruTtlCache(),
    recentAlerts: createRecentBuffer(),
    pushAlert: () => {},
    reject: () => {},
    verify: async ({ pass }) => ({
      ok: true,
      identity: {
        customerId: pass.replace('pass-of-', ''),
        passId: 'pas_1',
        organisationId: 'org_vitrine-demo',
        tier: 'gold',
        consent: { tracking: true, marketing: true, profiling: true },
        passExpiresAt: Date.now() + 60_000,
      },
    }),
    report,
    metrics,
    logger,
  });
  return createMessageIntake({
    handlers: { checkIn: (message) => flow.receive(message) },
    metrics,
    logger,
  });
}

/** An outbox uploading to the real cloud, as the edge's. */
async function realOutbox() {
  const registry = createEdgeMetrics({ defaultMetrics: false }).registry;
  const metrics = createOutboxMetrics({ registry });
  const outbox = new DurableOutbox({ dir: await outboxDir(), metrics });
  await outbox.open();
  const uploader = createOutboxUploader({
    outbox,
    send: createIngestClient({ baseUrl: cloud.url, token }),
    metrics,
    logger,
    backoff: { baseMs: 50, maxMs: 500 },
  });
  uploader.start();
  return {
    report: (event: IngestEvent) => outbox.append(event),
    async stop() {
      await uploader.stop();
      await outbox.close();
    },
  };
}

/** A write that never completes: the edge is about to die between receipt and disk. */
const neverWritten = () => new Promise<void>(() => {});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The edge's MQTT side: the embedded broker taking messages in process, or an external one. */
async function startTransport(url: string, handle: ReturnType<typeof edgeIntake>) {
  const filters = [topicFilter('checkIn', { store: STORE })];
  if (!external) {
    const port = Number(new URL(url).port);
    const broker = await startEmbeddedBroker({ port, inProcess: true });
    broker.takeInProcess({ filters, clientId, handle: (t, p) => handle.handle(t, p) });
    // Killed: the broker's memory goes with the edge.
    return { kill: () => broker.close() };
  }
  let raw: MqttClient | undefined;
  const adapter = createEdgeMqttAdapter({
    url,
    storeId: STORE,
    clientId,
    version: 'test',
    startedAt: new Date(),
    subscriptions: filters,
    onMessage: (topic, payload) => handle.handle(topic, payload),
    logger,
    reconnectPeriodMs: 0,
    connect: (target, options) => {
      raw = mqttConnect(target, options);
      return raw;
    },
  });
  await adapter.start();
  return {
    async kill() {
      // No DISCONNECT, no PUBACK: the connection is simply gone.
      raw?.stream.destroy();
      raw?.end(true);
    },
  };
}

it('acknowledges a check-in only once it is in the outbox; a check-in received by an edge that died is delivered again, and stored once', async () => {
  const url = external ?? `mqtt://127.0.0.1:${await freePort()}`;
  const received: string[] = [];
  const doomed = edgeIntake(async (event) => {
    received.push(event.key);
    return neverWritten();
  });
  const first = await startTransport(url, doomed);

  const phone = await connectAsync(url, {
    clientId: `app-${uniqueSuffix()}`,
    clean: true,
    reconnectPeriod: 100,
  });
  const envelope = createEnvelope(
    STORE,
    { pass: 'pass-of-cus_000003', proof: 'proof', method: 'app', clientId: 'app-1' },
    { at: new Date() },
  );
  const topic = buildTopic('checkIn', { store: STORE, clientId: 'app-1' });
  expect(decodeMessage(topic, Buffer.from(JSON.stringify(envelope))).ok).toBe(true);
  let acknowledged = false;
  const published = phone.publishAsync(topic, JSON.stringify(envelope), { qos: 1 }).then(() => {
    acknowledged = true;
  });
  await waitFor(() => received.find((key) => key.startsWith('check-in:')), {
    what: 'the check-in received by the first edge',
  });
  // Embedded, the phone is still waiting for its PUBACK.
  if (!external) expect(acknowledged).toBe(false);
  await first.kill();

  const outbox = await realOutbox();
  const second = await startTransport(url, edgeIntake(outbox.report));
  await published;
  const key = `check-in:${envelope.id}`;
  await waitFor(
    async () => {
      const keys = await cloud.keysOf(STORE);
      return keys.includes(key) && keys.includes(`alert:${envelope.id}`) ? true : undefined;
    },
    { timeoutMs: 20_000, what: 'the check-in and its alert in the cloud' },
  );
  const stored = await cloud.keysOf(STORE);
  expect(stored.filter((stored) => stored === key)).toEqual([key]);
  await phone.endAsync();
  await second.kill();
  await outbox.stop();
}, 60_000);
