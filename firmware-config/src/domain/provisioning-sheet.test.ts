import { describe, expect, it } from 'vitest';
import { loadLayout } from '../../test/support/layouts.ts';
import { provisioningCsv, provisioningJson, provisioningRows } from './provisioning-sheet.ts';

const layout = loadLayout('fixtures/valid/complete.yaml');

describe('the beacon provisioning sheet', () => {
  it('tells the installer what to program into each beacon and where it goes', () => {
    expect(provisioningRows(layout)).toEqual([
      expect.objectContaining({
        beacon: 'b-entrance-1',
        zone: 'zon_test-complete-entrance',
        zoneName: 'Entrance',
        identity: 'ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:10:1',
        uuid: 'e2c56db5-dffb-48d2-b060-d0f5a71096e0',
        major: 10,
        minor: 1,
        namespace: '',
        intervalMs: 300,
        placement: 'Above the door, 2.4 m',
      }),
      expect.objectContaining({
        beacon: 'b-floor-1',
        identity: 'eddystone:edd1ebeac04e5defa017:0000000000a1',
        uuid: '',
        major: '',
        namespace: 'edd1ebeac04e5defa017',
        instance: '0000000000a1',
        txPowerDbm: -4,
      }),
    ]);
  });

  it('writes CSV with a header and quotes a placement that holds a comma', () => {
    const lines = provisioningCsv(layout).split('\r\n');
    expect(lines[0]?.split(',')).toContain('measuredPowerDbm');
    expect(lines[1]).toMatch(/,"Above the door, 2\.4 m"$/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('doubles quotes inside a quoted field', () => {
    const quoted = {
      ...layout,
      beacons: layout.beacons.map((b) => ({ ...b, placement: 'Shelf "B", top' })),
    };
    expect(provisioningCsv(quoted)).toContain('"Shelf ""B"", top"');
  });

  it('writes the same rows as JSON, named by store', () => {
    const sheet: unknown = JSON.parse(provisioningJson(layout));
    expect(sheet).toEqual({
      store: 'sto_test-complete',
      storeName: 'Complete',
      beacons: provisioningRows(layout),
    });
  });
});
