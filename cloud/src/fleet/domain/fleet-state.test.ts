import { describe, expect, it } from 'vitest';
import { edgeStateAt, mqttWebSocketUrlOf, ONLINE_WITHIN_MS } from './fleet-state.ts';

describe('edgeStateAt', () => {
  const now = new Date('2026-11-01T09:00:00.000Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('is never-reported without a report', () => {
    expect(edgeStateAt(null, now)).toBe('never-reported');
  });

  it('is online while the last report is under 90 seconds old', () => {
    expect(edgeStateAt(ago(0), now)).toBe('online');
    expect(edgeStateAt(ago(ONLINE_WITHIN_MS - 1), now)).toBe('online');
  });

  it('is offline from 90 seconds on', () => {
    expect(edgeStateAt(ago(ONLINE_WITHIN_MS), now)).toBe('offline');
    expect(edgeStateAt(ago(3_600_000), now)).toBe('offline');
  });
});

describe('mqttWebSocketUrlOf', () => {
  const cases = [
    { publicUrl: 'http://10.0.0.5:8080', path: '/mqtt', expect: 'ws://10.0.0.5:8080/mqtt' },
    {
      publicUrl: 'https://ginza.edge.example',
      path: '/mqtt',
      expect: 'wss://ginza.edge.example/mqtt',
    },
    {
      publicUrl: 'https://shops.example/ginza/',
      path: '/mqtt',
      expect: 'wss://shops.example/ginza/mqtt',
    },
    { publicUrl: 'http://edge.local/?x=1#top', path: '/ws', expect: 'ws://edge.local/ws' },
  ];
  for (const { publicUrl, path, expect: expected } of cases) {
    it(`turns ${publicUrl} and ${path} into ${expected}`, () => {
      expect(mqttWebSocketUrlOf({ publicUrl, mqttWebSocketPath: path })).toBe(expected);
    });
  }

  it('gives no address for an edge whose WebSocket is off', () => {
    expect(
      mqttWebSocketUrlOf({ publicUrl: 'http://10.0.0.5:8080', mqttWebSocketPath: null }),
    ).toBeNull();
  });
});
