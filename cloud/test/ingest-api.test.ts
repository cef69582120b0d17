import { type IngestEvent, ingestResponseSchema } from '@vitrine/shared';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestedEvents } from '../src/db/schema-ingest.ts';
import { problemSchema } from '../src/http/problem.ts';
import { concurrencyGate } from '../src/ingest/ingest-limits.ts';
import { createIngestRepository } from '../src/ingest/ingest-repository.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let tokyoEdge: string;
let associate: string;

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 20 });
  const admin = await loginAs(cloud, 'admin@vitrine.demo');
  tokyoEdge = await createCaller(cloud).edgeToken(admin, 'sto_tokyo-ginza');
  associate = await loginAs(cloud, 'aiko@vitrine.demo');
});

afterAll(async () => {
  await cloud?.close();
});

let sequence = 0;
function checkIn(overrides: Partial<IngestEvent> = {}): IngestEvent {
  sequence += 1;
  const messageId = `msg_ingest${String(sequence).padStart(6, '0')}`;
  return {
    key: `check-in:${messageId}`,
    kind: 'check-in',
    store: 'sto_tokyo-ginza',
    occurredAt: '2026-11-01T08:59:00.000Z',
    data: { messageId, customerId: 'cus_000001', method: 'app', clientId: 'app-1' },
    ...overrides,
  } as IngestEvent;
}

const post = (body: unknown, token = tokyoEdge) =>
  cloud.app.request('/v1/ingest', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const storedKeys = () => createIngestRepository(cloud.database.db).keysOf('sto_tokyo-ginza');

describe('POST /v1/ingest', () => {
  it('stores a batch once and answers a resend with duplicates', async () => {
    const events = [checkIn(), checkIn()];
    const first = await post({ events });
    expect(first.status).toBe(200);
    expect(ingestResponseSchema.parse(await first.json())).toEqual({
      accepted: events.map((event) => event.key),
      duplicates: [],
    });
    const later = checkIn();
    const again = await post({ events: [...events, later] });
    expect(ingestResponseSchema.parse(await again.json())).toEqual({
      accepted: [later.key],
      duplicates: events.map((event) => event.key),
    });
    const keys = await storedKeys();
    for (const event of [...events, later]) {
      expect(keys.filter((key) => key === event.key)).toHaveLength(1);
    }
  });

  it('stores a key repeated inside one batch once', async () => {
    const event = checkIn();
    const response = await post({ events: [event, event] });
    expect(ingestResponseSchema.parse(await response.json())).toEqual({
      accepted: [event.key],
      duplicates: [event.key],
    });
  });

  it('keeps the store, kind, time and data of each event', async () => {
    const alert: IngestEvent = {
      key: 'alert:msg_alertsource1',
      kind: 'alert',
      store: 'sto_tokyo-ginza',
      occurredAt: '2026-11-01T08:58:30.000+09:00',
      data: {
        alertId: 'alr_one',
        customerId: 'cus_000002',
        source: 'check-in',
        sourceMessageId: 'msg_alertsource1',
        zoneId: null,
        degraded: true,
        freshness: 'cached',
      },
    };
    expect((await post({ events: [alert] })).status).toBe(200);
    const [row] = await cloud.database.db
      .select()
      .from(ingestedEvents)
      .where(eq(ingestedEvents.id, alert.key));
    expect(row?.storeId).toBe('sto_tokyo-ginza');
    expect(row?.kind).toBe('alert');
    expect(row?.occurredAt.toISOString()).toBe('2026-10-31T23:58:30.000Z');
    expect(row?.payload).toEqual(alert.data);
  });

  it('refuses events of another store with 403 and stores none of the batch', async () => {
    const mine = checkIn();
    const foreign = checkIn({ store: 'sto_paris-rivoli' });
    const response = await post({ events: [mine, foreign] });
    expect(response.status).toBe(403);
    const problem = problemSchema.parse(await response.json());
    expect(problem.error.message).toContain('events.1.store');
    expect(await storedKeys()).not.toContain(mine.key);
  });

  it('names the index and field of an invalid record with 400', async () => {
    const good = checkIn();
    const response = await post({
      events: [good, checkIn({ occurredAt: 'yesterday' }), { ...checkIn(), key: 'no key' }],
    });
    expect(response.status).toBe(400);
    const fields = (problemSchema.parse(await response.json()).error.fields ?? []).map(
      (field) => field.path,
    );
    expect(fields).toEqual(expect.arrayContaining(['events.1.occurredAt', 'events.2.key']));
    expect(await storedKeys()).not.toContain(good.key);
  });

  it('refuses a body that is not JSON, and an empty batch, with 400', async () => {
    expect((await post('{"events": [')).status).toBe(400);
    expect((await post({ events: [] })).status).toBe(400);
    expect((await post({})).status).toBe(400);
  });

  it('answers 413 for too many events or too many bytes', async () => {
    const many = Array.from({ length: 1001 }, () => checkIn());
    const tooMany = await post({ events: many });
    expect(tooMany.status).toBe(413);
    expect(problemSchema.parse(await tooMany.json()).error.code).toBe('payload_too_large');
    const huge = checkIn();
    const padded = { ...huge, data: { ...huge.data, padding: 'x'.repeat(1_100_000) } };
    expect((await post({ events: [padded] })).status).toBe(413);
    expect(await storedKeys()).not.toContain(many[0]?.key);
  });

  it('takes batches from edge devices only', async () => {
    expect((await post({ events: [checkIn()] }, 'not-a-token')).status).toBe(401);
    expect((await post({ events: [checkIn()] }, associate)).status).toBe(403);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await cloud.app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toContain('/v1/ingest');
  });
});

describe('the ingest concurrency gate', () => {
  it('answers 503 with Retry-After beyond its limit, and admits again once one finishes', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let refused = 0;
    const app = new Hono();
    app.post(
      '/',
      concurrencyGate({ maxInFlight: 1, retryAfterSeconds: 3, onRefused: () => refused++ }),
      async (c) => {
        await held;
        return c.text('stored');
      },
    );
    const first = app.request('/', { method: 'POST' });
    const second = await app.request('/', { method: 'POST' });
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('3');
    expect(problemSchema.parse(await second.json()).error.code).toBe('rate_limited');
    release();
    expect((await first).status).toBe(200);
    expect((await app.request('/', { method: 'POST' })).status).toBe(200);
    expect(refused).toBe(1);
  });
});
