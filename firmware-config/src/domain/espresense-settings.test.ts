import { parseTopic, TOPICS } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { loadLayout } from '../../test/support/layouts.ts';
import { espresenseSettings } from './espresense-settings.ts';

const layout = loadLayout('fixtures/valid/complete.yaml');

describe('ESPresense node settings', () => {
  const messages = espresenseSettings(layout);

  it('addresses only ESPresense nodes, by their room, on the firmware settings topics', () => {
    const rooms = new Set(messages.map((m) => parseTopic(m.topic)?.params));
    expect(messages.every((m) => parseTopic(m.topic)?.name === 'espresenseSetting')).toBe(true);
    expect([...rooms].map((p) => (p && 'room' in p ? p.room : null))).toEqual([
      'complete-entrance',
      'complete-entrance',
      'complete-entrance',
      'complete-entrance',
    ]);
  });

  it('retains every message so that a node rebooting later still gets it', () => {
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.retain === true)).toBe(true);
    expect(TOPICS.espresenseSetting.retain).toBe(true);
  });

  it('carries the node calibration and the store radio model', () => {
    const byTopic = Object.fromEntries(messages.map((m) => [m.topic, m.payload]));
    expect(byTopic).toEqual({
      'espresense/rooms/complete-entrance/rx_adj_rssi/set': '-3',
      'espresense/rooms/complete-entrance/absorption/set': '3.20',
      'espresense/rooms/complete-entrance/max_distance/set': '8.00',
      'espresense/rooms/complete-entrance/ref_rssi/set': '-62',
    });
  });

  it('sends nothing for a store whose nodes all run the Vitrine firmware', () => {
    const vitrineOnly = {
      ...layout,
      nodes: layout.nodes.map((node) => ({ ...node, firmware: 'vitrine' as const })),
    };
    expect(espresenseSettings(vitrineOnly)).toEqual([]);
  });
});
