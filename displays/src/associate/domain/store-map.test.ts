import type { ZonesViewBody } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { alertFixture, profileFixture } from '../../../test/fixtures/arrival-alerts.ts';
import { storeMapZones } from './store-map.ts';

const view: ZonesViewBody = {
  at: '2026-11-23T10:00:00.000Z',
  zones: [
    {
      zoneId: 'zon_tokyo-ginza-entrance',
      name: 'Entrance',
      kind: 'entrance',
      identified: 1,
      anonymous: 4,
    },
    {
      zoneId: 'zon_tokyo-ginza-lounge',
      name: 'Lounge',
      kind: 'lounge',
      identified: 0,
      anonymous: 0,
    },
  ],
  unknownZone: { identified: 0, anonymous: 1 },
  nodes: [{ nodeId: 'node-lounge', zoneId: 'zon_tokyo-ginza-lounge', online: false }],
};

describe('the store map', () => {
  it('places consenting clients by their latest announced zone, and says where nodes are down', () => {
    const zones = storeMapZones(view, [
      alertFixture({
        alertId: 'alr_1',
        arrivedAt: '2026-11-23T09:00:00.000Z',
        zoneId: 'zon_tokyo-ginza-lounge',
      }),
      alertFixture({ alertId: 'alr_2', arrivedAt: '2026-11-23T09:30:00.000Z' }),
      alertFixture({
        alertId: 'alr_3',
        profile: profileFixture({
          id: 'cus_000999',
          consent: { tracking: false, marketing: true, profiling: true },
        }),
      }),
    ]);
    expect(
      zones.map((zone) => [zone.name, zone.anonymous, zone.arrivedHere.map((c) => c.name)]),
    ).toEqual([
      ['Entrance', 4, ['Élise Marchand']],
      ['Lounge', 0, []],
    ]);
    expect(zones.map((zone) => zone.nodesOffline)).toEqual([false, true]);
  });
});
