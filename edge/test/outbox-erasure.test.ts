import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestEvent } from '@vitrine/shared';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DurableOutbox } from '../src/outbox/durable-outbox.ts';
import { ERASED_FILE } from '../src/outbox/erasure-file.ts';
import { createOutboxMetrics } from '../src/outbox/outbox-metrics.ts';
import { alertFact, checkInFact, outboxDir } from './support/outbox-events.ts';

const STORE = 'sto_outbox-erasure';

async function openOutbox(dir: string) {
  const registry = new Registry();
  const outbox = new DurableOutbox({ dir, metrics: createOutboxMetrics({ registry }) });
  const recovery = await outbox.open();
  const dropped = async () =>
    Object.fromEntries(
      (
        (await registry.getSingleMetric('vitrine_edge_outbox_dropped_erased_total')?.get())
          ?.values ?? []
      ).map((value) => [String(value.labels.kind), value.value]),
    );
  return { outbox, recovery, dropped };
}

function about<E extends IngestEvent>(customerId: string, event: E): E {
  return { ...event, data: { ...event.data, customerId } };
}

/** Everything an uploader whose cloud always answers would send. */
async function upload(outbox: DurableOutbox): Promise<IngestEvent[]> {
  const sent: IngestEvent[] = [];
  for (;;) {
    const batch = await outbox.nextBatch({ maxRecords: 3 });
    if (batch === null) return sent;
    sent.push(...batch.entries.map((entry) => entry.event));
    await outbox.ack(batch);
  }
}

describe('erasure in the outbox', () => {
  it('never uploads what waited about a customer erased since, even after a restart', async () => {
    const dir = await outboxDir();
    const first = await openOutbox(dir);
    const events = [
      about('cus_000001', checkInFact(STORE, 1)),
      about('cus_000002', checkInFact(STORE, 2)),
      about('cus_000002', alertFact(STORE, 2)),
      about('cus_000001', alertFact(STORE, 1)),
      about('cus_000002', checkInFact(STORE, 3)),
    ];
    for (const event of events) await first.outbox.append(event);
    await first.outbox.purgeCustomers(['cus_000002']);
    await first.outbox.close();

    const second = await openOutbox(dir);
    expect(second.recovery.erased).toBe(1);
    const sent = await upload(second.outbox);
    expect(sent.map((event) => event.key)).toEqual([
      alertFact(STORE, 1).key,
      checkInFact(STORE, 1).key,
    ]);
    expect(JSON.stringify(sent)).not.toContain('cus_000002');
    expect(await second.dropped()).toEqual({ alert: 1, 'check-in': 2 });
    await second.outbox.close();
  });

  it('forgets its tombstones once nothing is left pending', async () => {
    const dir = await outboxDir();
    const { outbox } = await openOutbox(dir);
    await outbox.append(about('cus_000002', checkInFact(STORE, 1)));
    await outbox.purgeCustomers(['cus_000002', 'cus_000003']);
    expect(JSON.parse(await readFile(join(dir, ERASED_FILE), 'utf8'))).toEqual({
      customers: ['cus_000002', 'cus_000003'],
    });
    expect(await upload(outbox)).toEqual([]);
    // A later report about the same customer (a check-in in degraded mode) goes to the
    // cloud, which no longer knows them and keeps it without who it was.
    await outbox.append(about('cus_000002', checkInFact(STORE, 2)));
    expect((await upload(outbox)).map((event) => event.key)).toEqual([checkInFact(STORE, 2).key]);
    await outbox.close();
    expect((await openOutbox(dir)).recovery.erased).toBe(0);
  });

  it('opens with a damaged list of erased customers, and says so', async () => {
    const dir = await outboxDir();
    const { outbox } = await openOutbox(dir);
    await outbox.close();
    await writeFile(join(dir, ERASED_FILE), '{"customers": [');
    const reopened = await openOutbox(dir);
    expect(reopened.recovery.erasedUnreadable).toContain('not JSON');
    await reopened.outbox.close();
  });
});
