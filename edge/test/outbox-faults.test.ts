/**
 * The outbox and its uploader against the real cloud ingest (in process, on a real port,
 * PGlite or DATABASE_URL's PostgreSQL) behind a front that injects the faults of the
 * field. Waits are on a fake clock: hours of outage take milliseconds.
 */
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DurableOutbox } from '../src/outbox/durable-outbox.ts';
import { createIngestClient } from '../src/outbox/ingest-client.ts';
import { createOutboxMetrics } from '../src/outbox/outbox-metrics.ts';
import { createOutboxUploader, type Sleep } from '../src/outbox/outbox-uploader.ts';
import { type OutboxCloud, startOutboxCloud } from './support/outbox-cloud.ts';
import { alertFact, checkInFact, outboxDir } from './support/outbox-events.ts';
import { waitFor } from './support/wait.ts';

const STORE = 'sto_tokyo-ginza';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let cloud: OutboxCloud;
let token: string;

beforeAll(async () => {
  cloud = await startOutboxCloud();
  token = await cloud.edgeToken(STORE);
}, 60_000);

afterAll(async () => {
  await cloud?.stop();
});

/** A clock that moves only when the uploader sleeps; `onSleep` lets a test act "later". */
function fakeClock(start = Date.parse('2026-11-23T09:00:00Z')) {
  const clock = {
    now: start,
    delays: [] as number[],
    onSleep: (_elapsed: number) => {},
    sleep: (async (ms) => {
      clock.delays.push(ms);
      clock.now += ms;
      clock.onSleep(clock.now - start);
      await new Promise((resolve) => setImmediate(resolve));
    }) satisfies Sleep,
  };
  return clock;
}

async function startPipeline(
  clock: ReturnType<typeof fakeClock>,
  { timeoutMs = 5000, maxBackoffMs = 5 * 60_000 } = {},
) {
  const registry = new Registry();
  const now = () => clock.now;
  const metrics = createOutboxMetrics({ registry, now });
  const outbox = new DurableOutbox({ dir: await outboxDir(), now, metrics });
  await outbox.open();
  const uploader = createOutboxUploader({
    outbox,
    send: createIngestClient({ baseUrl: cloud.url, token, timeoutMs, now }),
    metrics,
    logger: pino({ level: 'silent' }),
    sleep: clock.sleep,
    random: () => 0.5,
    backoff: { baseMs: 1000, maxMs: maxBackoffMs },
    maxRecords: 50,
  });
  const counter = async (name: string) =>
    Object.fromEntries(
      ((await registry.getSingleMetric(name)?.get())?.values ?? []).map((value) => [
        String(Object.values(value.labels)[0] ?? ''),
        value.value,
      ]),
    );
  const drained = () =>
    waitFor(() => (outbox.pendingTotal() === 0 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the outbox to drain',
    });
  return { outbox, uploader, counter, drained };
}

const sorted = (keys: string[]) => [...keys].sort();

describe('store and forward to the real cloud ingest', () => {
  it('loses nothing through hours of outage, backing off up to its cap', async () => {
    const clock = fakeClock();
    cloud.mode = 'down';
    clock.onSleep = (elapsed) => {
      if (elapsed >= 6 * HOUR) cloud.mode = 'up';
    };
    const { outbox, uploader, counter, drained } = await startPipeline(clock);
    const facts = [
      ...Array.from({ length: 120 }, (_, n) => checkInFact(STORE, n, { tag: 'outage' })),
      ...Array.from({ length: 30 }, (_, n) => alertFact(STORE, n, { tag: 'outagealert' })),
    ];
    for (const fact of facts) await outbox.append(fact);
    uploader.start();
    await drained();
    await uploader.stop();

    expect(clock.now - Date.parse('2026-11-23T09:00:00Z')).toBeGreaterThanOrEqual(6 * HOUR);
    const stored = (await cloud.keysOf(STORE)).filter((key) => key.includes('outage'));
    expect(sorted(stored)).toEqual(sorted(facts.map((fact) => fact.key)));
    // The cap (5 min) bounds every wait; the waits grew before reaching it.
    expect(Math.max(...clock.delays)).toBeLessThanOrEqual(5 * 60_000);
    expect(clock.delays[0]).toBeLessThan(clock.delays[6] ?? 0);
    expect((await counter('vitrine_edge_outbox_upload_failures_total')).unreachable).toBe(
      clock.delays.length,
    );
    expect(await counter('vitrine_edge_outbox_dropped_expired_total')).toEqual({});
    expect(await counter('vitrine_edge_outbox_uploaded_total')).toEqual({
      alert: 30,
      'check-in': 120,
    });
    await outbox.close();
  });

  it('drops what outlived its time to live during a week-long outage, and only that', async () => {
    const clock = fakeClock();
    cloud.mode = 'down';
    clock.onSleep = (elapsed) => {
      if (elapsed >= 8 * DAY) cloud.mode = 'up';
    };
    const { outbox, uploader, counter, drained } = await startPipeline(clock, {
      maxBackoffMs: HOUR,
    });
    const alerts = Array.from({ length: 5 }, (_, n) => alertFact(STORE, n, { tag: 'weekalert' }));
    const checkIns = Array.from({ length: 5 }, (_, n) => checkInFact(STORE, n, { tag: 'week' }));
    for (const fact of [...alerts, ...checkIns]) await outbox.append(fact);
    uploader.start();
    await drained();
    await uploader.stop();
    const stored = (await cloud.keysOf(STORE)).filter((key) => key.includes('week'));
    // Alerts live 7 days, check-ins 30: after 8 days only the check-ins are worth sending.
    expect(sorted(stored)).toEqual(sorted(checkIns.map((fact) => fact.key)));
    expect(await counter('vitrine_edge_outbox_dropped_expired_total')).toEqual({ alert: 5 });
    await outbox.close();
  });

  it('retries a cloud that answers 500, then delivers', async () => {
    const clock = fakeClock();
    cloud.mode = 'error-500';
    clock.onSleep = () => {
      if (clock.delays.length >= 3) cloud.mode = 'up';
    };
    const { outbox, uploader, counter, drained } = await startPipeline(clock);
    const facts = Array.from({ length: 10 }, (_, n) => checkInFact(STORE, n, { tag: 'err' }));
    for (const fact of facts) await outbox.append(fact);
    uploader.start();
    await drained();
    await uploader.stop();
    expect((await counter('vitrine_edge_outbox_upload_failures_total')).server_error).toBe(3);
    const stored = (await cloud.keysOf(STORE)).filter((key) => key.includes('err'));
    expect(sorted(stored)).toEqual(sorted(facts.map((fact) => fact.key)));
    await outbox.close();
  });

  it('gives up on a cloud that does not answer in time, and delivers once it does', async () => {
    const clock = fakeClock();
    cloud.mode = 'hang';
    clock.onSleep = () => {
      if (clock.delays.length >= 2) cloud.mode = 'up';
    };
    const { outbox, uploader, counter, drained } = await startPipeline(clock, { timeoutMs: 200 });
    const facts = Array.from({ length: 10 }, (_, n) => checkInFact(STORE, n, { tag: 'slow' }));
    for (const fact of facts) await outbox.append(fact);
    uploader.start();
    await drained();
    await uploader.stop();
    expect((await counter('vitrine_edge_outbox_upload_failures_total')).timeout).toBe(2);
    const stored = (await cloud.keysOf(STORE)).filter((key) => key.includes('slow'));
    expect(sorted(stored)).toEqual(sorted(facts.map((fact) => fact.key)));
    await outbox.close();
  });

  it('waits exactly as long as Retry-After says on 429', async () => {
    const clock = fakeClock();
    cloud.mode = 'busy-429';
    cloud.retryAfterSeconds = 120;
    clock.onSleep = () => {
      if (clock.delays.length >= 2) cloud.mode = 'up';
    };
    const { outbox, uploader, counter, drained } = await startPipeline(clock);
    await outbox.append(checkInFact(STORE, 1, { tag: 'busy' }));
    uploader.start();
    await drained();
    await uploader.stop();
    expect(clock.delays).toEqual([120_000, 120_000]);
    expect((await counter('vitrine_edge_outbox_upload_failures_total')).overloaded).toBe(2);
    expect(await cloud.keysOf(STORE)).toContain(checkInFact(STORE, 1, { tag: 'busy' }).key);
    await outbox.close();
  });

  it('resends a batch whose answer was lost, and the cloud keeps one copy', async () => {
    const clock = fakeClock();
    cloud.mode = 'lose-answer';
    clock.onSleep = () => {
      cloud.mode = 'up';
    };
    const { outbox, uploader, counter, drained } = await startPipeline(clock);
    const facts = Array.from({ length: 20 }, (_, n) => checkInFact(STORE, n, { tag: 'lost' }));
    for (const fact of facts) await outbox.append(fact);
    uploader.start();
    await drained();
    await uploader.stop();
    const stored = (await cloud.keysOf(STORE)).filter((key) => key.includes('lost'));
    expect(sorted(stored)).toEqual(sorted(facts.map((fact) => fact.key)));
    expect((await counter('vitrine_edge_outbox_duplicates_total'))['']).toBe(20);
    await outbox.close();
  });
});
