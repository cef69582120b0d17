import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createRecentArrivals } from '../../src/domain/recent-arrivals.ts';
import type { Arrival } from '../../src/flows/check-in-flow.ts';
import type { VerifiedIdentity } from '../../src/identity/domain/verify-presence.ts';
import { createPresenceArrivals } from '../../src/presence/presence-arrivals.ts';
import { createPresenceMetrics } from '../../src/presence/presence-metrics.ts';
import { createPresenceService } from '../../src/presence/presence-service.ts';
import type { PresenceSink, PresenceSource } from '../../src/presence/sources/presence-source.ts';
import { createSourceHealth } from '../../src/presence/sources/source-health.ts';
import { ENTRANCE_BEACON, testLayout } from './support/store-layouts.ts';

const logger = pino({ level: 'silent' });

/** A source the test drives by hand. */
function handSource(): PresenceSource & { sink: () => PresenceSink } {
  const health = createSourceHealth();
  let sink: PresenceSink | null = null;
  return {
    name: 'hand',
    async start(target) {
      sink = health.track(target);
      health.set('running');
    },
    async stop() {
      health.set('stopped');
    },
    health: () => health.snapshot(),
    sink: () => {
      if (sink === null) throw new Error('not started');
      return sink;
    },
  };
}

const identity = (tracking: boolean): VerifiedIdentity => ({
  customerId: 'cus_000001',
  passId: 'pass_1',
  organisationId: 'org_maison-demo',
  tier: 'gold',
  consent: { tracking, marketing: true, profiling: true },
  passExpiresAt: 10 ** 13,
});

async function serviceWith(announced: Arrival[] = [], recentArrivals = createRecentArrivals()) {
  let now = 1_000_000;
  const source = handSource();
  const registry = new Registry();
  const metrics = createPresenceMetrics(registry);
  const reports: unknown[] = [];
  const service = createPresenceService({
    storeId: 'sto_test',
    layout: testLayout('sto_test'),
    sources: [source],
    metrics,
    logger,
    newSalt: () => 'salt',
    knownDevices: new Set(['asc-badge-1']),
    onEvent: createPresenceArrivals({
      announce: async (arrival) => {
        announced.push(arrival);
        return { ok: false, reason: 'not_found', detail: 'test' };
      },
      recentArrivals,
      repeatAfterMs: 60 * 60_000,
      metrics,
      logger,
      now: () => now,
    }),
    report: async (event) => void reports.push(event),
    now: () => now,
    every: () => () => undefined,
  });
  await service.start();
  const metric = async (name: string) => (await registry.getSingleMetricAsString(name)) ?? '';
  return {
    service,
    sink: source.sink(),
    reports,
    metric,
    advance(ms: number) {
      now += ms;
      service.tick();
    },
    get now() {
      return now;
    },
  };
}

describe('the presence service', () => {
  it('makes the zone of a node that goes offline unknown, not another zone', async () => {
    const t = await serviceWith();
    for (let i = 0; i < 4; i++) {
      t.sink.sighting({ receiverId: 'esp-floor', deviceId: 'asc-badge-1', rssi: -55, at: t.now });
      t.sink.sighting({
        receiverId: 'node-entrance',
        deviceId: 'asc-badge-1',
        rssi: -85,
        at: t.now,
      });
      t.advance(1000);
    }
    expect(t.service.zones().zones.find((z) => z.zoneId === 'zon_test-floor')?.identified).toBe(1);
    t.sink.receiverStatus('esp-floor', false, t.now);
    t.sink.sighting({ receiverId: 'node-entrance', deviceId: 'asc-badge-1', rssi: -85, at: t.now });
    t.advance(1000);
    const view = t.service.zones();
    expect(view.unknownZone.identified).toBe(1);
    expect(view.zones.every((zone) => zone.identified === 0)).toBe(true);
    expect(view.nodes.find((node) => node.nodeId === 'esp-floor')?.online).toBe(false);
  });

  it('counts what the tracker refuses, by source and reason', async () => {
    const t = await serviceWith();
    t.sink.sighting({ receiverId: 'node-nowhere', deviceId: 'aa', rssi: -60, at: t.now });
    t.sink.sighting({ receiverId: 'node-entrance', deviceId: 'aa', rssi: -140, at: t.now });
    const text = await t.metric('vitrine_edge_presence_dropped_total');
    expect(text).toContain('source="hand",reason="unknown-receiver"} 1');
    expect(text).toContain('source="hand",reason="rssi-below-floor"} 1');
  });

  it('announces a consenting customer on entry once per visit window, and reports their events', async () => {
    const announced: Arrival[] = [];
    const t = await serviceWith(announced);
    const customer = { identity: identity(true), messageId: 'msg_ranging1' };
    const range = () =>
      t.sink.sighting({
        receiverId: ENTRANCE_BEACON,
        deviceId: 'cus_000001',
        rssi: -60,
        at: t.now,
        customer,
      });
    range();
    t.advance(1000);
    range();
    // Gone past the store timeout, then back within the hour: not announced again.
    t.advance(60_000);
    range();
    t.advance(1000);
    expect(announced.map((a) => [a.source, a.customerId, a.sourceMessageId])).toEqual([
      ['presence', 'cus_000001', 'msg_ranging1'],
    ]);
    expect(await t.metric('vitrine_edge_presence_arrivals_total')).toContain(
      'outcome="recently-announced"} 1',
    );
    expect(JSON.stringify(t.reports)).toContain('"type":"store-exit"');
  });

  it('follows nobody without tracking consent: counted, never announced, never reported', async () => {
    const announced: Arrival[] = [];
    const t = await serviceWith(announced);
    const customer = { identity: identity(false), messageId: 'msg_ranging2' };
    for (let i = 0; i < 3; i++) {
      t.sink.sighting({
        receiverId: ENTRANCE_BEACON,
        deviceId: 'cus_000001',
        rssi: -60,
        at: t.now,
        customer,
      });
      t.advance(1000);
    }
    expect(announced).toEqual([]);
    expect(t.reports).toEqual([]);
    const view = t.service.zones();
    expect(view.zones.find((z) => z.zoneId === 'zon_test-entrance')?.anonymous).toBe(1);
    expect(view.customers).toEqual([]);
  });

  it('tells the store map where a consenting customer is now, until they leave the store', async () => {
    const t = await serviceWith();
    const customer = { identity: identity(true), messageId: 'msg_ranging3' };
    const range = () =>
      t.sink.sighting({
        receiverId: ENTRANCE_BEACON,
        deviceId: 'cus_000001',
        rssi: -60,
        at: t.now,
        customer,
      });
    range();
    t.advance(1000);
    range();
    t.advance(1000);
    expect(t.service.zones().customers).toEqual([
      { customerId: 'cus_000001', zoneId: 'zon_test-entrance', since: expect.any(String) },
    ]);
    // Gone past the store timeout: no longer on the map.
    t.advance(60_000);
    expect(t.service.zones().customers).toEqual([]);
    // Back, then withdrawing consent takes them off the map at once.
    range();
    t.advance(1000);
    range();
    expect(t.service.zones().customers).toHaveLength(1);
    t.sink.sighting({
      receiverId: ENTRANCE_BEACON,
      deviceId: 'cus_000001',
      rssi: -60,
      at: t.now,
      customer: { identity: identity(false), messageId: 'msg_ranging4' },
    });
    expect(t.service.zones().customers).toEqual([]);
  });
});
