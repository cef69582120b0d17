import { appendFile, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DurableOutbox } from '../src/outbox/durable-outbox.ts';
import { createOutboxMetrics } from '../src/outbox/outbox-metrics.ts';
import { alertFact, checkInFact, outboxDir } from './support/outbox-events.ts';

const STORE = 'sto_outbox-log';
const DAY = 86_400_000;

async function openOutbox(
  dir: string,
  { now = (): number => 1_000_000, segmentBytes = 4096 } = {},
) {
  const registry = new Registry();
  const metrics = createOutboxMetrics({ registry, now });
  const outbox = new DurableOutbox({ dir, now, metrics, segmentBytes });
  const recovery = await outbox.open();
  const metric = async (name: string) =>
    (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return { outbox, recovery, metric };
}

/** Reads and acknowledges everything, as an uploader whose cloud always answers would. */
async function drain(outbox: DurableOutbox, maxRecords = 50): Promise<string[]> {
  const keys: string[] = [];
  for (;;) {
    const batch = await outbox.nextBatch({ maxRecords });
    if (batch === null) return keys;
    expect(batch.entries.length).toBeLessThanOrEqual(maxRecords);
    keys.push(...batch.entries.map((entry) => entry.event.key));
    await outbox.ack(batch);
  }
}

const segmentFiles = async (dir: string, priority = 'normal') =>
  (await readdir(join(dir, priority))).filter((name) => name.endsWith('.seg')).sort();

describe('the durable outbox', () => {
  it('gives back every record in order across segments, and deletes acknowledged segments', async () => {
    const dir = await outboxDir();
    const { outbox, metric } = await openOutbox(dir);
    const facts = Array.from({ length: 120 }, (_, n) => checkInFact(STORE, n));
    // Ten ticks of twelve: each tick is one write and one fsync, then a segment may roll.
    for (let start = 0; start < facts.length; start += 12) {
      await Promise.all(facts.slice(start, start + 12).map((fact) => outbox.append(fact)));
    }
    expect(outbox.pending().normal).toBe(120);
    expect((await segmentFiles(dir)).length).toBeGreaterThan(3);
    expect(await drain(outbox, 7)).toEqual(facts.map((fact) => fact.key));
    expect(outbox.pendingTotal()).toBe(0);
    expect((await segmentFiles(dir)).length).toBe(1);
    // Reads that end exactly at a segment's end are not damage.
    expect(await metric('vitrine_edge_outbox_corrupt_records_total')).toMatchObject([{ value: 0 }]);
    await outbox.close();
  });

  it('resumes after the acknowledged position when it is opened again', async () => {
    const dir = await outboxDir();
    const first = await openOutbox(dir);
    for (let n = 0; n < 30; n++) await first.outbox.append(checkInFact(STORE, n));
    const batch = await first.outbox.nextBatch({ maxRecords: 12 });
    if (batch === null) throw new Error('expected a batch');
    await first.outbox.ack(batch);
    // Read but not acknowledged: these must come again.
    await first.outbox.nextBatch({ maxRecords: 5 });
    await first.outbox.close();

    const second = await openOutbox(dir);
    expect(second.recovery).toMatchObject({ pending: { normal: 18 }, corrupt: 0 });
    const keys = await drain(second.outbox);
    expect(keys).toEqual(Array.from({ length: 18 }, (_, n) => checkInFact(STORE, n + 12).key));
    await second.outbox.close();
  });

  it('cuts away a record torn at power loss and delivers everything before it', async () => {
    const dir = await outboxDir();
    const first = await openOutbox(dir, { segmentBytes: 1 << 20 });
    for (let n = 0; n < 10; n++) await first.outbox.append(checkInFact(STORE, n));
    await first.outbox.close();
    const [segment] = await segmentFiles(dir);
    const path = join(dir, 'normal', segment ?? '');
    const { size } = await stat(path);
    await truncate(path, size - 7);

    const second = await openOutbox(dir);
    expect(second.recovery.corrupt).toBe(1);
    expect(second.recovery.pending.normal).toBe(9);
    expect(await second.metric('vitrine_edge_outbox_corrupt_records_total')).toMatchObject([
      { value: 1 },
    ]);
    await second.outbox.append(checkInFact(STORE, 99));
    const keys = await drain(second.outbox);
    expect(keys).toEqual([
      ...Array.from({ length: 9 }, (_, n) => checkInFact(STORE, n).key),
      checkInFact(STORE, 99).key,
    ]);
    await second.outbox.close();
  });

  it('cuts away a last record whose bytes were damaged, and garbage after it', async () => {
    const dir = await outboxDir();
    const first = await openOutbox(dir, { segmentBytes: 1 << 20 });
    for (let n = 0; n < 4; n++) await first.outbox.append(alertFact(STORE, n));
    await first.outbox.close();
    const [segment] = await segmentFiles(dir, 'high');
    const path = join(dir, 'high', segment ?? '');
    const bytes = await readFile(path);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
    await appendFile(path, new Uint8Array(100));

    const second = await openOutbox(dir);
    expect(second.recovery).toMatchObject({ pending: { high: 3 }, corrupt: 1 });
    expect(await drain(second.outbox)).toEqual([0, 1, 2].map((n) => alertFact(STORE, n).key));
    await second.outbox.close();
  });

  it('resends from the start rather than lose anything when the acknowledged position is unreadable', async () => {
    const dir = await outboxDir();
    const first = await openOutbox(dir);
    for (let n = 0; n < 5; n++) await first.outbox.append(checkInFact(STORE, n));
    const batch = await first.outbox.nextBatch({ maxRecords: 2 });
    if (batch) await first.outbox.ack(batch);
    await first.outbox.close();
    await writeFile(join(dir, 'normal', 'acked.json'), '{"segment": "x"');
    const second = await openOutbox(dir);
    expect(second.recovery.pending.normal).toBe(5);
    await second.outbox.close();
  });

  it('uploads alerts before check-ins, each in the order appended', async () => {
    const dir = await outboxDir();
    const { outbox } = await openOutbox(dir);
    await outbox.append(checkInFact(STORE, 1));
    await outbox.append(alertFact(STORE, 1));
    await outbox.append(checkInFact(STORE, 2));
    await outbox.append(alertFact(STORE, 2));
    expect(await drain(outbox)).toEqual([
      alertFact(STORE, 1).key,
      alertFact(STORE, 2).key,
      checkInFact(STORE, 1).key,
      checkInFact(STORE, 2).key,
    ]);
    await outbox.close();
  });

  it('drops and counts records that outlived their kind, keeps those that did not', async () => {
    const dir = await outboxDir();
    let now = Date.parse('2026-11-01T00:00:00Z');
    const { outbox, metric } = await openOutbox(dir, { now: () => now });
    await outbox.append(alertFact(STORE, 1));
    await outbox.append(checkInFact(STORE, 1));
    now += 8 * DAY;
    await outbox.append(alertFact(STORE, 2));
    expect(await metric('vitrine_edge_outbox_oldest_pending_age_seconds')).toMatchObject([
      { value: 8 * 86_400 },
    ]);
    // Eight days on: the first alert (7 days) is stale, the check-in (30 days) is not.
    expect(await drain(outbox)).toEqual([alertFact(STORE, 2).key, checkInFact(STORE, 1).key]);
    expect(await metric('vitrine_edge_outbox_dropped_expired_total')).toMatchObject([
      { labels: { kind: 'alert' }, value: 1 },
    ]);
    expect(await metric('vitrine_edge_outbox_pending')).toEqual(
      expect.arrayContaining([expect.objectContaining({ labels: { priority: 'high' }, value: 0 })]),
    );
    await outbox.close();
  });

  it('refuses to keep an event the cloud would refuse', async () => {
    const dir = await outboxDir();
    const { outbox } = await openOutbox(dir);
    await expect(outbox.append({ ...checkInFact(STORE, 1), store: 'not a store' })).rejects.toThrow(
      /not a reportable event/,
    );
    expect(outbox.pendingTotal()).toBe(0);
    await outbox.close();
  });

  it('reads a large backlog a batch at a time', async () => {
    const dir = await outboxDir();
    const { outbox } = await openOutbox(dir, { segmentBytes: 256 * 1024 });
    const total = 5000;
    for (let start = 0; start < total; start += 500) {
      await Promise.all(
        Array.from({ length: 500 }, (_, i) => outbox.append(checkInFact(STORE, start + i))),
      );
    }
    const batch = await outbox.nextBatch({ maxRecords: 100, maxBytes: 1 << 20 });
    expect(batch?.entries).toHaveLength(100);
    const small = await outbox.nextBatch({ maxRecords: 1000, maxBytes: 4096 });
    expect(small?.entries.length).toBeLessThan(30);
    const keys = await drain(outbox, 500);
    expect(new Set(keys).size).toBe(total);
    await outbox.close();
  });
});
