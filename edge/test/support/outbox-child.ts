/**
 * A stand-in for the edge process in the SIGKILL test: opens the outbox, uploads to the
 * cloud, appends check-in facts `from`..`to` and says which are durable, one line each.
 * With OUTBOX_DRAIN=1 it exits once the cloud has acknowledged everything.
 */
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { DurableOutbox } from '../../src/outbox/durable-outbox.ts';
import { createIngestClient } from '../../src/outbox/ingest-client.ts';
import { createOutboxMetrics } from '../../src/outbox/outbox-metrics.ts';
import { createOutboxUploader } from '../../src/outbox/outbox-uploader.ts';
import { checkInFact } from './outbox-events.ts';

const env = process.env;
const [dir, cloudUrl, token, store, tag] = [
  env.OUTBOX_DIR,
  env.OUTBOX_CLOUD_URL,
  env.OUTBOX_TOKEN,
  env.OUTBOX_STORE,
  env.OUTBOX_TAG,
];
if (!dir || !cloudUrl || !token || !store || !tag) throw new Error('missing OUTBOX_* variables');
const from = Number(env.OUTBOX_FROM ?? 0);
const to = Number(env.OUTBOX_TO ?? 0);

const metrics = createOutboxMetrics({ registry: new Registry() });
const outbox = new DurableOutbox({ dir, metrics, segmentBytes: 64 * 1024 });
const recovery = await outbox.open();
process.stdout.write(`${JSON.stringify({ recovery })}\n`);
const uploader = createOutboxUploader({
  outbox,
  send: createIngestClient({ baseUrl: cloudUrl, token }),
  metrics,
  logger: pino({ level: 'silent' }),
  backoff: { baseMs: 20, maxMs: 200 },
  maxRecords: 40,
});
uploader.start();

for (let n = from; n < to; n += 5) {
  const group = [];
  for (let i = n; i < Math.min(n + 5, to); i++) group.push(checkInFact(store, i, { tag }));
  await Promise.all(group.map((fact) => outbox.append(fact)));
  // Written synchronously to the pipe: once the line is out, the facts are on disk.
  process.stdout.write(`appended ${n + group.length - 1}\n`);
}

if (env.OUTBOX_DRAIN === '1') {
  while (outbox.pendingTotal() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  await uploader.stop();
  await outbox.close();
  process.stdout.write('drained\n');
  process.exit(0);
}
// Otherwise keep uploading until killed.
setInterval(() => {}, 1000);
