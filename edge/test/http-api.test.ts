import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginResponseSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Harness, startHarness } from './support/edge-harness.ts';

const problemSchema = z.object({
  error: z.object({
    code: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

describe('edge HTTP', () => {
  let h: Harness;
  let displays: string;
  beforeAll(async () => {
    displays = await mkdtemp(join(tmpdir(), 'vitrine-displays-'));
    await writeFile(join(displays, 'index.html'), '<!doctype html><title>Associate</title>');
    await writeFile(join(displays, 'app.js'), 'console.log("associate")');
    h = await startHarness({ env: { EDGE_DISPLAYS_DIR: displays } });
  });
  afterAll(async () => {
    await h.close();
    await rm(displays, { recursive: true, force: true });
  });

  const login = (body: unknown) =>
    fetch(`${h.edge.httpUrl}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('reports health with the broker connection and uptime', async () => {
    const response = await fetch(`${h.edge.httpUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      broker: 'connected',
      storeId: h.storeId,
      uptimeSeconds: expect.any(Number),
    });
  });

  it('exposes Prometheus metrics', async () => {
    await h.publishRaw(h.checkInTopic(), 'nope');
    await h.waitForCounter('vitrine_edge_messages_rejected_total', { reason: 'invalid_json' });
    const text = await (await fetch(`${h.edge.httpUrl}/metrics`)).text();
    expect(text).toContain('vitrine_edge_messages_rejected_total{reason="invalid_json"} 1');
    expect(text).toContain('# TYPE vitrine_edge_alert_latency_seconds histogram');
    expect(text).toContain('vitrine_edge_broker_connected 1');
  });

  it('logs an associate of this store in through the cloud', async () => {
    const response = await login({ email: 'aiko@vitrine.demo', password: 'vitrine-demo' });
    expect(response.status).toBe(200);
    const body = loginResponseSchema.parse(await response.json());
    expect(body.subject).toMatchObject({ role: 'associate', storeId: h.storeId });
    const recent = await fetch(`${h.edge.httpUrl}/api/alerts/recent`, {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(recent.status).toBe(200);
  });

  it.each([
    ['an associate of another store', 'camille@vitrine.demo'],
    ['an administrator', 'admin@vitrine.demo'],
  ])('refuses to log in %s (403)', async (_who, email) => {
    const response = await login({ email, password: 'vitrine-demo' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('passes on the cloud’s refusal of bad credentials (401)', async () => {
    const response = await login({ email: 'aiko@vitrine.demo', password: 'wrong' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('names each invalid field of a bad body (400)', async () => {
    const response = await login({ email: 'not-an-email' });
    expect(response.status).toBe(400);
    const body = problemSchema.parse(await response.json());
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((field) => field.path).sort()).toEqual(['email', 'password']);
    const notJson = await login('{oops');
    expect(notJson.status).toBe(400);
  });

  it('serves the associate page, with the page itself for app routes', async () => {
    const index = await fetch(`${h.edge.httpUrl}/associate/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Associate</title>');
    const script = await fetch(`${h.edge.httpUrl}/associate/app.js`);
    expect(await script.text()).toContain('console.log');
    const route = await fetch(`${h.edge.httpUrl}/associate/alerts/alr_1`);
    expect(await route.text()).toContain('<title>Associate</title>');
    const bare = await fetch(`${h.edge.httpUrl}/associate`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
  });

  it('answers 502 cloud_unreachable to a login while the cloud is down', async () => {
    await h.cloud.close();
    const response = await login({ email: 'aiko@vitrine.demo', password: 'vitrine-demo' });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'cloud_unreachable' } });
  });
});
