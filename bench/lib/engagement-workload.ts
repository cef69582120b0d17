/**
 * A seeded organisation for the engagement bench: campaigns across many stores, shared
 * segments, offers (some expired), customers and their facts, and the visits of the
 * bench store as the events presence and the app would produce.
 */
import {
  type Campaign,
  type CampaignInput,
  type CustomerFacts,
  type CustomerProfile,
  campaignSchema,
  type Offer,
  offerSchema,
  type Segment,
  type SegmentCondition,
  segmentSchema,
  TIERS,
} from '@vitrine/shared';
import type { EngagementEvent } from '../../edge/src/engagement/index.ts';
import { createRandom, type Random } from '../../edge/src/presence/index.ts';

export const BENCH_STORE = 'sto_paris-rivoli';
export const BENCH_TIME_ZONE = 'Europe/Paris';
const ZONES = Array.from({ length: 8 }, (_, i) => `zon_z${i}`);
const PREFERENCES = ['watches', 'cashmere', 'leather', 'film', 'cameras', 'fragrance', 'jewellery'];
const CATEGORIES = ['watches', 'knitwear', 'bags', 'cameras', 'film', 'fragrance'];
const EVENTS = ['evt_launch', 'evt_masterclass', 'evt_private-evening'];
const CONTENT = Array.from({ length: 40 }, (_, i) => `cnt_c${i}`);

export interface WorkloadOptions {
  campaigns: number;
  /** Campaigns of the bench store alone; some organisation-wide ones come on top. */
  storeCampaigns: number;
  allStoreCampaigns: number;
  stores: number;
  segments: number;
  offers: number;
  customers: number;
  seed: number;
}

function condition(random: Random): SegmentCondition {
  const kind = Math.floor(random.next() * 9);
  const pickSome = (items: readonly string[]) => [random.pick(items), random.pick(items)];
  switch (kind) {
    case 0:
      return { field: 'tier', op: 'at-least', value: random.pick(TIERS) };
    case 1:
      return { field: 'lifetimeValue', op: 'gte', value: Math.round(random.between(0, 20_000)) };
    case 2:
      return { field: 'preferences', op: 'includes-any', value: pickSome(PREFERENCES) };
    case 3:
      return { field: 'homeStore', op: 'not-in', value: ['this-store'] };
    case 4:
      return {
        field: 'visitCount',
        op: 'gte',
        value: Math.round(random.between(1, 10)),
        scope: 'organisation',
      };
    case 5:
      return { field: 'daysSinceLastVisit', op: 'lte', value: Math.round(random.between(7, 90)) };
    case 6:
      return { field: 'lastPurchaseCategory', op: 'in', value: pickSome(CATEGORIES) };
    case 7:
      return { field: 'birthdayMonth', op: 'is-current' };
    default:
      return { field: 'eventInvitee', op: 'in', value: [random.pick(EVENTS)] };
  }
}

function conditions(random: Random, count: number): SegmentCondition[] {
  return Array.from({ length: count }, () => condition(random));
}

function segments(random: Random, count: number): Segment[] {
  return Array.from({ length: count }, (_, i) =>
    segmentSchema.parse({
      id: `seg_s${i}`,
      name: `Segment ${i}`,
      rule: {
        match: random.next() < 0.7 ? 'all' : 'any',
        conditions: conditions(random, 2),
        groups: random.next() < 0.3 ? [{ match: 'any', conditions: conditions(random, 2) }] : [],
      },
    }),
  );
}

function offers(random: Random, count: number): Offer[] {
  return Array.from({ length: count }, (_, i) =>
    offerSchema.parse({
      id: `off_o${i}`,
      name: `Offer ${i}`,
      title: `Offer ${i}`,
      benefit: { kind: 'percent', percent: Math.round(random.between(5, 30)) },
      code: `CODE${i}`,
      validity:
        random.next() < 0.1
          ? { from: '2026-10-01T00:00:00Z', until: '2026-11-01T00:00:00Z' }
          : { from: '2026-11-01T00:00:00Z', until: '2027-01-01T00:00:00Z' },
    }),
  );
}

function trigger(random: Random): CampaignInput['trigger'] {
  const draw = random.next();
  if (draw < 0.15) return { kind: 'store-enter' };
  if (draw < 0.45) return { kind: 'zone-enter' };
  if (draw < 0.7) return { kind: 'zone-dwell', minDwellS: random.pick([30, 60, 120]) };
  if (draw < 0.8) return { kind: 'check-in' };
  if (draw < 0.9)
    return { kind: 'content-scan', contentIds: [random.pick(CONTENT), random.pick(CONTENT)] };
  if (draw < 0.95) return { kind: 'nth-visit', n: Math.round(random.between(1, 10)) };
  return { kind: 'event-attendance', eventId: random.pick(EVENTS) };
}

function schedule(random: Random): CampaignInput['schedule'] {
  const draw = random.next();
  if (draw < 0.7) return { from: '2026-11-01' };
  if (draw < 0.9) {
    return {
      from: '2026-11-01',
      windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '10:00', end: '19:00' }],
    };
  }
  return draw < 0.95 ? { from: '2026-10-01', until: '2026-11-10' } : { from: '2026-12-01' };
}

function campaign(
  random: Random,
  id: string,
  stores: 'all' | string[],
  options: WorkloadOptions,
): Campaign {
  const when = trigger(random);
  const zoned = when.kind === 'zone-enter' || when.kind === 'zone-dwell';
  const audienceDraw = random.next();
  const actions: CampaignInput['actions'] = [
    { kind: 'associate-alert', suggestion: `Mention ${id}` },
  ];
  if (random.next() < 0.6) {
    actions.push({
      kind: 'screen-content',
      contentId: random.pick(CONTENT),
      zoneId: zoned ? null : random.pick(ZONES),
    });
  }
  if (random.next() < 0.4) {
    actions.push({
      kind: 'phone-offer',
      offerId: `off_o${Math.floor(random.next() * options.offers)}`,
    });
  }
  return campaignSchema.parse({
    id,
    name: id,
    status: 'active',
    version: 1,
    trigger: when,
    audience:
      audienceDraw < 0.3
        ? { kind: 'everyone' }
        : audienceDraw < 0.7
          ? { kind: 'segment', segmentId: `seg_s${Math.floor(random.next() * options.segments)}` }
          : { kind: 'rule', rule: { match: 'all', conditions: conditions(random, 2) } },
    schedule: schedule(random),
    targets: {
      stores,
      zones: zoned && random.next() < 0.5 ? [random.pick(ZONES), random.pick(ZONES)] : 'all',
    },
    caps: {
      perCustomer: {
        max: random.pick([1, 1, 2]),
        per: random.pick(['visit', 'day', 'week'] as const),
      },
      perVisitAcrossCampaigns: random.next() < 0.2 ? 2 : null,
      cooldownMinutes: random.pick([0, 0, 30]),
    },
    priority: Math.round(random.between(0, 1000)),
    exclusive: random.next() < 0.1,
    budget: { maxDeliveries: random.next() < 0.2 ? Math.round(random.between(50, 500)) : null },
    actions,
  });
}

function profile(random: Random, i: number, stores: string[]): CustomerProfile {
  const id = `cus_${String(i).padStart(6, '0')}`;
  return {
    id,
    firstName: `First${i}`,
    lastName: `Last${i}`,
    email: `customer${i}@example.com`,
    phone: `+33 1 ${String(i).padStart(8, '0')}`,
    tier: random.pick(TIERS),
    lifetimeValue: Math.round(random.between(0, 50_000)),
    currency: 'EUR',
    preferences: [random.pick(PREFERENCES), random.pick(PREFERENCES)],
    homeStoreId: random.pick(stores),
    homeStoreName: 'Home',
    consent: {
      tracking: random.next() < 0.9,
      marketing: random.next() < 0.8,
      profiling: random.next() < 0.9,
    },
    notes: '',
    recentPurchases: Array.from({ length: Math.floor(random.between(0, 3)) }, (_, p) => ({
      id: `pur_${i}x${p}`,
      storeId: random.pick(stores),
      storeName: 'Store',
      purchasedAt: new Date(Date.parse('2026-06-01T10:00:00Z') + p * 86_400_000 * 20).toISOString(),
      total: 500,
      currency: 'EUR',
      lines: [
        {
          sku: `SKU${p}`,
          name: 'Item',
          category: random.pick(CATEGORIES),
          quantity: 1,
          unitPrice: 500,
        },
      ],
    })),
  };
}

function facts(random: Random): CustomerFacts {
  const total = Math.round(random.between(1, 30));
  return {
    visits: {
      total,
      atThisStore: Math.max(1, Math.round(total * random.next())),
      previousAt:
        total > 1
          ? new Date(
              Date.parse('2026-11-20T00:00:00Z') - random.between(1, 120) * 86_400_000,
            ).toISOString()
          : null,
    },
    birthMonth: Math.ceil(random.between(0.001, 12)),
    invitedEventIds: random.next() < 0.2 ? [random.pick(EVENTS)] : [],
  };
}

export interface Customer {
  profile: CustomerProfile;
  facts: CustomerFacts;
}

export function buildWorkload(options: WorkloadOptions) {
  const random = createRandom(options.seed);
  const stores = [
    BENCH_STORE,
    ...Array.from({ length: options.stores - 1 }, (_, i) => `sto_s${i}`),
  ];
  const others = stores.slice(1);
  const campaigns: Campaign[] = [];
  for (let i = 0; i < options.campaigns; i++) {
    const targets =
      i < options.storeCampaigns
        ? [BENCH_STORE]
        : i < options.storeCampaigns + options.allStoreCampaigns
          ? 'all'
          : [random.pick(others)];
    campaigns.push(campaign(random, `cmp_k${i}`, targets, options));
  }
  const customers: Customer[] = Array.from({ length: options.customers }, (_, i) => ({
    profile: profile(random, i, stores),
    facts: facts(random),
  }));
  return {
    catalogue: {
      campaigns,
      segments: segments(random, options.segments),
      offers: offers(random, options.offers),
    },
    customers,
  };
}

export type VisitStep =
  | { customer: number; event: EngagementEvent }
  | { customer: number; exit: true };

/**
 * Visits to the bench store through a Friday, 09:00 to 21:00 in Paris: store enter, an
 * optional check-in, zones entered with dwell reports at 30 s and 2 min, scans, exit.
 */
export function visitSteps(random: Random, customers: number, events: number): VisitStep[] {
  const steps: VisitStep[] = [];
  const open = Date.parse('2026-11-20T08:00:00Z');
  const span = 12 * 3_600_000;
  let produced = 0;
  while (produced < events) {
    const customer = Math.floor(random.next() * customers);
    let at = open + Math.floor((produced / events) * span);
    const push = (event: EngagementEvent) => {
      steps.push({ customer, event });
      produced++;
    };
    const later = (ms: number) => {
      at += ms;
      return at;
    };
    push({ kind: 'store-enter', storeId: BENCH_STORE, at });
    if (random.next() < 0.5) {
      push({ kind: 'check-in', storeId: BENCH_STORE, zoneId: null, at: later(20_000) });
    }
    for (let z = Math.floor(random.between(2, 6)); z > 0; z--) {
      const zoneId = random.pick(ZONES);
      push({ kind: 'zone-enter', storeId: BENCH_STORE, zoneId, at: later(60_000) });
      push({
        kind: 'zone-dwell',
        storeId: BENCH_STORE,
        zoneId,
        dwellMs: 30_000,
        at: later(30_000),
      });
      if (random.next() < 0.5)
        push({
          kind: 'zone-dwell',
          storeId: BENCH_STORE,
          zoneId,
          dwellMs: 120_000,
          at: later(90_000),
        });
      if (random.next() < 0.2) {
        push({
          kind: 'content-scan',
          storeId: BENCH_STORE,
          contentId: random.pick(CONTENT),
          zoneId,
          at: later(10_000),
        });
      }
    }
    if (random.next() < 0.05)
      push({ kind: 'event-attendance', storeId: BENCH_STORE, eventId: random.pick(EVENTS), at });
    steps.push({ customer, exit: true });
  }
  return steps;
}
