import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFacts, buildOffer, PARIS } from '../../../test/support/engagement-fixtures.ts';
import { buildProfile } from '../../../test/support/profiles.ts';
import { type CustomerProfile, TIERS } from '../../customer/customer-profile.ts';
import { type Campaign, type CampaignInput, campaignSchema } from '../campaign.ts';
import { screenMessageSchema } from '../screen-content.ts';
import { buildCampaignIndex } from './campaign-index.ts';
import { decide } from './decide.ts';
import {
  customerEngagement,
  type EngagementState,
  emptyEngagementState,
  endVisit,
  recordDeliveries,
  startVisit,
} from './engagement-state.ts';
import type { Decision, EngagementEvent } from './engagement-types.ts';
import { createZonedCalendar } from './zoned-calendar.ts';

const ZONES = ['zon_a', 'zon_b'];
const T0 = Date.parse('2026-11-20T08:00:00Z');
const paris = createZonedCalendar('Europe/Paris');

const triggerArb = fc.oneof(
  fc.constant({ kind: 'store-enter' } as const),
  fc.constant({ kind: 'check-in' } as const),
  fc.constant({ kind: 'zone-enter' } as const),
  fc.integer({ min: 1, max: 300 }).map((minDwellS) => ({ kind: 'zone-dwell', minDwellS }) as const),
);

const audienceArb: fc.Arbitrary<CampaignInput['audience']> = fc.oneof(
  fc.constant({ kind: 'everyone' as const }),
  fc.constantFrom(...TIERS).map((tier) => ({
    kind: 'rule' as const,
    rule: {
      match: 'all' as const,
      conditions: [{ field: 'tier' as const, op: 'at-least' as const, value: tier }],
    },
  })),
);

function campaignArb(id: string): fc.Arbitrary<Campaign> {
  return fc
    .record({
      trigger: triggerArb,
      audience: audienceArb,
      priority: fc.integer({ min: 0, max: 5 }),
      exclusive: fc.boolean(),
      perVisit: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      perCustomer: fc.record({
        max: fc.integer({ min: 1, max: 3 }),
        per: fc.constantFrom('visit', 'day', 'campaign'),
      }),
      cooldownMinutes: fc.constantFrom(0, 0, 10),
      withOffer: fc.boolean(),
      budget: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    })
    .map((drawn) => {
      const zoned = drawn.trigger.kind === 'zone-enter' || drawn.trigger.kind === 'zone-dwell';
      const input: CampaignInput = {
        id,
        name: id,
        status: 'active',
        version: 1,
        trigger: drawn.trigger,
        audience: drawn.audience,
        schedule: { from: '2026-01-01' },
        targets: { stores: [PARIS] },
        caps: {
          perCustomer: drawn.perCustomer,
          perVisitAcrossCampaigns: drawn.perVisit,
          cooldownMinutes: drawn.cooldownMinutes,
        },
        priority: drawn.priority,
        exclusive: drawn.exclusive,
        budget: { maxDeliveries: drawn.budget },
        actions: [
          { kind: 'associate-alert', suggestion: 'Say hello' },
          { kind: 'screen-content', contentId: 'cnt_loop', zoneId: zoned ? null : 'zon_entrance' },
          ...(drawn.withOffer ? [{ kind: 'phone-offer', offerId: 'off_coffee' } as const] : []),
        ],
      };
      return campaignSchema.parse(input);
    });
}

const catalogueArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => campaignArb(`cmp_c${i}`))));

const name = fc.stringMatching(/^[A-Z][a-z]{2,12}$/);
const profileArb: fc.Arbitrary<CustomerProfile> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9]{6,12}$/).map((body) => `cus_${body}`),
    firstName: name,
    lastName: name,
    email: fc.emailAddress(),
    phone: fc.stringMatching(/^\+[0-9]{8,12}$/),
    tier: fc.constantFrom(...TIERS),
    consent: fc.record({
      tracking: fc.boolean(),
      marketing: fc.boolean(),
      profiling: fc.boolean(),
    }),
  })
  .map((drawn) => buildProfile(drawn));

type Step =
  | { kind: 'enter' | 'exit' | 'check-in'; afterMin: number }
  | { kind: 'zone' | 'dwell'; zone: string; dwellS: number; afterMin: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('enter', 'exit', 'check-in'),
    afterMin: fc.integer({ min: 0, max: 90 }),
  }),
  fc.record({
    kind: fc.constantFrom('zone', 'dwell'),
    zone: fc.constantFrom(...ZONES),
    dwellS: fc.integer({ min: 0, max: 400 }),
    afterMin: fc.integer({ min: 0, max: 90 }),
  }),
);

/** Runs the steps as an adapter would; calls `check` with each decision and the state before it. */
function play(
  campaigns: Campaign[],
  profile: CustomerProfile,
  steps: Step[],
  maxCampaignsPerVisit: number,
  check: (decision: Decision, before: EngagementState) => void,
) {
  const index = buildCampaignIndex({ campaigns, segments: [], offers: [buildOffer()] });
  let state = emptyEngagementState();
  let at = T0;
  for (const step of steps) {
    at += step.afterMin * 60_000;
    if (step.kind === 'exit') {
      state = endVisit(state, profile.id);
      continue;
    }
    if (step.kind === 'enter') state = startVisit(state, profile.id, at);
    const event: EngagementEvent =
      'zone' in step
        ? step.kind === 'zone'
          ? { kind: 'zone-enter', storeId: PARIS, zoneId: step.zone, at }
          : {
              kind: 'zone-dwell',
              storeId: PARIS,
              zoneId: step.zone,
              dwellMs: step.dwellS * 1000,
              at,
            }
        : step.kind === 'enter'
          ? { kind: 'store-enter', storeId: PARIS, at }
          : { kind: 'check-in', storeId: PARIS, zoneId: null, at };
    const before = state;
    const decision = decide(event, {
      index,
      calendar: paris,
      profile,
      facts: buildFacts(),
      state,
      maxCampaignsPerVisit,
    });
    check(decision, before);
    state = recordDeliveries(state, decision.record);
  }
}

describe('decide, over random catalogues, customers and visits', () => {
  it('never delivers more campaigns in a visit than the per-visit cap', () => {
    fc.assert(
      fc.property(
        catalogueArb,
        profileArb,
        fc.array(stepArb, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        (campaigns, profile, steps, cap) => {
          play(campaigns, profile, steps, cap, (decision, before) => {
            const already = customerEngagement(before, profile.id).visit?.count ?? 0;
            const chosen = decision.record.campaigns;
            expect(already + chosen.length).toBeLessThanOrEqual(cap);
            chosen.forEach(({ campaignId }, position) => {
              const own = campaigns.find((c) => c.id === campaignId)?.caps.perVisitAcrossCampaigns;
              expect(already + position).toBeLessThan(own ?? cap);
            });
            const exclusive = chosen.some(
              ({ campaignId }) => campaigns.find((c) => c.id === campaignId)?.exclusive,
            );
            if (exclusive) expect(chosen).toHaveLength(1);
          });
        },
      ),
    );
  });

  it("never puts a customer's name, email, phone or id in a screen action", () => {
    fc.assert(
      fc.property(
        catalogueArb,
        profileArb,
        fc.array(stepArb, { minLength: 1, maxLength: 20 }),
        (campaigns, profile, steps) => {
          const personal = [
            profile.firstName,
            profile.lastName,
            profile.email,
            profile.phone,
            profile.id,
          ];
          play(campaigns, profile, steps, 3, (decision) => {
            for (const delivery of decision.deliveries) {
              if (delivery.kind !== 'screen-content') continue;
              expect(Object.keys(delivery).sort()).toEqual(['campaignId', 'kind', 'message']);
              expect(screenMessageSchema.safeParse(delivery.message).success).toBe(true);
              const text = JSON.stringify(delivery);
              for (const value of personal) if (value) expect(text).not.toContain(value);
              expect(text).not.toContain((profile.phone ?? '').slice(1));
            }
          });
        },
      ),
    );
  });

  it('gives every campaign considered exactly one verdict and changes no state it is given', () => {
    fc.assert(
      fc.property(
        catalogueArb,
        profileArb,
        fc.array(stepArb, { maxLength: 15 }),
        (campaigns, profile, steps) => {
          play(campaigns, profile, steps, 3, (decision, before) => {
            const snapshot = JSON.stringify(before);
            const ids = decision.verdicts.map((verdict) => verdict.campaignId);
            expect(new Set(ids).size).toBe(ids.length);
            const chosen = decision.verdicts.filter((verdict) => verdict.reason === 'chosen');
            expect(chosen.map((verdict) => verdict.campaignId)).toEqual(
              decision.record.campaigns.map((c) => c.campaignId),
            );
            expect(JSON.stringify(before)).toBe(snapshot);
          });
        },
      ),
    );
  });
});
