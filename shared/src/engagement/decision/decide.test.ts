import { describe, expect, it } from 'vitest';
import {
  buildCampaign,
  buildOffer,
  buildSegment,
  createTestEngine,
  PARIS,
  reasonsOf,
  TOKYO,
} from '../../../test/support/engagement-fixtures.ts';

const NOON = '2026-11-20T11:00:00Z';

describe('decide', () => {
  it('delivers every action of a chosen campaign, each to its recipient', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({
          id: 'cmp_dwell',
          trigger: { kind: 'zone-dwell', minDwellS: 60 },
          audience: { kind: 'segment', segmentId: 'seg_vip' },
          actions: [
            { kind: 'associate-alert', suggestion: 'Show the new chronographs' },
            { kind: 'screen-content', contentId: 'cnt_chrono', holdS: 20 },
            { kind: 'phone-offer', offerId: 'off_coffee' },
            { kind: 'event-invitation', eventId: 'evt_watch-night' },
          ],
        }),
      ],
      segments: [buildSegment()],
      offers: [buildOffer({ code: 'COFFEE' })],
    });
    const decision = engine.dwell('zon_watches', 90, NOON);
    expect(decision.deliveries).toEqual([
      {
        kind: 'associate-alert',
        campaignId: 'cmp_dwell',
        storeId: PARIS,
        customerId: 'cus_000001',
        zoneId: 'zon_watches',
        suggestion: 'Show the new chronographs',
      },
      {
        kind: 'screen-content',
        campaignId: 'cmp_dwell',
        message: {
          storeId: PARIS,
          zoneId: 'zon_watches',
          contentId: 'cnt_chrono',
          campaignId: 'cmp_dwell',
          segmentId: 'seg_vip',
          holdS: 20,
          issuedAt: '2026-11-20T11:00:00.000Z',
        },
      },
      {
        kind: 'phone-offer',
        campaignId: 'cmp_dwell',
        customerId: 'cus_000001',
        offer: {
          offerId: 'off_coffee',
          title: 'A coffee on us',
          body: '',
          code: 'COFFEE',
          validUntil: '2027-01-01T00:00:00Z',
        },
      },
      {
        kind: 'event-invitation',
        campaignId: 'cmp_dwell',
        customerId: 'cus_000001',
        eventId: 'evt_watch-night',
      },
    ]);
    expect(decision.record).toEqual({
      customerId: 'cus_000001',
      at: Date.parse(NOON),
      campaigns: [{ campaignId: 'cmp_dwell', keep: 1 }],
    });
  });

  it('does not fire a dwell campaign before the dwell reaches its threshold', () => {
    const engine = createTestEngine({
      campaigns: [buildCampaign({ trigger: { kind: 'zone-dwell', minDwellS: 120 } })],
    });
    const short = engine.dwell('zon_watches', 30, NOON);
    expect(short.verdicts).toEqual([
      expect.objectContaining({ reason: 'trigger-mismatch', detail: 'dwell of 30 s, needs 120 s' }),
    ]);
    expect(reasonsOf(engine.dwell('zon_watches', 120, NOON))).toEqual({ cmp_welcome: 'chosen' });
  });

  it('gives overlapping exclusive campaigns to the higher priority, and says who won', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({ id: 'cmp_low', priority: 10, exclusive: true }),
        buildCampaign({ id: 'cmp_high', priority: 900, exclusive: true }),
        buildCampaign({ id: 'cmp_plain', priority: 500 }),
      ],
    });
    const decision = engine.enter(NOON);
    expect(
      decision.verdicts.map((verdict) => [verdict.campaignId, verdict.reason, verdict.detail]),
    ).toEqual([
      ['cmp_high', 'chosen', undefined],
      ['cmp_plain', 'lost-to-exclusive', 'cmp_high'],
      ['cmp_low', 'lost-to-exclusive', 'cmp_high'],
    ]);
    expect(decision.deliveries.map((delivery) => delivery.campaignId)).toEqual(['cmp_high']);
  });

  it('breaks a priority tie between exclusive campaigns by id, the same on every edge', () => {
    const campaigns = [
      buildCampaign({ id: 'cmp_b', exclusive: true }),
      buildCampaign({ id: 'cmp_a', exclusive: true }),
    ];
    const forward = createTestEngine({ campaigns }).enter(NOON);
    const backward = createTestEngine({ campaigns: [...campaigns].reverse() }).enter(NOON);
    expect(reasonsOf(forward)).toEqual({ cmp_a: 'chosen', cmp_b: 'lost-to-exclusive' });
    expect(backward.verdicts).toEqual(forward.verdicts);
  });

  it('does not deliver an exclusive campaign after a higher-priority one was chosen', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({ id: 'cmp_first', priority: 900 }),
        buildCampaign({ id: 'cmp_alone', priority: 100, exclusive: true }),
      ],
    });
    expect(reasonsOf(engine.enter(NOON))).toEqual({
      cmp_first: 'chosen',
      cmp_alone: 'exclusive-needs-to-be-alone',
    });
  });

  it('stops at the per-visit limit across campaigns, and starts again on the next visit', () => {
    const engine = createTestEngine({
      maxCampaignsPerVisit: 2,
      campaigns: [
        buildCampaign({ id: 'cmp_a', priority: 3 }),
        buildCampaign({ id: 'cmp_b', priority: 2 }),
        buildCampaign({ id: 'cmp_zone', priority: 1, trigger: { kind: 'zone-enter' } }),
      ],
    });
    expect(reasonsOf(engine.enter(NOON))).toEqual({ cmp_a: 'chosen', cmp_b: 'chosen' });
    expect(engine.zone('zon_watches', '2026-11-20T11:05:00Z').verdicts).toEqual([
      expect.objectContaining({ reason: 'capped-per-visit', detail: '2 of 2 this visit' }),
    ]);
    engine.leave();
    expect(reasonsOf(engine.zone('zon_watches', '2026-11-20T15:00:00Z'))).toEqual({
      cmp_zone: 'chosen',
    });
  });

  it("honours a campaign's own per-visit limit below the store's", () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({ id: 'cmp_a', priority: 3 }),
        buildCampaign({
          id: 'cmp_shy',
          priority: 2,
          caps: { perVisitAcrossCampaigns: 1 },
        }),
      ],
    });
    expect(reasonsOf(engine.enter(NOON))).toEqual({ cmp_a: 'chosen', cmp_shy: 'capped-per-visit' });
  });

  it('counts only the stores and zones a campaign targets', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({ id: 'cmp_tokyo', targets: { stores: [TOKYO] } }),
        buildCampaign({
          id: 'cmp_lounge',
          trigger: { kind: 'zone-enter' },
          targets: { stores: [PARIS], zones: ['zon_lounge'] },
        }),
      ],
    });
    expect(engine.enter(NOON).verdicts).toEqual([]);
    expect(engine.zone('zon_watches', NOON).verdicts).toEqual([]);
    expect(reasonsOf(engine.zone('zon_lounge', NOON))).toEqual({ cmp_lounge: 'chosen' });
  });

  it('fires an n-th visit campaign at arrival on that visit only', () => {
    const nth = buildCampaign({ id: 'cmp_third', trigger: { kind: 'nth-visit', n: 3 } });
    expect(reasonsOf(createTestEngine({ campaigns: [nth] }).checkIn(NOON))).toEqual({
      cmp_third: 'chosen',
    });
    const fourth = createTestEngine({
      campaigns: [nth],
      facts: {
        visits: { total: 13, atThisStore: 4, previousAt: null },
        birthMonth: null,
        invitedEventIds: [],
      },
    }).enter(NOON);
    expect(fourth.verdicts).toEqual([
      expect.objectContaining({ reason: 'trigger-mismatch', detail: 'visit 4, not 3' }),
    ]);
  });

  it('answers a content scan only for its own codes, and event attendance for its event', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({
          id: 'cmp_scan',
          trigger: { kind: 'content-scan', contentIds: ['cnt_q3'] },
        }),
        buildCampaign({
          id: 'cmp_night',
          trigger: { kind: 'event-attendance', eventId: 'evt_night' },
        }),
      ],
    });
    const at = Date.parse(NOON);
    const scan = (contentId: string) =>
      engine.run({ kind: 'content-scan', storeId: PARIS, contentId, zoneId: null, at });
    expect(scan('cnt_other').verdicts).toEqual([]);
    expect(reasonsOf(scan('cnt_q3'))).toEqual({ cmp_scan: 'chosen' });
    const attend = engine.run({
      kind: 'event-attendance',
      storeId: PARIS,
      eventId: 'evt_night',
      at,
    });
    expect(reasonsOf(attend)).toEqual({ cmp_night: 'chosen' });
  });

  it('decides on the highest version of a campaign edited while the edge was offline', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({ version: 2, status: 'paused' }),
        buildCampaign({ version: 1, status: 'active' }),
      ],
    });
    expect(engine.enter(NOON).verdicts).toEqual([]);
  });

  it('explains every campaign of the store, whatever its trigger or status, for the simulation', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({
          id: 'cmp_welcome',
          audience: { kind: 'segment', segmentId: 'seg_locals' },
        }),
        buildCampaign({ id: 'cmp_paused', status: 'paused' }),
        buildCampaign({ id: 'cmp_zone', trigger: { kind: 'zone-enter' } }),
        buildCampaign({ id: 'cmp_late', schedule: { from: '2027-01-01' } }),
        buildCampaign({ id: 'cmp_gone', audience: { kind: 'segment', segmentId: 'seg_gone' } }),
        buildCampaign({ id: 'cmp_ok' }),
      ],
      segments: [
        buildSegment({
          id: 'seg_locals',
          rule: {
            match: 'all',
            conditions: [{ field: 'homeStore', op: 'in', value: ['this-store'] }],
          },
        }),
      ],
    });
    const decision = engine.explain({ kind: 'store-enter', storeId: PARIS, at: Date.parse(NOON) });
    expect(
      Object.fromEntries(
        decision.verdicts.map((v) => [v.campaignId, `${v.reason}: ${v.detail ?? ''}`]),
      ),
    ).toEqual({
      cmp_gone: 'unknown-segment: segment seg_gone is not in the snapshot',
      cmp_late: 'not-scheduled: before its start date',
      cmp_ok: 'chosen: ',
      cmp_paused: 'inactive: paused',
      cmp_welcome: 'not-in-audience: homeStore in this-store',
      cmp_zone: 'trigger-mismatch: a zone-enter trigger',
    });
    expect(engine.state.customers).toEqual({});
  });
});
