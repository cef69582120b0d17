import { edgeReportSchema, type FleetDevice } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { nodeHealth, screenHealth } from './device-health.ts';
import { buildEdgeReport } from './edge-report.ts';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const slot = { id: 'node-entrance', zone: 'zon_entrance' };
const ago = (seconds: number) => NOW - seconds * 1000;

describe('a scanner node’s health', () => {
  const cases: {
    name: string;
    heard: Parameters<typeof nodeHealth>[1];
    expect: Pick<FleetDevice, 'health' | 'lastSeenAt'>;
  }[] = [
    {
      name: 'never heard from: unknown',
      heard: undefined,
      expect: { health: 'unknown', lastSeenAt: null },
    },
    {
      name: 'online and sighting: ok',
      heard: { state: 'online', stateAt: ago(600), lastSightingAt: ago(5) },
      expect: { health: 'ok', lastSeenAt: new Date(ago(5)).toISOString() },
    },
    {
      name: 'sightings without a status yet: ok',
      heard: { state: null, stateAt: null, lastSightingAt: ago(1) },
      expect: { health: 'ok', lastSeenAt: new Date(ago(1)).toISOString() },
    },
    {
      name: 'online but silent for 10 minutes: degraded',
      heard: { state: 'online', stateAt: ago(900), lastSightingAt: ago(600) },
      expect: { health: 'degraded', lastSeenAt: new Date(ago(600)).toISOString() },
    },
    {
      name: 'its last will said offline: offline, even with recent sightings before it',
      heard: { state: 'offline', stateAt: ago(30), lastSightingAt: ago(40) },
      expect: { health: 'offline', lastSeenAt: new Date(ago(30)).toISOString() },
    },
  ];
  it.each(cases)('$name', ({ heard, expect: expected }) => {
    expect(nodeHealth(slot, heard, NOW)).toMatchObject({
      id: 'node-entrance',
      kind: 'node',
      zone: 'zon_entrance',
      ...expected,
    });
  });

  it('says how long a degraded node has been silent', () => {
    const heard = { state: 'online' as const, stateAt: ago(200), lastSightingAt: null };
    expect(nodeHealth(slot, heard, NOW, { silentAfterMs: 60_000 }).detail).toBe('silent for 200 s');
  });
});

describe('a screen’s health', () => {
  const screen = { id: 'scr-floor', zoneId: 'zon_floor' };
  it('is ok while its player is connected, seen now', () => {
    expect(screenHealth(screen, true, null, NOW)).toMatchObject({
      kind: 'screen',
      zone: 'zon_floor',
      health: 'ok',
      lastSeenAt: new Date(NOW).toISOString(),
    });
  });
  it('is offline once its player has gone, seen when it was last connected', () => {
    expect(screenHealth(screen, false, ago(90), NOW)).toMatchObject({
      health: 'offline',
      lastSeenAt: new Date(ago(90)).toISOString(),
      detail: 'player disconnected',
    });
  });
  it('is unknown when no player connected since the edge started', () => {
    expect(screenHealth(screen, false, null, NOW).health).toBe('unknown');
  });
});

describe('the edge report', () => {
  it('passes the shared schema, times as instants, the least healthy devices first', () => {
    const report = buildEdgeReport({
      version: '0.1.0',
      startedAt: ago(3600),
      publicUrl: 'http://10.0.0.2:8081',
      mqttWebSocketPath: '/mqtt',
      broker: 'embedded',
      brokerConnected: true,
      outbox: { pending: 3, oldestPendingAt: ago(120), lastUploadAt: null },
      lastSyncAt: { profiles: ago(10), content: null },
      devices: [
        screenHealth({ id: 'scr-a', zoneId: 'zon_floor' }, true, null, NOW),
        nodeHealth(slot, { state: 'offline', stateAt: ago(5), lastSightingAt: null }, NOW),
        nodeHealth({ id: 'node-b', zone: null }, undefined, NOW),
      ],
    });
    expect(edgeReportSchema.parse(report)).toEqual(report);
    expect(report.devices.map((device) => [device.id, device.health])).toEqual([
      ['node-entrance', 'offline'],
      ['node-b', 'unknown'],
      ['scr-a', 'ok'],
    ]);
    expect(report.outbox.oldestPendingAt).toBe('2026-12-02T09:58:00.000Z');
    expect(report.lastSyncAt).toEqual({ profiles: '2026-12-02T09:59:50.000Z', content: null });
  });
});
