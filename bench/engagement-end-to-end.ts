import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildTopic,
  type CampaignSuggestion,
  createEnvelope,
  type IngestEvent,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  topicFilter,
} from '@vitrine/shared';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { connectAsync } from 'mqtt';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { io } from 'socket.io-client';
import { z } from 'zod';
import { startEmbeddedBroker } from '../edge/src/broker/embedded-broker.ts';
import { createDeliveryPublisher } from '../edge/src/engagement/delivery-publisher.ts';
import { decisionIdOf } from '../edge/src/engagement/delivery-reports.ts';
import { createEngagementEngine } from '../edge/src/engagement/engagement-engine.ts';
import { createEngagementMetrics } from '../edge/src/engagement/engagement-metrics.ts';
import { createEngagementStateFile } from '../edge/src/engagement/engagement-state-file.ts';
import { createEdgeMetrics } from '../edge/src/observability/edge-metrics.ts';
import { DurableOutbox } from '../edge/src/outbox/durable-outbox.ts';
import { createAssociateSockets } from '../edge/src/realtime/associate-socket.ts';
import { createJoseTokenVerifier } from '../edge/src/realtime/token-verifier.ts';
import { createMemoryProfileStore } from '../edge/src/store/memory-profile-store.ts';
import { buildCampaign } from '../shared/test/support/engagement-fixtures.ts';
import { buildProfile } from '../shared/test/support/profiles.ts';
import { startMosquitto } from './lib/mosquitto.ts';
import { PRESENCE_STORE, presenceFlood, startPresence } from './lib/presence-load.ts';
import { printTable, type Summary, summarise } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    broker: { type: 'string', default: 'both' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    customers: { type: 'string', default: '1000' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const customerCount = Number(values.customers);
// The presence bench's store: its node publisher floods this store's sightings topics.
const store = PRESENCE_STORE;
const logger = pino({ level: 'silent' });
const now = () => performance.now();
/** What ties a screen message (or the raw probe) to its event: its unique issue time. */
const issuedSchema = z.object({ data: z.object({ issuedAt: z.string() }) });
const customerId = (i: number) => `cus_bench${String(i).padStart(6, '0')}`;

/** Every dwell answered: a suggestion for the associates and the segment's screen content. */
const dwellCampaign = buildCampaign({
  id: 'cmp_bench-dwell',
  name: 'Bench dwell',
  trigger: { kind: 'zone-dwell', minDwellS: 30 },
  caps: { perCustomer: { max: 1000, per: 'campaign' } },
  actions: [
    { kind: 'associate-alert', suggestion: 'Show the new collection' },
    { kind: 'screen-content', contentId: 'cnt_bench-loop', holdS: 15 },
  ],
});

/** The edge's engagement parts on `url`, an associate and a screen subscriber attached. */
async function startEdgeParts(url: string, dir: string) {
  const outbox = new DurableOutbox({ dir: join(dir, 'outbox') });
  await outbox.open();
  const profiles = createMemoryProfileStore();
  const upserts = Array.from({ length: customerCount }, (_, i) =>
    buildProfile({ id: customerId(i), homeStoreId: store }),
  );
  await profiles.applySync({ upserts, erasures: [], watermark: 'bench' }, Date.now());
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' };
  const sockets = createAssociateSockets({
    storeId: store,
    verifier: createJoseTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }) }),
    storeName: async () => 'Bench',
    metrics: createEdgeMetrics({ defaultMetrics: false }),
    logger,
  });
  const http = createServer();
  sockets.attach(http);
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const mqtt = await connectAsync(url, { clientId: 'bench-edge', clean: true });
  const engine = createEngagementEngine({
    storeId: store,
    profileOf: async (id) => (await profiles.get(id))?.profile ?? null,
    deliver: createDeliveryPublisher({
      storeId: store,
      pushSuggestion: (suggestion) => sockets.pushSuggestion(suggestion),
      publish: async (topic, payload, options) => {
        await mqtt.publishAsync(topic, payload, options);
      },
      clientOf: () => null,
    }),
    report: (event) => outbox.append(event),
    stateFile: createEngagementStateFile(join(dir, 'engagement')),
    metrics: createEngagementMetrics(new Registry()),
    logger,
    now: Date.now,
  });
  engine.useCatalogue({
    version: 'bench',
    timeZone: 'UTC',
    fetchedAt: Date.now(),
    catalogue: { campaigns: [dwellCampaign], segments: [], offers: [], content: [] },
  });
  outbox.onAppended((fact) => engine.observe(fact));
  const token = await new SignJWT({ role: 'associate', org: 'org_bench', store, name: 'Bench' })
    .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject('asc_bench')
    .setExpirationTime('1h')
    .sign(privateKey);
  const { port } = http.address() as AddressInfo;
  const associate = io(`http://127.0.0.1:${port}`, { auth: { token }, transports: ['websocket'] });
  await new Promise((done) => associate.once('hello', done));
  const screens = await connectAsync(url, { clientId: 'bench-screens', clean: true });
  await screens.subscribeAsync(topicFilter('zoneScreen', { store }), { qos: 1 });
  return {
    outbox,
    associate,
    screens,
    async stop() {
      associate.disconnect();
      await screens.endAsync();
      await engine.stop();
      await mqtt.endAsync();
      await sockets.close();
      http.close();
      await outbox.close();
    },
  };
}

type Parts = Awaited<ReturnType<typeof startEdgeParts>>;

/** Dwell events at `rate` for `seconds`; the three latencies of each, in ms. */
async function measure(url: string, parts: Parts) {
  const sentAt = new Map<string, number>();
  const suggestion: number[] = [];
  const screen: number[] = [];
  const raw: number[] = [];
  const rawZone = 'zon_bench-raw';
  parts.associate.on('suggestion', (s: CampaignSuggestion) => {
    const t0 = sentAt.get(s.suggestionId.slice('sug_'.length, -'-0'.length));
    if (t0 !== undefined) suggestion.push(now() - t0);
  });
  parts.screens.on('message', (topic, payload) => {
    const t = now();
    const { data } = issuedSchema.parse(JSON.parse(payload.toString()));
    const t0 = sentAt.get(topic.includes(rawZone) ? `raw-${data.issuedAt}` : data.issuedAt);
    if (t0 !== undefined) (topic.includes(rawZone) ? raw : screen).push(t - t0);
  });
  const publisher = await connectAsync(url, { clientId: 'bench-raw', clean: true });
  const total = rate * seconds;
  const base = Date.now() - 60_000;
  const start = now();
  for (let i = 0; i < total; ) {
    const due = Math.min(total, Math.floor(((now() - start) * rate) / 1000) + 1);
    for (; i < due; i++) {
      const occurredAt = new Date(base + i).toISOString();
      const id = customerId(i % customerCount);
      const fact: IngestEvent = {
        key: `presence:bench-${i}`,
        kind: 'presence',
        store,
        occurredAt,
        data: {
          type: 'zone-dwell',
          customerId: id,
          zoneId: `zon_bench-${i % 5}`,
          durationMs: 30_000,
          reason: null,
        },
      };
      sentAt.set(decisionIdOf(fact.key, id), now());
      sentAt.set(occurredAt, now());
      void parts.outbox.append(fact);
      const probe = { ...fact.data, issuedAt: occurredAt, contentId: 'cnt_bench-loop' };
      sentAt.set(`raw-${occurredAt}`, now());
      void publisher.publishAsync(
        buildTopic('zoneScreen', { store, zone: rawZone }),
        JSON.stringify(createEnvelope(store, probe, { at: new Date() })),
        { qos: 1 },
      );
    }
    await new Promise((done) => setTimeout(done, 5));
  }
  const deadline = now() + 15_000;
  while (
    now() < deadline &&
    (suggestion.length < total || screen.length < total || raw.length < total)
  ) {
    await new Promise((done) => setTimeout(done, 50));
  }
  await publisher.endAsync();
  parts.associate.off('suggestion');
  parts.screens.removeAllListeners('message');
  return {
    total,
    raw: summarise(raw),
    suggestion: summarise(suggestion),
    screen: summarise(screen),
  };
}

let runs = 0;
async function run(broker: string, load: boolean) {
  runs++;
  const work = join(resolve(import.meta.dirname, '..'), '.data', 'bench', 'engagement-e2e');
  const mosquitto =
    broker === 'mosquitto' ? await startMosquitto(18950 + runs, join(work, String(runs))) : null;
  const aedes = broker === 'aedes' ? await startEmbeddedBroker({ port: 18970 + runs }) : null;
  const url = mosquitto?.url ?? aedes?.url ?? '';
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-bench-engagement-'));
  const parts = await startEdgeParts(url, dir);
  const presence = load ? await startPresence(url) : null;
  const flooding = load ? presenceFlood(url, seconds + 3) : null;
  // The flood reaches full speed before anything is measured.
  if (load) await new Promise((done) => setTimeout(done, 2000));
  const result = await measure(url, parts);
  await flooding;
  await presence?.stop();
  await parts.stop();
  mosquitto?.stop();
  await aedes?.close();
  await rm(dir, { recursive: true, force: true });
  return result;
}

const brokers = values.broker === 'both' ? ['aedes', 'mosquitto'] : [values.broker];
const ms = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(1));
const rows: string[][] = [];
for (const broker of brokers) {
  for (const load of [false, true]) {
    const { total, raw, suggestion, screen } = await run(broker, load);
    const row = (path: string, s: Summary) => [
      broker,
      load ? 'presence flood' : 'quiet',
      path,
      `${s.count} / ${total}`,
      ms(s.p50),
      ms(s.p99),
    ];
    rows.push(
      row('raw broker hop', raw),
      row('dwell → suggestion', suggestion),
      row('dwell → zone screen', screen),
    );
  }
}
console.log(`\n${rate} dwell events/s for ${seconds} s, ${customerCount} customers\n`);
console.log(printTable(['broker', 'load', 'path', 'received', 'p50 ms', 'p99 ms'], rows));
process.exit(0);
