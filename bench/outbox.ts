/**
 * Store and forward: events per second from the edge's durable outbox to the cloud's
 * ingest, and the recovery after a one-hour outage at 100 events/s, each next to a raw
 * baseline measured in the same run.
 *
 *   npx tsx bench/outbox.ts [--sustained 100000] [--backlog 360000] [--raw 100000]
 *   DATABASE_URL=postgres://... npx tsx bench/outbox.ts     # the cloud on PostgreSQL
 *
 * Baselines: raw append + fdatasync of the same bytes to a plain file in the same groups
 * (what the disk allows), and raw batched INSERTs of the same rows into the same table
 * (what the database allows). The cloud runs as its own process (PGlite in a data folder,
 * or a scratch database on DATABASE_URL's server); the outbox and its uploader run here.
 */
import { open, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@vitrine/cloud';
import type { IngestEvent } from '@vitrine/shared';
import { pino } from 'pino';
import postgres from 'postgres';
import { Registry } from 'prom-client';
import { ingestedEvents } from '../cloud/src/db/schema-ingest.ts';
import { encodeFrame } from '../edge/src/outbox/domain/record-frame.ts';
import { DurableOutbox } from '../edge/src/outbox/durable-outbox.ts';
import { createIngestClient } from '../edge/src/outbox/ingest-client.ts';
import { createOutboxMetrics } from '../edge/src/outbox/outbox-metrics.ts';
import { createOutboxUploader } from '../edge/src/outbox/outbox-uploader.ts';
import { createCloudAdmin, waitForHealthy } from '../scripts/lib/cloud-admin.ts';
import { supervise } from '../scripts/lib/processes.ts';
import { printTable } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    sustained: { type: 'string', default: '100000' },
    backlog: { type: 'string', default: '360000' },
    raw: { type: 'string', default: '100000' },
    port: { type: 'string', default: '18090' },
  },
});
const SUSTAINED = Number(values.sustained);
const BACKLOG = Number(values.backlog);
const RAW = Number(values.raw);
const GROUP = 500;
const STORE = 'sto_tokyo-ginza';
const root = resolve(import.meta.dirname, '..');
const work = join(root, '.data', 'bench', `outbox-${process.pid}`);
const cloudUrl = `http://127.0.0.1:${values.port}`;
const run = Date.now().toString(36);

function event(tag: string, n: number): IngestEvent {
  const messageId = `msg_${tag}${run}${n}`;
  return {
    key: `check-in:${messageId}`,
    kind: 'check-in',
    store: STORE,
    occurredAt: new Date().toISOString(),
    data: { messageId, customerId: 'cus_000001', method: 'app', clientId: 'bench-app' },
  };
}

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);

async function scratchDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `vitrine_bench_outbox_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Raw baseline 1: the same frames, appended and fdatasync'd in the same groups, plain fs. */
async function rawAppend(count: number): Promise<number> {
  const frame = encodeFrame(
    Buffer.from(JSON.stringify({ event: event('raw', 0), appendedAt: 0, expiresAt: 0 })),
  );
  const group = Buffer.concat(Array.from({ length: GROUP }, () => frame));
  const file = await open(join(work, 'raw.log'), 'a');
  const started = performance.now();
  for (let written = 0; written < count; written += GROUP) {
    await file.write(group);
    await file.datasync();
  }
  const ms = performance.now() - started;
  await file.close();
  return rate(count, ms);
}

async function openOutbox(name: string) {
  const metrics = createOutboxMetrics({ registry: new Registry() });
  const outbox = new DurableOutbox({ dir: join(work, name), metrics });
  await outbox.open();
  return { outbox, metrics };
}

async function appendAll(outbox: DurableOutbox, tag: string, count: number) {
  for (let start = 0; start < count; start += GROUP) {
    const group = [];
    for (let n = start; n < Math.min(start + GROUP, count); n++) {
      group.push(outbox.append(event(tag, n)));
    }
    await Promise.all(group);
  }
}

async function waitDrained(outbox: DurableOutbox, onTick = () => {}) {
  while (outbox.pendingTotal() > 0) {
    onTick();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main() {
  await rm(work, { recursive: true, force: true });
  const { mkdir } = await import('node:fs/promises');
  await mkdir(work, { recursive: true });
  const database = await scratchDatabase();
  const dataDir = join(work, 'cloud');

  // Raw baseline 2: batched INSERTs of the same rows, the same statement the ingest runs.
  const handle = await openDatabase({ url: database.url, dataDir });
  const insertStarted = performance.now();
  for (let start = 0; start < RAW; start += GROUP) {
    const rows = [];
    for (let n = start; n < Math.min(start + GROUP, RAW); n++) {
      const e = event('ins', n);
      rows.push({
        id: e.key,
        storeId: STORE,
        kind: e.kind,
        occurredAt: new Date(e.occurredAt),
        receivedAt: new Date(),
        payload: e.data,
      });
    }
    await handle.db.insert(ingestedEvents).values(rows).onConflictDoNothing();
  }
  const rawInsert = rate(RAW, performance.now() - insertStarted);
  await handle.close();
  const rawFsync = await rawAppend(RAW);

  const cloud = supervise({
    name: 'cloud',
    entry: join(root, 'cloud/src/main.ts'),
    env: {
      CLOUD_PORT: values.port,
      CLOUD_DATA_DIR: dataDir,
      CLOUD_SEED_DEMO: 'true',
      CLOUD_SEED_CUSTOMERS: '20',
      LOG_LEVEL: 'warn',
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    },
    logDir: work,
    onUnexpectedExit: (name, code, logFile) => {
      console.error(`${name} exited (code ${code}); see ${logFile}`);
      process.exit(1);
    },
  });
  try {
    await waitForHealthy(`${cloudUrl}/healthz`);
    const admin = createCloudAdmin(cloudUrl);
    const login = await admin.login('admin@vitrine.demo', 'vitrine-demo');
    const token = await admin.issueDeviceToken(login.token, STORE);
    const uploaderFor = (outbox: DurableOutbox, metrics: ReturnType<typeof createOutboxMetrics>) =>
      createOutboxUploader({
        outbox,
        send: createIngestClient({ baseUrl: cloudUrl, token }),
        metrics,
        logger: pino({ level: 'warn' }),
      });

    // Outbox append alone (no uploader), against raw baseline 1.
    const alone = await openOutbox('append');
    const appendStarted = performance.now();
    await appendAll(alone.outbox, 'app', RAW);
    const outboxAppend = rate(RAW, performance.now() - appendStarted);
    await alone.outbox.close();

    // Sustained: append as fast as the outbox takes it while the uploader drains.
    const live = await openOutbox('sustained');
    const liveUploader = uploaderFor(live.outbox, live.metrics);
    liveUploader.start();
    const sustainedStarted = performance.now();
    await appendAll(live.outbox, 'sus', SUSTAINED);
    await waitDrained(live.outbox);
    const sustained = rate(SUSTAINED, performance.now() - sustainedStarted);
    await liveUploader.stop();
    await live.outbox.close();

    // Recovery: an hour at 100/s appended while the cloud is away, then the cloud is back.
    const backlog = await openOutbox('backlog');
    await appendAll(backlog.outbox, 'out', BACKLOG);
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const backlogUploader = uploaderFor(backlog.outbox, backlog.metrics);
    const recoveryStarted = performance.now();
    backlogUploader.start();
    await waitDrained(backlog.outbox, () => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    });
    const recoveryMs = performance.now() - recoveryStarted;
    await backlogUploader.stop();
    await backlog.outbox.close();

    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    console.log(
      `\ncloud database: ${database.url ? 'PostgreSQL' : 'PGlite'}; batches of ${GROUP}\n`,
    );
    console.log(
      printTable(
        ['measure', 'outbox', 'raw baseline', 'outbox / raw'],
        [
          [
            `append + fsync, records/s (${RAW})`,
            outboxAppend,
            `${rawFsync} (plain file)`,
            (outboxAppend / rawFsync).toFixed(2),
          ],
          [
            `edge → cloud sustained, events/s (${SUSTAINED})`,
            sustained,
            `${rawInsert} (batched INSERT)`,
            (sustained / rawInsert).toFixed(2),
          ],
          [
            `recovery of ${BACKLOG} events (1 h at 100/s), s`,
            (recoveryMs / 1000).toFixed(1),
            `${(BACKLOG / rawInsert).toFixed(1)} (INSERT alone)`,
            (recoveryMs / 1000 / (BACKLOG / rawInsert)).toFixed(2),
          ],
          [
            'heap during recovery, MiB (before → peak)',
            `${mib(heapBefore)} → ${mib(heapPeak)}`,
            '',
            '',
          ],
        ],
      ),
    );
  } finally {
    await cloud.stop();
    await database.drop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
