/**
 * Presence through MQTT: sightings per second the edge sustains from 20 scanner nodes
 * hearing 5,000 devices, next to the raw broker throughput measured in the same run.
 *
 *   npx tsx bench/presence-mqtt.ts [--broker aedes|mosquitto|both] [--nodes 20]
 *                                  [--devices 5000] [--batch 1,50] [--seconds 10]
 *
 * A publisher process connects as the nodes and floods their sightings topics (QoS 0, as
 * nodes publish) with batches of `--batch` sightings (1: one message per sighting, as
 * ESPresense sends them; 50: a Vitrine node's batch): every device heard by three nodes,
 * 2,000 of them known (badges), the rest anonymous. The same flood is received twice: by
 * a bare MQTT subscriber that only counts (the raw broker throughput), and by the edge's
 * presence path: the node source (shared decoder, zod, batch timing) feeding the presence
 * service and its tracker (Kalman filter, zones, anonymous ids), ticking every second.
 * Each throughput is what the receiver got divided by the time from its first to its
 * last sighting; the publisher floods for `--seconds`, the receivers drain what the
 * broker queued. The aedes broker runs in the receiving process, as the edge embeds it.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildTopic,
  createEnvelope,
  type StoreLayout,
  storeLayoutSchema,
  topicFilter,
} from '@vitrine/shared';
import { connectAsync } from 'mqtt';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { startEmbeddedBroker } from '../edge/src/broker/embedded-broker.ts';
import { createEdgeMetrics } from '../edge/src/observability/edge-metrics.ts';
import { createPresenceMetrics } from '../edge/src/presence/presence-metrics.ts';
import { createPresenceService } from '../edge/src/presence/presence-service.ts';
import { createNodeMqttSource } from '../edge/src/presence/sources/node-mqtt-source.ts';
import { startMosquitto } from './lib/mosquitto.ts';
import { printTable } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    broker: { type: 'string', default: 'both' },
    nodes: { type: 'string', default: '20' },
    devices: { type: 'string', default: '5000' },
    identified: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '1,50' },
    seconds: { type: 'string', default: '10' },
    publish: { type: 'string' },
  },
});
const nodeCount = Number(values.nodes);
const deviceCount = Number(values.devices);
const identifiedCount = Number(values.identified);
const batchSizes = values.batch.split(',').map(Number);
// Set per row; the publisher process is given one.
let batchSize = batchSizes[0] ?? 50;
const seconds = Number(values.seconds);
const store = 'sto_bench-presence';
const nodeId = (n: number) => `node-${String(n).padStart(2, '0')}`;
const deviceId = (i: number) =>
  i < identifiedCount
    ? `badge-${i}`
    : `02:00:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:01`;

/** Every device heard by three nodes; each node's share cut into batches, pre-encoded. */
function nodePayloads(): string[][] {
  const heard: { deviceId: string; rssi: number; offsetMs: number }[][] = Array.from(
    { length: nodeCount },
    () => [],
  );
  for (let i = 0; i < deviceCount; i++) {
    for (let k = 0; k < 3; k++) {
      const node = (i * 7 + k * 5) % nodeCount;
      heard[node]?.push({
        deviceId: deviceId(i),
        rssi: -50 - ((i * 13 + k * 17) % 40),
        offsetMs: 2,
      });
    }
  }
  return heard.map((sightings, n) => {
    const payloads: string[] = [];
    for (let at = 0; at < sightings.length; at += batchSize) {
      const data = { nodeId: nodeId(n), sightings: sightings.slice(at, at + batchSize) };
      payloads.push(JSON.stringify(createEnvelope(store, data, { at: new Date() })));
    }
    return payloads;
  });
}

/** The publisher process: the nodes, flooding for `seconds`; prints how many sightings it sent. */
async function publish(url: string) {
  const payloads = nodePayloads();
  const deadline = Date.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(
    payloads.map(async (mine, n) => {
      const client = await connectAsync(url, { clientId: `bench-${nodeId(n)}`, clean: true });
      const topic = buildTopic('sightings', { store, nodeId: nodeId(n) });
      // QoS 0 is written, never acknowledged: keep a window of writes in flight rather than
      // waiting for each, so that the nodes offer more than any receiver takes.
      let inflight = 0;
      let resume: (() => void) | null = null;
      const written = () => {
        inflight--;
        sent += batchSize;
        if (inflight < 256) resume?.();
      };
      for (let i = 0; Date.now() < deadline; i = (i + 1) % mine.length) {
        if (inflight >= 512) {
          await new Promise<void>((done) => {
            resume = done;
          });
          resume = null;
        }
        inflight++;
        client.publish(topic, mine[i] ?? '', { qos: 0 }, written);
      }
      while (inflight > 0) await new Promise((done) => setTimeout(done, 10));
      await client.endAsync();
    }),
  );
  process.stdout.write(`${JSON.stringify({ sent })}\n`);
}

function layout(): StoreLayout {
  const zones = Array.from({ length: 5 }, (_, z) => ({
    id: `zon_bench-${z}`,
    name: `Zone ${z}`,
    kind: 'floor',
    rooms: Array.from({ length: nodeCount }, (_, n) => n)
      .filter((n) => n % 5 === z)
      .map((n) => `room-${n}`),
  }));
  const nodes = Array.from({ length: nodeCount }, (_, n) => ({
    id: nodeId(n),
    room: `room-${n}`,
    firmware: 'vitrine',
    mqttUsername: nodeId(n),
  }));
  return storeLayoutSchema.parse({
    version: 1,
    store: { id: store, name: 'Bench', timeZone: 'UTC' },
    zones,
    nodes,
  });
}

interface Receiver {
  count(): Promise<number>;
  close(): Promise<void>;
}

async function rawReceiver(url: string): Promise<Receiver> {
  const client = await connectAsync(url, { clientId: 'bench-raw', clean: true });
  let messages = 0;
  client.on('message', () => {
    messages++;
  });
  await client.subscribeAsync(topicFilter('sightings', { store }), { qos: 0 });
  return { count: async () => messages * batchSize, close: () => client.endAsync() };
}

async function edgeReceiver(url: string): Promise<Receiver> {
  const logger = pino({ level: 'silent' });
  const metrics = createPresenceMetrics(new Registry());
  const storeLayout = layout();
  const service = createPresenceService({
    storeId: store,
    layout: storeLayout,
    sources: [
      createNodeMqttSource({
        url,
        storeId: store,
        layout: storeLayout,
        metrics: createEdgeMetrics({ defaultMetrics: false }),
        logger,
      }),
    ],
    metrics,
    logger,
    newSalt: () => `salt-${Math.random()}`,
    knownDevices: new Set(Array.from({ length: identifiedCount }, (_, i) => `badge-${i}`)),
  });
  await service.start();
  return {
    async count() {
      const { values: counted } = await metrics.sightings.get();
      return counted.reduce((sum, value) => sum + value.value, 0);
    },
    close: () => service.stop(),
  };
}

/** Floods through the broker once; the receiver's sightings per second, first to last. */
async function measure(url: string, receiver: Receiver) {
  let firstAt = 0;
  let lastAt = 0;
  let last = 0;
  const poll = setInterval(() => {
    void receiver.count().then((count) => {
      const now = performance.now();
      if (count > 0 && firstAt === 0) firstAt = now;
      if (count !== last) lastAt = now;
      last = count;
    });
  }, 20);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      import.meta.filename,
      ...process.argv.slice(2),
      '--batch',
      String(batchSize),
      '--publish',
      url,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  await new Promise((done) => child.once('exit', done));
  const sent = Number(JSON.parse(output.trim().split('\n').at(-1) ?? '{"sent":0}').sent);
  // Drain: the broker may still hold what the receiver has not read.
  while (performance.now() - lastAt < 1500) await new Promise((done) => setTimeout(done, 100));
  clearInterval(poll);
  const received = await receiver.count();
  await receiver.close();
  return { sent, received, rate: received / Math.max(0.001, (lastAt - firstAt) / 1000) };
}

let runs = 0;
async function run(broker: string) {
  // A port per run: a broker stopped a moment ago may still hold its port.
  runs++;
  const work = join(resolve(import.meta.dirname, '..'), '.data', 'bench', 'presence-mqtt');
  const mosquitto =
    broker === 'mosquitto' ? await startMosquitto(18850 + runs, join(work, String(runs))) : null;
  const aedes = broker === 'aedes' ? await startEmbeddedBroker({ port: 18870 + runs }) : null;
  const url = mosquitto?.url ?? aedes?.url ?? '';
  const raw = await measure(url, await rawReceiver(url));
  const edge = await measure(url, await edgeReceiver(url));
  mosquitto?.stop();
  await aedes?.close();
  return { broker, raw, edge };
}

if (values.publish) {
  await publish(values.publish);
} else {
  const brokers = values.broker === 'both' ? ['aedes', 'mosquitto'] : [values.broker];
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const rows: string[][] = [];
  for (const broker of brokers) {
    for (const size of batchSizes) {
      batchSize = size;
      const { raw, edge } = await run(broker);
      const ratio = edge.rate / raw.rate;
      rows.push([
        broker,
        String(size),
        'raw subscriber (counts only)',
        fmt(raw.rate),
        `${fmt(raw.received)} / ${fmt(raw.sent)}`,
        '',
        '',
      ]);
      rows.push([
        broker,
        String(size),
        'edge: node source → tracker',
        fmt(edge.rate),
        `${fmt(edge.received)} / ${fmt(edge.sent)}`,
        `${(ratio * 100).toFixed(0)}%`,
        ratio >= 0.5 ? '≥ 50%: met' : '≥ 50%: NOT met',
      ]);
    }
  }
  console.log(
    `\n${nodeCount} nodes, ${fmt(deviceCount)} devices (${fmt(identifiedCount)} known), flooding ${seconds} s per row\n`,
  );
  console.log(
    printTable(
      ['broker', 'batch', 'receiver', 'sightings/s', 'received / sent', 'of raw', 'target'],
      rows,
    ),
  );
}
