import {
  type Campaign,
  type EngagementFeed,
  type Offer,
  type Segment,
  screenMessageSchema,
} from '@vitrine/shared';
import {
  buildCampaign,
  buildOffer,
  buildSegment,
} from '../../../shared/test/support/engagement-fixtures.ts';

export const VIP_WELCOME = 'cmp_vip-welcome';
export const DWELL_OFFER = 'cmp_floor-dwell';
export const VIP_SEGMENT = 'seg_top-tier';
export const DWELL_CONTENT = 'cnt_floor-silk';
export const COFFEE_OFFER = 'off_coffee';

/** The top tier greeted at check-in: an associate suggestion, once per visit. */
export function vipWelcome(overrides: Parameters<typeof buildCampaign>[0] = {}): Campaign {
  return buildCampaign({
    id: VIP_WELCOME,
    name: 'VIP welcome',
    trigger: { kind: 'check-in' },
    audience: { kind: 'segment', segmentId: VIP_SEGMENT },
    actions: [{ kind: 'associate-alert', suggestion: 'Offer a glass of champagne' }],
    ...overrides,
  });
}

/**
 * Thirty seconds in `zoneId`: the coffee offer to the customer's phone and the floor's
 * silk content on the zone's screens, once per day per customer.
 */
export function dwellOffer(zoneId: string, overrides: Parameters<typeof buildCampaign>[0] = {}) {
  return buildCampaign({
    id: DWELL_OFFER,
    name: 'Floor dwell',
    trigger: { kind: 'zone-dwell', minDwellS: 30 },
    audience: { kind: 'segment', segmentId: VIP_SEGMENT },
    targets: { stores: 'all', zones: [zoneId] },
    caps: { perCustomer: { max: 1, per: 'day' } },
    actions: [
      { kind: 'phone-offer', offerId: COFFEE_OFFER },
      { kind: 'screen-content', contentId: DWELL_CONTENT, holdS: 20 },
    ],
    ...overrides,
  });
}

export const topTier: Segment = buildSegment({
  id: VIP_SEGMENT,
  name: 'Top tier',
  rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'platinum' }] },
});

export const coffee: Offer = buildOffer({ id: COFFEE_OFFER, code: 'COFFEE-1' });

/** The feed the cloud answers for the store, with the segment and offer the campaigns use. */
export function engagementFeed(
  storeId: string,
  campaigns: Campaign[],
  version = 'v1',
): EngagementFeed {
  return {
    storeId,
    version,
    catalogue: { campaigns, segments: [topTier], offers: [coffee], content: [] },
  };
}

/** The screen message in a zone screen envelope's payload, parsed (it must be one). */
export function screenMessageOf(payload: string) {
  const envelope: { data: unknown } = JSON.parse(payload);
  return screenMessageSchema.parse(envelope.data);
}
