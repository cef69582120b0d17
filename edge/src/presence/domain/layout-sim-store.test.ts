import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseStoreLayoutText } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { presenceLayoutOf } from './layout-from-store.ts';
import { simStoreOfLayout } from './layout-sim-store.ts';
import { zoneAt } from './simulated-store.ts';

const parsed = parseStoreLayoutText(
  readFileSync(
    fileURLToPath(
      new URL('../../../../firmware-config/layouts/paris-rivoli.yaml', import.meta.url),
    ),
    'utf8',
  ),
);
if (!parsed.ok) throw new Error(parsed.detail);
const layout = parsed.layout;

describe('the simulated store of a layout file', () => {
  it('places every receiver inside the zone the layout puts it in', () => {
    for (const kind of ['nodes', 'beacons'] as const) {
      const store = simStoreOfLayout(layout, kind);
      expect(store.receivers.length).toBeGreaterThan(0);
      for (const receiver of store.receivers) expect(zoneAt(store, receiver)).toBe(receiver.zoneId);
    }
  });

  it('uses the receiver ids the presence layout knows, so that its readings are accepted', () => {
    const known = new Set(presenceLayoutOf(layout).receivers.map((receiver) => receiver.id));
    const ids = [
      ...simStoreOfLayout(layout, 'nodes').receivers,
      ...simStoreOfLayout(layout, 'beacons').receivers,
    ].map((receiver) => receiver.id);
    expect(ids.every((id) => known.has(id))).toBe(true);
  });

  it('opens the door onto the entrance', () => {
    const store = simStoreOfLayout(layout, 'beacons');
    expect(zoneAt(store, store.door)).toBe('zon_paris-rivoli-entrance');
  });
});
