import { type EdgeReport, fleetSchema, memberStoreListSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

const TOKYO = 'sto_tokyo-ginza';
const PARIS = 'sto_paris-rivoli';
const NEW_YORK = 'sto_newyork-soho';

/** The cloud's clock, moved by the tests. */
let clock = SEED_NOW;
let cloud: TestCloud;
let tokyoEdge: string;
let parisEdge: string;
let marketer: string;
let associate: string;

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 5, now: () => clock });
  const admin = await loginAs(cloud, 'admin@vitrine.demo');
  tokyoEdge = await createCaller(cloud).edgeToken(admin, TOKYO);
  parisEdge = await createCaller(cloud).edgeToken(admin, PARIS);
  marketer = await loginAs(cloud, 'marketer@vitrine.demo');
  associate = await loginAs(cloud, 'aiko@vitrine.demo');
});

afterAll(async () => {
  await cloud?.close();
});

function reportOf(overrides: Partial<EdgeReport> = {}): EdgeReport {
  return {
    version: '0.1.0',
    startedAt: '2026-11-01T08:00:00.000Z',
    publicUrl: 'https://ginza.edge.example',
    mqttWebSocketPath: '/mqtt',
    broker: 'embedded',
    brokerConnected: true,
    outbox: { pending: 3, oldestPendingAt: '2026-11-01T08:58:00.000Z', lastUploadAt: null },
    lastSyncAt: { profiles: '2026-11-01T08:59:30.000Z', engagement: null },
    devices: [
      {
        id: 'node-entrance',
        kind: 'node',
        zone: 'zon_tokyo-ginza-entrance',
        health: 'degraded',
        lastSeenAt: '2026-11-01T08:57:00.000Z',
        detail: 'silent for 3 minutes',
      },
    ],
    ...overrides,
  };
}

const postReport = (storeId: string, token: string, body: unknown) =>
  cloud.app.request(`/v1/stores/${storeId}/edge/report`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function readFleet(query = '', token = marketer) {
  const response = await cloud.app.request(`/v1/fleet${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return fleetSchema.parse(await response.json()).items;
}

const stateOf = (items: Awaited<ReturnType<typeof readFleet>>) =>
  Object.fromEntries(items.map((item) => [item.storeId, item.state]));

describe('POST /v1/stores/{storeId}/edge/report', () => {
  it("accepts the store's own edge report with 204", async () => {
    const response = await postReport(TOKYO, tokyoEdge, reportOf());
    expect(response.status).toBe(204);
  });

  it("refuses a report for another store with this edge's token", async () => {
    const response = await postReport(PARIS, tokyoEdge, reportOf());
    expect(response.status).toBe(403);
    expect(problemSchema.parse(await response.json()).error.code).toBe('forbidden');
  });

  it('refuses a report from anyone but an edge', async () => {
    const response = await postReport(TOKYO, marketer, reportOf());
    expect(response.status).toBe(403);
  });

  it('answers an invalid report with 400 naming the field', async () => {
    const response = await postReport(TOKYO, tokyoEdge, {
      ...reportOf(),
      outbox: { pending: -1, oldestPendingAt: null, lastUploadAt: null },
    });
    expect(response.status).toBe(400);
    const problem = problemSchema.parse(await response.json());
    expect(problem.error.fields?.map((field) => field.path)).toEqual(['outbox.pending']);
  });

  it('answers a report with an unknown field with 400 naming it', async () => {
    const response = await postReport(TOKYO, tokyoEdge, { ...reportOf(), uptime: 12 });
    expect(response.status).toBe(400);
    const problem = problemSchema.parse(await response.json());
    expect(JSON.stringify(problem.error.fields)).toContain('uptime');
  });
});

describe('GET /v1/fleet', () => {
  it('shows a store online with its latest report, and the stores that never reported', async () => {
    clock = new Date(SEED_NOW.getTime() + 1_000);
    const latest = reportOf({ version: '0.2.0' });
    expect((await postReport(TOKYO, tokyoEdge, latest)).status).toBe(204);
    clock = new Date(SEED_NOW.getTime() + 60_000);
    const items = await readFleet();
    expect(stateOf(items)).toEqual({
      [NEW_YORK]: 'never-reported',
      [PARIS]: 'never-reported',
      [TOKYO]: 'online',
    });
    const tokyo = items.find((item) => item.storeId === TOKYO);
    expect(tokyo?.report).toEqual(latest);
    expect(tokyo?.reportedAt).toBe('2026-11-01T09:00:01.000Z');
    expect(tokyo?.name).toBeTruthy();
    expect(items.find((item) => item.storeId === PARIS)?.report).toBeNull();
  });

  it('shows the store offline once its last report is 90 seconds old', async () => {
    clock = new Date(SEED_NOW.getTime() + 1_000 + 90_000);
    expect(stateOf(await readFleet())[TOKYO]).toBe('offline');
  });

  it('keeps one report per store: a new one brings it back online', async () => {
    expect((await postReport(PARIS, parisEdge, reportOf())).status).toBe(204);
    expect((await postReport(TOKYO, tokyoEdge, reportOf({ version: '0.3.0' }))).status).toBe(204);
    const items = await readFleet();
    expect(stateOf(items)).toMatchObject({ [TOKYO]: 'online', [PARIS]: 'online' });
    expect(items.find((item) => item.storeId === TOKYO)?.report?.version).toBe('0.3.0');
  });

  it('filters by state', async () => {
    const neverReported = await readFleet('?state=never-reported');
    expect(neverReported.map((item) => item.storeId)).toEqual([NEW_YORK]);
  });

  it('answers an unknown state with 400 naming it', async () => {
    const response = await cloud.app.request('/v1/fleet?state=asleep', {
      headers: { authorization: `Bearer ${marketer}` },
    });
    expect(response.status).toBe(400);
    const problem = problemSchema.parse(await response.json());
    expect(problem.error.fields?.map((field) => field.path)).toEqual(['state']);
  });

  it('is for admins and marketers only', async () => {
    const asAssociate = await cloud.app.request('/v1/fleet', {
      headers: { authorization: `Bearer ${associate}` },
    });
    expect(asAssociate.status).toBe(403);
    expect((await cloud.app.request('/v1/fleet')).status).toBe(401);
  });
});

describe('GET /v1/members/stores', () => {
  const list = (query: string) => cloud.app.request(`/v1/members/stores${query}`);

  it("gives every store with its edge's MQTT WebSocket address and whether it is online, without a token", async () => {
    expect(
      (
        await postReport(
          PARIS,
          parisEdge,
          reportOf({ publicUrl: 'http://10.1.2.3:8080', mqttWebSocketPath: '/mqtt' }),
        )
      ).status,
    ).toBe(204);
    clock = new Date(clock.getTime() + 120_000);
    expect((await postReport(TOKYO, tokyoEdge, reportOf())).status).toBe(204);
    const response = await list('?organisationId=org_maison-demo');
    expect(response.status).toBe(200);
    const { items } = memberStoreListSchema.parse(await response.json());
    const byId = Object.fromEntries(items.map((item) => [item.id, item]));
    expect(byId[TOKYO]).toMatchObject({
      mqttWebSocketUrl: 'wss://ginza.edge.example/mqtt',
      online: true,
    });
    expect(byId[PARIS]).toMatchObject({
      mqttWebSocketUrl: 'ws://10.1.2.3:8080/mqtt',
      online: false,
    });
    expect(byId[NEW_YORK]).toMatchObject({ mqttWebSocketUrl: null, online: false });
    expect(byId[NEW_YORK]?.country).toMatch(/^[A-Z]{2}$/);
  });

  it('answers an unknown organisation with 404 naming it', async () => {
    const response = await list('?organisationId=org_nobody');
    expect(response.status).toBe(404);
    expect(problemSchema.parse(await response.json()).error.message).toContain('org_nobody');
  });

  it('answers a missing or invalid organisationId with 400 naming it', async () => {
    for (const query of ['', '?organisationId=not-an-id']) {
      const response = await list(query);
      expect(response.status).toBe(400);
      const problem = problemSchema.parse(await response.json());
      expect(problem.error.fields?.map((field) => field.path)).toEqual(['organisationId']);
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes the report, the fleet and the stores a phone checks in at', async () => {
    const response = await cloud.app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, object> };
    expect(Object.keys(document.paths['/v1/stores/{storeId}/edge/report'] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths['/v1/fleet'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/v1/members/stores'] ?? {})).toEqual(['get']);
  });
});
