import type { IngestEvent } from '@vitrine/shared';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DurableOutbox } from '../src/outbox/durable-outbox.ts';
import type { SendBatch, UploadResult } from '../src/outbox/ingest-client.ts';
import { createOutboxMetrics } from '../src/outbox/outbox-metrics.ts';
import { createOutboxUploader } from '../src/outbox/outbox-uploader.ts';
import { checkInFact, outboxDir } from './support/outbox-events.ts';
import { waitFor } from './support/wait.ts';

const STORE = 'sto_outbox-uploader';

const accepted = (events: IngestEvent[]): UploadResult => ({
  ok: true,
  accepted: events.map((event) => event.key),
  duplicates: [],
});
const failed = (
  reason: 'rejected' | 'too_large' | 'unreachable',
  rejectedIndexes: number[] = [],
): UploadResult => ({ ok: false, reason, detail: reason, retryAfterMs: null, rejectedIndexes });

async function setUp(send: SendBatch, { maxRecords = 500 } = {}) {
  const registry = new Registry();
  const metrics = createOutboxMetrics({ registry });
  const outbox = new DurableOutbox({ dir: await outboxDir(), metrics });
  await outbox.open();
  const sleeps: number[] = [];
  const uploader = createOutboxUploader({
    outbox,
    send,
    metrics,
    logger: pino({ level: 'silent' }),
    maxRecords,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      // A long wait that only stop() ends, to see that stop does not wait it out.
      if (ms >= 60_000) await new Promise((resolve) => signal.addEventListener('abort', resolve));
    },
  });
  const metric = async (name: string) =>
    (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return { outbox, uploader, metric, sleeps };
}

describe('the outbox uploader', () => {
  it('drops only the records the cloud names as invalid, and delivers the rest', async () => {
    const delivered: string[] = [];
    const send: SendBatch = async (events) => {
      const bad = events.findIndex((event) => event.key.endsWith('00000002'));
      if (bad !== -1) return failed('rejected', [bad]);
      delivered.push(...events.map((event) => event.key));
      return accepted(events);
    };
    const { outbox, uploader, metric } = await setUp(send);
    for (let n = 0; n < 5; n++) await outbox.append(checkInFact(STORE, n));
    uploader.start();
    await waitFor(() => (outbox.pendingTotal() === 0 ? true : undefined));
    await uploader.stop();
    expect(delivered).toEqual([0, 1, 3, 4].map((n) => checkInFact(STORE, n).key));
    expect(await metric('vitrine_edge_outbox_dropped_rejected_total')).toMatchObject([
      { labels: { kind: 'check-in' }, value: 1 },
    ]);
    await outbox.close();
  });

  it('halves its batches when the cloud refuses one as too large', async () => {
    const sizes: number[] = [];
    const send: SendBatch = async (events) => {
      sizes.push(events.length);
      return events.length > 3 ? failed('too_large') : accepted(events);
    };
    const { outbox, uploader, sleeps } = await setUp(send, { maxRecords: 12 });
    for (let n = 0; n < 12; n++) await outbox.append(checkInFact(STORE, n));
    uploader.start();
    await waitFor(() => (outbox.pendingTotal() === 0 ? true : undefined));
    await uploader.stop();
    expect(sizes).toEqual([12, 6, 3, 3, 3, 3]);
    expect(sleeps).toEqual([]);
    await outbox.close();
  });

  it('stops at once in the middle of a backoff, leaving the records on disk', async () => {
    const send: SendBatch = async () => failed('unreachable');
    const { outbox, uploader, sleeps } = await setUp(send);
    await outbox.append(checkInFact(STORE, 1));
    uploader.start();
    // 0.5 s, 1 s, 2 s, ... with half jitter: the eighth wait (64 s) lasts until stop().
    await waitFor(() => (sleeps.length >= 8 ? true : undefined));
    expect(sleeps.at(-1)).toBe(64_000);
    await uploader.stop({ flushTimeoutMs: 60_000 });
    expect(outbox.pendingTotal()).toBe(1);
    expect(uploader.failuresInARow).toBe(8);
    await outbox.close();
  });
});
