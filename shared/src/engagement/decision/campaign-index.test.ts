import { describe, expect, it } from 'vitest';
import { buildCampaign, PARIS, TOKYO } from '../../../test/support/engagement-fixtures.ts';
import { buildCampaignIndex } from './campaign-index.ts';

const at = Date.parse('2026-11-20T11:00:00Z');

const index = buildCampaignIndex({
  campaigns: [
    buildCampaign({ id: 'cmp_everywhere', priority: 10 }),
    buildCampaign({ id: 'cmp_paris', priority: 50, targets: { stores: [PARIS] } }),
    buildCampaign({ id: 'cmp_tokyo', targets: { stores: [TOKYO] } }),
    buildCampaign({ id: 'cmp_paused', status: 'paused' }),
    buildCampaign({ id: 'cmp_any-zone', priority: 1, trigger: { kind: 'zone-enter' } }),
    buildCampaign({
      id: 'cmp_lounge',
      priority: 2,
      trigger: { kind: 'zone-enter' },
      targets: { stores: 'all', zones: ['zon_lounge', 'zon_lounge'] },
    }),
    buildCampaign({ id: 'cmp_third', priority: 70, trigger: { kind: 'nth-visit', n: 3 } }),
    buildCampaign({
      id: 'cmp_scan',
      trigger: { kind: 'content-scan', contentIds: ['cnt_a', 'cnt_b'] },
    }),
  ],
  segments: [],
  offers: [],
});

const ids = (list: readonly { id: string }[]) => list.map((compiled) => compiled.id);

describe('campaign index', () => {
  it('finds the active campaigns of the event kind and store, highest priority first', () => {
    expect(ids(index.candidates({ kind: 'store-enter', storeId: PARIS, at }))).toEqual([
      'cmp_third',
      'cmp_paris',
      'cmp_everywhere',
    ]);
    expect(ids(index.candidates({ kind: 'store-enter', storeId: TOKYO, at }))).toEqual([
      'cmp_tokyo',
      'cmp_third',
      'cmp_everywhere',
    ]);
  });

  it('files an n-th visit campaign under both ways of arriving', () => {
    expect(ids(index.candidates({ kind: 'check-in', storeId: PARIS, zoneId: null, at }))).toEqual([
      'cmp_third',
    ]);
  });

  it('reads a zone event from the lists of its zone and of every zone, once each', () => {
    const zone = (zoneId: string) =>
      ids(index.candidates({ kind: 'zone-enter', storeId: PARIS, zoneId, at }));
    expect(zone('zon_lounge')).toEqual(['cmp_lounge', 'cmp_any-zone']);
    expect(zone('zon_watches')).toEqual(['cmp_any-zone']);
  });

  it('finds a content scan campaign by the code scanned', () => {
    const scan = (contentId: string) =>
      ids(index.candidates({ kind: 'content-scan', storeId: PARIS, contentId, zoneId: null, at }));
    expect([scan('cnt_b'), scan('cnt_c')]).toEqual([['cmp_scan'], []]);
  });

  it('lists every campaign targeting a store, paused ones too, for explanations', () => {
    expect(ids(index.targeting(TOKYO))).not.toContain('cmp_paris');
    expect(ids(index.targeting(PARIS))).toContain('cmp_paused');
    expect(index.size).toBe(8);
    expect(index.get('cmp_scan')?.contentIds).toEqual(new Set(['cnt_a', 'cnt_b']));
  });
});
