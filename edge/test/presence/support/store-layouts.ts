import { type StoreLayout, type StoreLayoutInput, storeLayoutSchema } from '@vitrine/shared';

export const ENTRANCE_BEACON = 'ibeacon:b9407f30-f5f8-466e-aff9-25556b57fe6d:1:1';
export const FLOOR_BEACON = 'eddystone:76697472696e653a7465:000000000002';

/**
 * A small store for presence tests: an entrance and a floor, a beacon in each (for
 * ranging), a Vitrine node and an ESPresense node at the entrance, an ESPresense node on
 * the floor, and a node for the gateway's own radio.
 */
export function testLayoutInput(storeId: string, roomSuffix = ''): StoreLayoutInput {
  const room = (name: string) => `test-${name}${roomSuffix ? `-${roomSuffix}` : ''}`;
  return {
    version: 1,
    store: { id: storeId, name: 'Test store', timeZone: 'Europe/Paris' },
    zones: [
      {
        id: 'zon_test-entrance',
        name: 'Entrance',
        kind: 'entrance',
        polygon: [
          [0, 0],
          [6, 0],
          [6, 4],
          [0, 4],
        ],
        adjacent: ['zon_test-floor'],
        rooms: [room('entrance'), room('gateway')],
      },
      {
        id: 'zon_test-floor',
        name: 'Floor',
        kind: 'floor',
        polygon: [
          [6, 0],
          [16, 0],
          [16, 8],
          [6, 8],
        ],
        adjacent: ['zon_test-entrance'],
        rooms: [room('floor')],
      },
    ],
    beacons: [
      {
        id: 'b-entrance',
        zone: 'zon_test-entrance',
        kind: 'ibeacon',
        uuid: 'b9407f30-f5f8-466e-aff9-25556b57fe6d',
        major: 1,
        minor: 1,
        measuredPowerDbm: -59,
        txPowerDbm: 0,
        intervalMs: 300,
      },
      {
        id: 'b-floor',
        zone: 'zon_test-floor',
        kind: 'eddystone-uid',
        namespace: '76697472696e653a7465',
        instance: '000000000002',
        measuredPowerDbm: -59,
        txPowerDbm: -4,
        intervalMs: 500,
      },
    ],
    nodes: [
      {
        id: 'node-entrance',
        room: room('entrance'),
        firmware: 'vitrine',
        mqttUsername: 'node-entrance',
      },
      {
        id: 'esp-entrance',
        room: room('entrance'),
        firmware: 'espresense',
        mqttUsername: 'esp-entrance',
      },
      { id: 'esp-floor', room: room('floor'), firmware: 'espresense', mqttUsername: 'esp-floor' },
      { id: 'gateway', room: room('gateway'), firmware: 'vitrine', mqttUsername: 'gateway' },
    ],
  };
}

export function testLayout(storeId: string, roomSuffix = ''): StoreLayout {
  return storeLayoutSchema.parse(testLayoutInput(storeId, roomSuffix));
}
