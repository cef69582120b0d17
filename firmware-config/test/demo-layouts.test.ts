import { beaconIdentity, zoneOfRoom } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { loadLayout } from './support/layouts.ts';

const DEMO_STORES = [
  { slug: 'tokyo-ginza', timeZone: 'Asia/Tokyo' },
  { slug: 'paris-rivoli', timeZone: 'Europe/Paris' },
  { slug: 'newyork-soho', timeZone: 'America/New_York' },
] as const;
const ZONE_KINDS = ['entrance', 'floor', 'fitting', 'lounge', 'counter'];

const layouts = DEMO_STORES.map((store) => ({
  ...store,
  layout: loadLayout(`../layouts/${store.slug}.yaml`),
}));

describe.each(layouts)('the demo layout of $slug', ({ slug, timeZone, layout }) => {
  it('is the demo store, in its time zone', () => {
    expect(layout.store.id).toBe(`sto_${slug}`);
    expect(layout.store.timeZone).toBe(timeZone);
  });

  it('has the five demo zones, with the ids every part uses', () => {
    expect(layout.zones.map((zone) => zone.id)).toEqual(
      ZONE_KINDS.map((kind) => `zon_${slug}-${kind}`),
    );
    expect(layout.zones.map((zone) => zone.kind)).toEqual(ZONE_KINDS);
  });

  it('has a few beacons, 2 to 4 scanner nodes each in a zone, and 1 or 2 screens', () => {
    expect(layout.beacons.length).toBeGreaterThanOrEqual(3);
    expect(layout.nodes.length).toBeGreaterThanOrEqual(2);
    expect(layout.nodes.length).toBeLessThanOrEqual(4);
    expect(layout.screens.length).toBeGreaterThanOrEqual(1);
    expect(layout.screens.length).toBeLessThanOrEqual(2);
    for (const node of layout.nodes) expect(zoneOfRoom(layout, node.room)).not.toBeNull();
  });
});

describe('the demo layouts together', () => {
  it('never give two beacons of the organisation the same identity', () => {
    const identities = layouts.flatMap(({ layout }) => layout.beacons.map(beaconIdentity));
    expect(new Set(identities).size).toBe(identities.length);
  });
});
