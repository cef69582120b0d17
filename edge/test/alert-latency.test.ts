import { performance } from 'node:perf_hooks';
import { buildTopic, createEnvelope, topicFilter } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { connectPublisher, subscribeAll } from './support/mqtt-helpers.ts';
import { proofFor } from './support/passes.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

const COUNT = 500;
const RATE_PER_SECOND = 250;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

describe('check-in → socket alert latency (measured, printed)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it(`delivers every one of ${COUNT} check-ins as an alert`, async () => {
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    const raw = await subscribeAll(
      h.edge.mqttUrl,
      [topicFilter('checkIn', { store: h.storeId })],
      `raw-${uniqueSuffix()}`,
    );
    const sentAt = new Map<string, number>();
    const alertMs: number[] = [];
    const hopMs: number[] = [];
    aiko.socket.on('alert', (alert: { sourceMessageId: string }) => {
      const start = sentAt.get(alert.sourceMessageId);
      if (start !== undefined) alertMs.push(performance.now() - start);
    });
    raw.client.on('message', (_topic, payload) => {
      const id = /"id":"(msg_[a-z0-9]+)"/.exec(payload.toString())?.[1];
      const start = id ? sentAt.get(id) : undefined;
      if (start !== undefined) hopMs.push(performance.now() - start);
    });

    const customers = ['cus_000001', 'cus_000002'];
    // A phone per check-in, as at a busy door: each shows its own pass and a fresh proof,
    // made before the clock starts (the phone's work, not the edge's).
    const checkIns = await Promise.all(
      Array.from({ length: COUNT }, async (_, i) => {
        const app = await h.cloud.enrol(customers[i % customers.length] ?? 'cus_000001');
        return { pass: app.pass, proof: await proofFor(app, h.storeId) };
      }),
    );
    const topic = buildTopic('checkIn', { store: h.storeId, clientId: 'app-bench' });
    const publisher = await connectPublisher(h.edge.mqttUrl, `pub-${uniqueSuffix()}`);
    const started = performance.now();
    for (let i = 0; i < COUNT; i++) {
      const envelope = createEnvelope(
        h.storeId,
        { ...(checkIns[i] ?? { pass: '', proof: '' }), method: 'app', clientId: 'app-bench' },
        { at: new Date() },
      );
      sentAt.set(envelope.id, performance.now());
      publisher.publish(topic, JSON.stringify(envelope), { qos: 1 });
      const due = started + ((i + 1) * 1000) / RATE_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await waitFor(() => (aiko.alerts.length >= COUNT ? true : undefined), {
      timeoutMs: 20_000,
      what: `${COUNT} alerts`,
    });
    await publisher.endAsync();
    await raw.close();

    const broker = process.env.MQTT_URL
      ? `external broker ${process.env.MQTT_URL}`
      : 'embedded aedes';
    console.log(
      `[alert latency] ${broker}, ${COUNT} check-ins at ${RATE_PER_SECOND}/s, fake cloud: ` +
        `broker hop p50 ${percentile(hopMs, 50).toFixed(2)} ms p99 ${percentile(hopMs, 99).toFixed(2)} ms; ` +
        `check-in → socket alert p50 ${percentile(alertMs, 50).toFixed(2)} ms p99 ${percentile(alertMs, 99).toFixed(2)} ms`,
    );
    expect(aiko.alerts).toHaveLength(COUNT);
    expect(new Set(aiko.alerts.map((alert) => alert.sourceMessageId)).size).toBe(COUNT);
    expect(await h.counter('vitrine_edge_alerts_pushed_total')).toBe(COUNT);
  });
});
