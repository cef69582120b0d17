import type { ZonesViewBody } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { alertFixture, profileFixture } from '../../../test/fixtures/arrival-alerts.ts';
import { storeMap } from './store-map.ts';

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
      identified: 2,
      anonymous: 0,
    },
  ],
  unknownZone: { identified: 1, anonymous: 1 },
  nodes: [{ nodeId: 'node-lounge', zoneId: 'zon_tokyo-ginza-lounge', online: false }],
  customers: [
    { customerId: 'cus_000002', zoneId: 'zon_tokyo-ginza-lounge', since: '2026-11-23T09:40:00Z' },
    { customerId: 'cus_000123', zoneId: 'zon_tokyo-ginza-lounge', since: '2026-11-23T09:35:00Z' },
    { customerId: 'cus_000003', zoneId: null, since: '2026-11-23T09:59:00Z' },
  ],
};

describe('the store map', () => {
  it('places the clients the edge follows where it sees them now, named from the feed', () => {
    const map = storeMap(view, [
      // Announced at the entrance, in the lounge now.
      alertFixture({ alertId: 'alr_1', arrivedAt: '2026-11-23T09:00:00.000Z' }),
      alertFixture({
        alertId: 'alr_3',
        profile: profileFixture({ id: 'cus_000003', firstName: 'Haruto', lastName: 'Sato' }),
      }),
    ]);
    expect(map.zones.map((zone) => [zone.name, zone.here.map((client) => client.name)])).toEqual([
      ['Entrance', []],
      // Longest here first; a client not on this tablet's feed is not named.
      ['Lounge', ['Élise Marchand', 'A client not on this feed']],
    ]);
    expect(map.zoneUnknown.map((client) => client.name)).toEqual(['Haruto Sato']);
    expect(map.zones.map((zone) => zone.nodesOffline)).toEqual([false, true]);
  });
});
