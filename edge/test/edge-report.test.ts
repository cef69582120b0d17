import { buildTopic, createEnvelope, type EdgeReport, edgeReportSchema } from '@vitrine/shared';
import { Hono } from 'hono';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEdgeReportSender } from '../src/fleet/edge-report-sender.ts';
import { createFleetMetrics } from '../src/fleet/fleet-metrics.ts';
import { EDGE_VERSION } from '../src/version.ts';
import { testLayoutInput } from './presence/support/store-layouts.ts';
import { cloudFeeds } from './support/codes.ts';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { engagementFeed, vipWelcome } from './support/engagement-catalogue.ts';
import { connectPublisher } from './support/mqtt-helpers.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

/** A cloud that takes edge reports as the real route does: parsed, or 400. */
function reportCloud(fallback: typeof globalThis.fetch = globalThis.fetch) {
  const received: { storeId: string; authorization: string | null; report: EdgeReport }[] = [];
  let posts = 0;
  const state = { status: 204 as 204 | 503 };
  const app = new Hono().post('/v1/stores/:storeId/edge/report', async (c) => {
    posts += 1;
    const parsed = edgeReportSchema.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ error: parsed.error.message }, 400);
    received.push({
      storeId: c.req.param('storeId'),
      authorization: c.req.header('authorization') ?? null,
      report: parsed.data,
    });
    return c.body(null, state.status);
  });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.endsWith('/edge/report')) return app.request(url.href, init);
    return fallback(input, init);
  };
  return { fetch, received, state, posts: () => posts };
}

function reportOf(pending: number): EdgeReport {
  return {
    version: '0.1.0',
    startedAt: '2026-12-02T09:00:00.000Z',
    publicUrl: 'http://10.0.0.2:8081',
    mqttWebSocketPath: '/mqtt',
    broker: 'embedded',
    brokerConnected: true,
    outbox: { pending, oldestPendingAt: null, lastUploadAt: null },
    lastSyncAt: { profiles: null },
    devices: [],
  };
}

describe('the edge report sender', () => {
  const logger = pino({ level: 'silent' });
  afterEach(() => {
    vi.useRealTimers();
  });

  function senderOn(cloud: ReturnType<typeof reportCloud>, report: () => EdgeReport) {
    const metrics = createFleetMetrics(new Registry());
    const sender = createEdgeReportSender({
      cloudUrl: 'http://cloud.test',
      token: 'edge-token',
      storeId: 'sto_tokyo-ginza',
      report,
      metrics,
      logger,
      fetch: cloud.fetch,
    });
    return { sender, metrics };
  }

  it('posts the report to its store with the edge token', async () => {
    const cloud = reportCloud();
    const { sender } = senderOn(cloud, () => reportOf(0));
    expect(await sender.sendOnce()).toBe('sent');
    expect(cloud.received).toEqual([
      { storeId: 'sto_tokyo-ginza', authorization: 'Bearer edge-token', report: reportOf(0) },
    ]);
  });

  it('keeps no refused report: the next tick sends the state as it is then', async () => {
    const cloud = reportCloud();
    let pending = 1;
    const { sender, metrics } = senderOn(cloud, () => reportOf(pending));
    cloud.state.status = 503;
    expect(await sender.sendOnce()).toBe('http_503');
    pending = 7;
    cloud.state.status = 204;
    expect(await sender.sendOnce()).toBe('sent');
    expect(cloud.posts()).toBe(2);
    expect(cloud.received.map((entry) => entry.report.outbox.pending)).toEqual([1, 7]);
    const { values } = await metrics.reports.get();
    expect(values.map(({ labels, value }) => [labels.outcome, value])).toEqual([
      ['http_503', 1],
      ['sent', 1],
    ]);
  });

  it('says unreachable when the cloud cannot be reached, and goes on', async () => {
    const { sender } = senderOn(
      {
        ...reportCloud(),
        fetch: async () => {
          throw new TypeError('fetch failed');
        },
      },
      () => reportOf(0),
    );
    expect(await sender.sendOnce()).toBe('unreachable');
  });

  it('sends nothing the shared schema refuses', async () => {
    const cloud = reportCloud();
    const { sender } = senderOn(cloud, () => ({ ...reportOf(0), publicUrl: 'not a url' }));
    expect(await sender.sendOnce()).toBe('invalid_report');
    expect(cloud.posts()).toBe(0);
  });

  it('sends at start, then once per interval', async () => {
    vi.useFakeTimers();
    const cloud = reportCloud();
    const { sender } = senderOn(cloud, () => reportOf(0));
    sender.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(cloud.posts()).toBe(1);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(cloud.posts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cloud.posts()).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cloud.posts()).toBe(4);
    await sender.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cloud.posts()).toBe(4);
  });
});

describe('a running edge reports itself and its scanner nodes', () => {
  let h: Harness;
  // Beside the reports, the cloud takes the outbox's uploads.
  const cloud = reportCloud(cloudFeeds().fetch);
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, '');
  const room = (name: string) => `test-${name}-${suffix}`;

  beforeAll(async () => {
    h = await startHarness({
      env: { EDGE_REPORT_INTERVAL_MS: '1000' },
      deps: { fetch: cloud.fetch },
      layout: (storeId) => testLayoutInput(storeId, suffix),
      engagementFeed: (storeId) => engagementFeed(storeId, [vipWelcome()]),
    });
  });
  afterAll(async () => {
    // Retained statuses of this test's nodes, cleared from a shared broker.
    const cleaner = await connectPublisher(h.edge.mqttUrl, `cleaner-${uniqueSuffix()}`);
    await cleaner.publishAsync(
      buildTopic('nodeStatus', { store: h.storeId, nodeId: 'node-entrance' }),
      '',
      {
        qos: 1,
        retain: true,
      },
    );
    await cleaner.publishAsync(buildTopic('espresenseRoomStatus', { room: room('floor') }), '', {
      qos: 1,
      retain: true,
    });
    await cleaner.endAsync();
    await h?.close();
  });

  /** The first report received from now on that meets `test`. */
  function nextReport(test: (report: EdgeReport) => boolean, what: string) {
    const from = cloud.received.length;
    return waitFor(() => cloud.received.slice(from).find((entry) => test(entry.report))?.report, {
      what,
      timeoutMs: 10_000,
    });
  }
  const deviceOf = (report: EdgeReport, id: string) =>
    report.devices.find((device) => device.id === id);

  it('says where phones reach it, its broker, its outbox and its feeds', async () => {
    const report = await nextReport((r) => r.brokerConnected, 'a report with the broker');
    expect(cloud.received[0]?.storeId).toBe(h.storeId);
    expect(report).toMatchObject({
      version: EDGE_VERSION,
      publicUrl: h.edge.httpUrl,
      mqttWebSocketPath: '/mqtt',
      broker: process.env.MQTT_URL ? 'external' : 'embedded',
      outbox: { pending: expect.any(Number) },
    });
    expect(Object.keys(report.lastSyncAt).sort()).toEqual([
      'content',
      'engagement',
      'identity',
      'profiles',
    ]);
    // This cloud serves the engagement feed, not the profiles': only the first was synced.
    const synced = await nextReport((r) => r.lastSyncAt.engagement !== null, 'engagement synced');
    expect(synced.lastSyncAt.profiles).toBeNull();
    expect(deviceOf(report, 'esp-floor')).toEqual({
      id: 'esp-floor',
      kind: 'node',
      zone: 'zon_test-floor',
      health: 'unknown',
      lastSeenAt: null,
      detail: 'never heard from',
    });
  });

  it('reports the last upload of the outbox once a check-in went up', async () => {
    await h.publishCheckIn('cus_000001');
    const report = await nextReport(
      (r) => r.outbox.lastUploadAt !== null && r.outbox.pending === 0,
      'a report after the upload',
    );
    expect(Date.parse(report.outbox.lastUploadAt ?? '')).toBeGreaterThan(
      Date.parse(report.startedAt),
    );
  });

  it('follows a node’s retained status: ok when online, offline on its last will', async () => {
    const node = await connectPublisher(h.edge.mqttUrl, `node-${uniqueSuffix()}`);
    const status = (state: 'online' | 'offline') =>
      JSON.stringify(
        createEnvelope(h.storeId, { state, firmware: '1.4.0', uptimeS: 12 }, { at: new Date() }),
      );
    const topic = buildTopic('nodeStatus', { store: h.storeId, nodeId: 'node-entrance' });
    await node.publishAsync(topic, status('online'), { qos: 1, retain: true });
    const online = await nextReport(
      (r) => deviceOf(r, 'node-entrance')?.health === 'ok',
      'node-entrance ok',
    );
    expect(deviceOf(online, 'node-entrance')).toMatchObject({ zone: 'zon_test-entrance' });
    await node.publishAsync(topic, status('offline'), { qos: 1, retain: true });
    await nextReport((r) => deviceOf(r, 'node-entrance')?.health === 'offline', 'node offline');
    await node.endAsync();
  });

  it('follows an ESPresense room’s status for the nodes in that room', async () => {
    const esp = await connectPublisher(h.edge.mqttUrl, `esp-${uniqueSuffix()}`);
    const topic = buildTopic('espresenseRoomStatus', { room: room('floor') });
    await esp.publishAsync(topic, 'online', { qos: 1, retain: true });
    const report = await nextReport((r) => deviceOf(r, 'esp-floor')?.health === 'ok', 'esp ok');
    expect(deviceOf(report, 'esp-entrance')?.health).toBe('unknown');
    await esp.endAsync();
  });

  it('drops and counts a node status it cannot read', async () => {
    await h.publishRaw(buildTopic('nodeStatus', { store: h.storeId, nodeId: 'node-x' }), '{');
    await h.waitForCounter('vitrine_edge_fleet_messages_dropped_total', { reason: 'invalid_json' });
  });
});
