import { Writable } from 'node:stream';
import { buildTopic } from '@vitrine/shared';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AssociateClient, type Harness, startHarness } from './support/edge-harness.ts';
import { waitFor } from './support/wait.ts';

/** Every warn line the edge logs, parsed. */
const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n'))
      if (line) lines.push(z.record(z.string(), z.unknown()).parse(JSON.parse(line)));
    done();
  },
});

describe('bad MQTT input is dropped, counted, logged, and survived', () => {
  let h: Harness;
  let aiko: AssociateClient;
  let alertsSoFar = 0;
  beforeAll(async () => {
    h = await startHarness({ logger: pino({ level: 'warn' }, capture) });
    aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
  });
  afterAll(async () => {
    await h.close();
  });

  /** After each bad message, the next good one must still produce an alert. */
  async function expectStillAlive() {
    alertsSoFar++;
    await h.publishCheckIn('cus_000001');
    await waitFor(() => aiko.alerts[alertsSoFar - 1], { what: 'an alert after the bad input' });
  }

  const cases: { name: string; reason: string; payload: (h: Harness) => string | Buffer }[] = [
    { name: 'malformed JSON', reason: 'invalid_json', payload: () => '{"v":1,"id":' },
    {
      name: 'bytes that are not UTF-8',
      reason: 'invalid_json',
      payload: () => Buffer.from([0xff, 0xfe, 0x00]),
    },
    {
      name: 'valid JSON of the wrong shape',
      reason: 'invalid_message',
      payload: () => JSON.stringify({ hello: 'world' }),
    },
    { name: 'a JSON array', reason: 'invalid_message', payload: () => '[1,2,3]' },
    {
      name: 'a check-in without a proof',
      reason: 'invalid_message',
      payload: (h) =>
        JSON.stringify(h.envelope({ pass: 'pass.p.p', method: 'app', clientId: 'app-1' })),
    },
    {
      name: 'an envelope for another store than the topic',
      reason: 'wrong_store',
      payload: (h) =>
        JSON.stringify(
          h.envelope(
            { pass: 'pass.p.p', proof: 'proof.p.p', method: 'app', clientId: 'app-1' },
            'sto_paris-rivoli',
          ),
        ),
    },
    {
      name: 'a future protocol version',
      reason: 'unsupported_version',
      payload: (h) =>
        JSON.stringify({
          ...h.envelope({ pass: 'pass.p.p', proof: 'proof.p.p', method: 'app', clientId: 'app-1' }),
          v: 2,
        }),
    },
    {
      name: 'an oversized payload',
      reason: 'payload_too_large',
      payload: (h) =>
        JSON.stringify({
          ...h.envelope({ pass: 'pass.p.p', proof: 'proof.p.p', method: 'app', clientId: 'app-1' }),
          pad: 'x'.repeat(40_000),
        }),
    },
  ];

  for (const c of cases) {
    it(`drops ${c.name} as ${c.reason} and keeps working`, async () => {
      const before = await h.counter('vitrine_edge_messages_rejected_total', { reason: c.reason });
      await h.publishRaw(h.checkInTopic(), c.payload(h));
      await h.waitForCounter(
        'vitrine_edge_messages_rejected_total',
        { reason: c.reason },
        before + 1,
      );
      const logged = lines.find(
        (line) => line.reason === c.reason && line.msg === 'message rejected',
      );
      expect(logged).toMatchObject({
        level: 40,
        topic: h.checkInTopic(),
        detail: expect.any(String),
      });
      await expectStillAlive();
      expect(await h.counter('vitrine_edge_alerts_pushed_total')).toBe(alertsSoFar);
    });
  }

  it('does not hear check-ins addressed to another store', async () => {
    const other = 'sto_paris-rivoli';
    const topic = buildTopic('checkIn', { store: other, clientId: 'app-1' });
    await h.publishRaw(
      topic,
      JSON.stringify(
        h.envelope(
          { pass: 'pass.p.p', proof: 'proof.p.p', method: 'app', clientId: 'app-1' },
          other,
        ),
      ),
    );
    await expectStillAlive();
    expect(aiko.alerts.every((alert) => alert.storeId === h.storeId)).toBe(true);
    expect(await h.counter('vitrine_edge_alerts_pushed_total')).toBe(alertsSoFar);
  });

  it('counts only accepted messages as received', async () => {
    expect(await h.counter('vitrine_edge_messages_received_total', { kind: 'checkIn' })).toBe(
      alertsSoFar,
    );
  });
});
