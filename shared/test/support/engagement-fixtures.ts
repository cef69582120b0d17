import {
  buildCampaignIndex,
  type Campaign,
  type CampaignInput,
  type CustomerFacts,
  type CustomerProfile,
  campaignSchema,
  createZonedCalendar,
  type Decision,
  decide,
  type EngagementEvent,
  emptyEngagementState,
  endVisit,
  type Offer,
  type OfferInput,
  offerSchema,
  recordDeliveries,
  type Segment,
  type SegmentInput,
  type SegmentRule,
  type SegmentRuleInput,
  segmentRuleSchema,
  segmentSchema,
  startVisit,
} from '../../src/index.ts';
import { buildProfile } from './profiles.ts';

export const PARIS = 'sto_paris-rivoli';
export const TOKYO = 'sto_tokyo-ginza';

/**
 * An active, all-day, all-store campaign that greets everyone on store enter with an
 * associate alert; every test changes only what it is about. Parsed, so defaults apply.
 */
export function buildCampaign(overrides: Partial<CampaignInput> = {}): Campaign {
  return campaignSchema.parse({
    id: 'cmp_welcome',
    name: 'Welcome',
    status: 'active',
    version: 1,
    trigger: { kind: 'store-enter' },
    audience: { kind: 'everyone' },
    schedule: { from: '2026-01-01' },
    targets: { stores: 'all' },
    actions: [{ kind: 'associate-alert', suggestion: 'Greet by name' }],
    ...overrides,
  });
}

export function buildOffer(overrides: Partial<OfferInput> = {}): Offer {
  return offerSchema.parse({
    id: 'off_coffee',
    name: 'Coffee',
    title: 'A coffee on us',
    benefit: { kind: 'gift', description: 'A coffee in the lounge' },
    validity: { from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' },
    ...overrides,
  });
}

export function buildSegment(overrides: Partial<SegmentInput> = {}): Segment {
  return segmentSchema.parse({
    id: 'seg_vip',
    name: 'VIP',
    rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
    ...overrides,
  });
}

export function ruleOf(input: SegmentRuleInput): SegmentRule {
  return segmentRuleSchema.parse(input);
}

/** A regular: twelve visits in all, three here, the previous one ten days before. */
export function buildFacts(overrides: Partial<CustomerFacts> = {}): CustomerFacts {
  return {
    visits: { total: 12, atThisStore: 3, previousAt: '2026-11-10T10:00:00Z' },
    birthMonth: 11,
    invitedEventIds: [],
    ...overrides,
  };
}

export interface TestEngineOptions {
  campaigns: Campaign[];
  segments?: Segment[];
  offers?: Offer[];
  timeZone?: string;
  storeId?: string;
  profile?: CustomerProfile;
  facts?: CustomerFacts;
  maxCampaignsPerVisit?: number;
}

/**
 * The decision core wired as an adapter will wire it: one index per snapshot, the state
 * carried from one decision to the next, visits opened and closed by store enter/exit.
 */
export function createTestEngine(options: TestEngineOptions) {
  const index = buildCampaignIndex({
    campaigns: options.campaigns,
    segments: options.segments ?? [],
    offers: options.offers ?? [],
  });
  const calendar = createZonedCalendar(options.timeZone ?? 'Europe/Paris');
  const storeId = options.storeId ?? PARIS;
  let state = emptyEngagementState();
  let profile = options.profile ?? buildProfile();
  const facts = options.facts ?? buildFacts();
  const run = (event: EngagementEvent, explainAll = false) => {
    const decision = decide(event, {
      index,
      calendar,
      profile,
      facts,
      state,
      explainAll,
      ...(options.maxCampaignsPerVisit
        ? { maxCampaignsPerVisit: options.maxCampaignsPerVisit }
        : {}),
    });
    state = recordDeliveries(state, decision.record);
    return decision;
  };
  return {
    get state() {
      return state;
    },
    /** Another customer from now on (the state is kept: budgets are shared). */
    as(next: CustomerProfile) {
      profile = next;
    },
    enter(at: string) {
      state = startVisit(state, profile.id, Date.parse(at));
      return run({ kind: 'store-enter', storeId, at: Date.parse(at) });
    },
    zone(zoneId: string, at: string) {
      return run({ kind: 'zone-enter', storeId, zoneId, at: Date.parse(at) });
    },
    dwell(zoneId: string, seconds: number, at: string) {
      return run({
        kind: 'zone-dwell',
        storeId,
        zoneId,
        dwellMs: seconds * 1000,
        at: Date.parse(at),
      });
    },
    checkIn(at: string) {
      return run({ kind: 'check-in', storeId, zoneId: null, at: Date.parse(at) });
    },
    run,
    /** What the simulation would say, without delivering. */
    explain(event: EngagementEvent) {
      return decide(event, { index, calendar, profile, facts, state, explainAll: true });
    },
    leave() {
      state = endVisit(state, profile.id);
    },
  };
}

/** `campaignId: reason` of every verdict, for one-line assertions. */
export function reasonsOf(decision: Decision): Record<string, string> {
  return Object.fromEntries(
    decision.verdicts.map((verdict) => [verdict.campaignId, verdict.reason]),
  );
}
