import { describe, expect, it } from 'vitest';
import { deviceIdOfEspresense, deviceIdOfRawAdvertisement } from './device-identity.ts';
import { readingsOfBatch } from './node-readings.ts';

const IBEACON_AD = '0201061aff4c000215f7826da64fa24e988024bc5b71e0893e00070001c5';

describe('device identity', () => {
  it('names a beacon by its identity, whichever radio heard it', () => {
    expect(deviceIdOfRawAdvertisement('aa:bb:cc:dd:ee:ff', IBEACON_AD)).toBe(
      'ibeacon:f7826da6-4fa2-4e98-8024-bc5b71e0893e:7:1',
    );
    expect(deviceIdOfEspresense('iBeacon:F7826DA6-4FA2-4E98-8024-BC5B71E0893E-7-1')).toBe(
      'ibeacon:f7826da6-4fa2-4e98-8024-bc5b71e0893e:7:1',
    );
    expect(deviceIdOfEspresense('eddy:76697472696e653a6472-020000000001')).toBe(
      'eddystone:76697472696e653a6472:020000000001',
    );
  });

  it('keeps the address of a device that is not a beacon, or whose bytes do not decode', () => {
    expect(deviceIdOfRawAdvertisement('aa:bb:cc:dd:ee:ff', '0201060303aafe')).toBe(
      'aa:bb:cc:dd:ee:ff',
    );
    expect(deviceIdOfRawAdvertisement('aa:bb:cc:dd:ee:ff', 'zz')).toBe('aa:bb:cc:dd:ee:ff');
    expect(deviceIdOfEspresense('apple:1005:9-26')).toBe('apple:1005:9-26');
  });
});

describe('readings of a node batch', () => {
  it('lays the batch out backwards from its arrival, by the offsets between sightings', () => {
    const readings = readingsOfBatch(
      [
        { deviceId: 'a', rssi: -60, offsetMs: 0 },
        { deviceId: 'b', rssi: -70, offsetMs: 300 },
        { deviceId: 'c', rssi: -80, offsetMs: 200, raw: IBEACON_AD },
      ],
      10_000,
    );
    expect(readings).toEqual([
      { deviceId: 'a', rssi: -60, at: 9_500 },
      { deviceId: 'b', rssi: -70, at: 9_800 },
      { deviceId: 'ibeacon:f7826da6-4fa2-4e98-8024-bc5b71e0893e:7:1', rssi: -80, at: 10_000 },
    ]);
  });
});
