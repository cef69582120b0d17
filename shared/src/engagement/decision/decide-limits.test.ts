import { describe, expect, it } from 'vitest';
import {
  buildCampaign,
  buildOffer,
  buildSegment,
  createTestEngine,
  reasonsOf,
} from '../../../test/support/engagement-fixtures.ts';
import { buildProfile } from '../../../test/support/profiles.ts';

const NOON = '2026-11-20T11:00:00Z';
const HOUR = 3_600_000;
const after = (hours: number) => new Date(Date.parse(NOON) + hours * HOUR).toISOString();

describe('decide: caps, cooldown and budget', () => {
  it('caps a campaign per customer over a rolling day, across visits', () => {
    const engine = createTestEngine({
      campaigns: [buildCampaign({ caps: { perCustomer: { max: 2, per: 'day' } } })],
    });
    const visit = (hours: number) => {
      const decision = engine.enter(after(hours));
      engine.leave();
      return decision;
    };
    expect([visit(0), visit(2), visit(4)].map((d) => d.verdicts[0]?.reason)).toEqual([
      'chosen',
      'chosen',
      'capped-per-customer',
    ]);
    expect(visit(4).verdicts[0]?.detail).toBe('2 of 2 per day');
    // 24 h after the first delivery, one of the two has left the window.
    expect(visit(24.5).verdicts[0]?.reason).toBe('chosen');
  });

  it('delivers a campaign once per visit by default, again on the next visit', () => {
    const engine = createTestEngine({
      campaigns: [buildCampaign({ trigger: { kind: 'zone-enter' } })],
    });
    expect(engine.zone('zon_a', NOON).verdicts[0]?.reason).toBe('chosen');
    expect(engine.zone('zon_b', after(0.1)).verdicts[0]?.reason).toBe('capped-per-customer');
    engine.leave();
    expect(engine.zone('zon_a', after(1)).verdicts[0]?.reason).toBe('chosen');
  });

  it('caps a campaign over its whole life', () => {
    const engine = createTestEngine({
      campaigns: [buildCampaign({ caps: { perCustomer: { max: 1, per: 'campaign' } } })],
    });
    engine.enter(NOON);
    engine.leave();
    expect(engine.enter(after(24 * 60)).verdicts[0]?.reason).toBe('capped-per-customer');
  });

  it('waits out the cooldown between two deliveries to the same customer', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({
          trigger: { kind: 'zone-enter' },
          caps: { perCustomer: { max: 10, per: 'day' }, cooldownMinutes: 30 },
        }),
      ],
    });
    expect(engine.zone('zon_a', NOON).verdicts[0]?.reason).toBe('chosen');
    expect(engine.zone('zon_b', after(0.25)).verdicts[0]).toMatchObject({
      reason: 'cooldown',
      detail: '15 min left of 30',
    });
    expect(engine.zone('zon_c', after(0.5)).verdicts[0]?.reason).toBe('chosen');
  });

  it('stops a campaign whose budget another customer spent in the middle of this visit', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({
          id: 'cmp_gift',
          trigger: { kind: 'zone-enter' },
          budget: { maxDeliveries: 1 },
        }),
      ],
    });
    const first = buildProfile({ id: 'cus_first' });
    const second = buildProfile({ id: 'cus_second' });
    engine.as(second);
    engine.enter(NOON);
    engine.as(first);
    expect(engine.zone('zon_a', after(0.1)).verdicts[0]?.reason).toBe('chosen');
    engine.as(second);
    expect(engine.zone('zon_a', after(0.2)).verdicts[0]).toMatchObject({
      reason: 'budget-reached',
      detail: '1 of 1 deliveries',
    });
  });
});

describe('decide: offers, schedule and consent', () => {
  const withOffer = (offer = buildOffer()) =>
    createTestEngine({
      campaigns: [buildCampaign({ actions: [{ kind: 'phone-offer', offerId: 'off_coffee' }] })],
      offers: [offer],
    });

  it('does not deliver a campaign whose offer expired, or has not started', () => {
    const expired = buildOffer({
      validity: { from: '2026-01-01T00:00:00Z', until: '2026-11-20T10:59:59Z' },
    });
    expect(withOffer(expired).enter(NOON).verdicts[0]).toMatchObject({
      reason: 'offer-expired',
      detail: 'off_coffee ended 2026-11-20T10:59:59Z',
    });
    const later = buildOffer({
      validity: { from: '2026-12-01T00:00:00Z', until: '2026-12-31T00:00:00Z' },
    });
    expect(withOffer(later).enter(NOON).verdicts[0]?.reason).toBe('offer-not-yet-valid');
    const missing = createTestEngine({
      campaigns: [buildCampaign({ actions: [{ kind: 'phone-offer', offerId: 'off_gone' }] })],
    });
    expect(missing.enter(NOON).verdicts[0]?.reason).toBe('unknown-offer');
  });

  it('says a campaign outside its windows is not scheduled, in the store time zone', () => {
    const evenings = buildCampaign({
      schedule: { from: '2026-11-01', windows: [{ days: ['fri'], start: '18:00', end: '21:00' }] },
    });
    const tokyo = createTestEngine({ campaigns: [evenings], timeZone: 'Asia/Tokyo' });
    const paris = createTestEngine({ campaigns: [evenings], timeZone: 'Europe/Paris' });
    // Friday 09:30 UTC: 18:30 in Tokyo, 10:30 in Paris.
    expect(tokyo.enter('2026-11-20T09:30:00Z').verdicts[0]?.reason).toBe('chosen');
    expect(paris.enter('2026-11-20T09:30:00Z').verdicts[0]).toMatchObject({
      reason: 'not-scheduled',
      detail: 'outside its time windows',
    });
  });

  it('does not act on sensed presence without tracking consent, but answers a check-in', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({ id: 'cmp_enter' }),
        buildCampaign({ id: 'cmp_checkin', trigger: { kind: 'check-in' } }),
      ],
      profile: buildProfile({ consent: { tracking: false, marketing: true, profiling: true } }),
    });
    expect(reasonsOf(engine.enter(NOON))).toEqual({ cmp_enter: 'no-tracking-consent' });
    expect(reasonsOf(engine.checkIn(NOON))).toEqual({ cmp_checkin: 'chosen' });
  });

  it('does not choose by profile without profiling consent; everyone-campaigns still run', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({ id: 'cmp_vip', audience: { kind: 'segment', segmentId: 'seg_vip' } }),
        buildCampaign({ id: 'cmp_all' }),
      ],
      segments: [buildSegment()],
      profile: buildProfile({ consent: { tracking: true, marketing: true, profiling: false } }),
    });
    expect(reasonsOf(engine.enter(NOON))).toEqual({
      cmp_all: 'chosen',
      cmp_vip: 'no-profiling-consent',
    });
  });

  it('keeps the alert but drops the offer and the invitation without marketing consent', () => {
    const engine = createTestEngine({
      campaigns: [
        buildCampaign({
          id: 'cmp_mixed',
          actions: [
            { kind: 'associate-alert', suggestion: 'Offer a coffee' },
            { kind: 'phone-offer', offerId: 'off_coffee' },
            { kind: 'event-invitation', eventId: 'evt_night' },
          ],
        }),
        buildCampaign({
          id: 'cmp_phone',
          actions: [{ kind: 'phone-offer', offerId: 'off_coffee' }],
        }),
      ],
      offers: [buildOffer()],
      profile: buildProfile({ consent: { tracking: true, marketing: false, profiling: true } }),
    });
    const decision = engine.enter(NOON);
    expect(reasonsOf(decision)).toEqual({ cmp_mixed: 'chosen', cmp_phone: 'no-marketing-consent' });
    expect(decision.deliveries.map((delivery) => delivery.kind)).toEqual(['associate-alert']);
  });

  it('reads a shared segment once and gives every campaign on it the same answer', () => {
    const campaigns = ['cmp_a', 'cmp_b', 'cmp_c'].map((id) =>
      buildCampaign({ id, audience: { kind: 'segment', segmentId: 'seg_vip' } }),
    );
    const member = buildProfile({ tier: 'member' });
    const engine = createTestEngine({ campaigns, segments: [buildSegment()], profile: member });
    expect(Object.values(reasonsOf(engine.enter(NOON)))).toEqual([
      'not-in-audience',
      'not-in-audience',
      'not-in-audience',
    ]);
  });
});
