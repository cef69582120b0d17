import { type StoreLayoutInput, storeLayoutSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { presenceLayoutOf } from './layout-from-store.ts';
import { createPresenceTracker } from './presence-tracker.ts';

const input: StoreLayoutInput = {
  version: 1,
  store: { id: 'sto_tokyo-ginza', name: 'Ginza', timeZone: 'Asia/Tokyo' },
  zones: [
    { id: 'zon_tokyo-ginza-entrance', name: 'Entrance', kind: 'entrance', rooms: ['entrance'] },
    { id: 'zon_tokyo-ginza-lounge', name: 'Lounge', kind: 'lounge', rooms: ['lounge'] },
  ],
  beacons: [
    {
      id: 'beacon-lounge-1',
      kind: 'ibeacon',
      zone: 'zon_tokyo-ginza-lounge',
      uuid: 'F7826DA6-4FA2-4E98-8024-BC5B71E0893E',
      major: 1,
      minor: 7,
      measuredPowerDbm: -62,
      txPowerDbm: -4,
      intervalMs: 350,
    },
  ],
  nodes: [
    {
      id: 'node-entrance',
      room: 'entrance',
      firmware: 'espresense',
      mqttUsername: 'node-entrance',
      calibrationOffsetDb: 5,
    },
    {
      id: 'node-lounge',
      room: 'lounge',
      firmware: 'vitrine',
      mqttUsername: 'node-lounge',
      calibrationOffsetDb: 3,
    },
  ],
};

describe('presence layout of a store layout', () => {
  const parsed = storeLayoutSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.message);
  const layout = presenceLayoutOf(parsed.data);

  it('makes receivers of nodes and beacons in their zones', () => {
    expect(layout.zones.map((z) => z.id)).toEqual([
      'zon_tokyo-ginza-entrance',
      'zon_tokyo-ginza-lounge',
    ]);
    expect(layout.receivers).toEqual([
      { id: 'node-entrance', zoneId: 'zon_tokyo-ginza-entrance', calibrationDb: 0 },
      { id: 'node-lounge', zoneId: 'zon_tokyo-ginza-lounge', calibrationDb: 3 },
      {
        id: 'ibeacon:f7826da6-4fa2-4e98-8024-bc5b71e0893e:1:7',
        zoneId: 'zon_tokyo-ginza-lounge',
        measuredPower: -62,
      },
    ]);
  });

  it('lets a ranging report of a store beacon place a customer in its zone', () => {
    const tracker = createPresenceTracker({
      layout,
      newSalt: () => 'salt',
      isIdentified: () => true,
    });
    const receiverId = 'ibeacon:f7826da6-4fa2-4e98-8024-bc5b71e0893e:1:7';
    for (let t = 0; t < 3000; t += 1000)
      tracker.sighting({ deviceId: 'cus_000123', receiverId, rssi: -64 }, t);
    expect(tracker.presenceOf('cus_000123')).toMatchObject({ zoneId: 'zon_tokyo-ginza-lounge' });
  });
});
