import { buildTopic, createEnvelope } from '@vitrine/shared';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createEdgeMetrics } from '../observability/edge-metrics.ts';
import { createMessageIntake, type IntakeHandlers, MessageNotKeptError } from './message-intake.ts';

const store = 'sto_tokyo-ginza';
const topic = buildTopic('checkIn', { store, clientId: 'app-1' });
const valid = new TextEncoder().encode(
  JSON.stringify(
    createEnvelope(
      store,
      { pass: 'pass.jws', proof: 'proof.jws', method: 'app', clientId: 'app-1' },
      { at: new Date() },
    ),
  ),
);

async function count(
  metrics: ReturnType<typeof createEdgeMetrics>,
  name: string,
  labels: Record<string, string>,
) {
  const metric = metrics.registry.getSingleMetric(name);
  const values = (await metric?.get())?.values ?? [];
  return (
    values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value ?? 0
  );
}

function setup(handlers: IntakeHandlers) {
  const metrics = createEdgeMetrics({ defaultMetrics: false });
  const intake = createMessageIntake({ handlers, metrics, logger: pino({ level: 'silent' }) });
  return { metrics, intake };
}

describe('message intake', () => {
  it('hands an accepted check-in to its flow and counts it by kind', async () => {
    const seen: string[] = [];
    const { metrics, intake } = setup({
      checkIn: (m) => void seen.push(m.payload.data.pass),
    });
    intake.handle(topic, valid);
    expect(seen).toEqual(['pass.jws']);
    expect(await count(metrics, 'vitrine_edge_messages_received_total', { kind: 'checkIn' })).toBe(
      1,
    );
  });

  it('survives a flow that throws, counting it as internal', async () => {
    const { metrics, intake } = setup({
      checkIn: () => {
        throw new Error('boom');
      },
    });
    await expect(intake.handle(topic, valid)).resolves.toBeUndefined();
    expect(
      await count(metrics, 'vitrine_edge_messages_rejected_total', { reason: 'internal' }),
    ).toBe(1);
  });

  it('survives a flow that rejects, counting it as internal', async () => {
    const { metrics, intake } = setup({ checkIn: () => Promise.reject(new Error('async boom')) });
    // Acknowledged all the same: a message that fails this way would fail every time.
    await expect(intake.handle(topic, valid)).resolves.toBeUndefined();
    expect(
      await count(metrics, 'vitrine_edge_messages_rejected_total', { reason: 'internal' }),
    ).toBe(1);
  });

  it('is ready to acknowledge a message only once its flow has kept it', async () => {
    let kept: () => void = () => {};
    const { intake } = setup({ checkIn: () => new Promise<void>((resolve) => (kept = resolve)) });
    let acknowledged = false;
    const handled = intake.handle(topic, valid).then(() => {
      acknowledged = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(acknowledged).toBe(false);
    kept();
    await handled;
    expect(acknowledged).toBe(true);
  });

  it('leaves unacknowledged a message its flow could not keep, so it comes again', async () => {
    const { metrics, intake } = setup({
      checkIn: () => Promise.reject(new MessageNotKeptError('outbox full')),
    });
    await expect(intake.handle(topic, valid)).rejects.toBeInstanceOf(MessageNotKeptError);
    expect(
      await count(metrics, 'vitrine_edge_messages_rejected_total', { reason: 'internal' }),
    ).toBe(1);
  });

  it('drops a message on a topic that is not Vitrine’s', async () => {
    const { metrics, intake } = setup({});
    intake.handle('somewhere/else', valid);
    expect(
      await count(metrics, 'vitrine_edge_messages_rejected_total', { reason: 'unknown_topic' }),
    ).toBe(1);
  });

  it('accepts a kind it has no flow for without failing', async () => {
    const { metrics, intake } = setup({});
    intake.handle(topic, valid);
    expect(await count(metrics, 'vitrine_edge_messages_received_total', { kind: 'checkIn' })).toBe(
      1,
    );
  });
});
