import type { FleetStore } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { fleetOrder, timeSince, unhealthyCount } from './fleet-view.ts';

const now = new Date('2026-11-01T09:00:00.000Z');

describe('timeSince', () => {
  const cases = [
    { at: null, expect: 'never' },
    { at: '2026-11-01T09:00:00.000Z', expect: '0 s ago' },
    { at: '2026-11-01T08:59:48.000Z', expect: '12 s ago' },
    { at: '2026-11-01T08:57:00.000Z', expect: '3 min ago' },
    { at: '2026-11-01T06:30:00.000Z', expect: '2 h ago' },
    { at: '2026-10-28T09:00:00.000Z', expect: '4 d ago' },
    { at: '2026-11-01T09:00:05.000Z', expect: '0 s ago' },
  ];
  for (const { at, expect: expected } of cases) {
    it(`says ${expected} for ${at}`, () => {
      expect(timeSince(at, now)).toBe(expected);
    });
  }
});

describe('fleetOrder', () => {
  const store = (name: string, state: FleetStore['state']): FleetStore => ({
    storeId: `sto_${name}`,
    name,
    city: name,
    timeZone: 'UTC',
    state,
    reportedAt: null,
    report: null,
  });

  it('puts offline stores first, then those never reported, then the online ones by name', () => {
    const ordered = fleetOrder([
      store('b', 'online'),
      store('a', 'online'),
      store('c', 'never-reported'),
      store('d', 'offline'),
    ]);
    expect(ordered.map((item) => item.name)).toEqual(['d', 'c', 'a', 'b']);
  });
});

describe('unhealthyCount', () => {
  it('counts every device that is not ok', () => {
    const device = (health: 'ok' | 'degraded' | 'offline' | 'unknown') => ({
      id: health,
      kind: 'node' as const,
      zone: null,
      health,
      lastSeenAt: null,
      detail: null,
    });
    expect(unhealthyCount([device('ok'), device('degraded'), device('offline')])).toBe(2);
  });
});
