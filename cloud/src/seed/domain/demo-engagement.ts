import {
  type Campaign,
  type CampaignInput,
  campaignSchema,
  type EventSession,
  instantOfLocal,
  type Offer,
  offerSchema,
  type ScreenContentDraft,
  type SegmentWrite,
  screenContentDraftSchema,
  segmentWriteSchema,
} from '@vitrine/shared';
import { DEMO_LOGINS, DEMO_STORES, type DemoStore, demoZones } from './demo-facts.ts';

const DAY_MS = 86_400_000;

export const DEMO_SEGMENTS = {
  topTier: 'seg_demo-top-tier',
  goldPlus: 'seg_demo-gold-plus',
} as const;
export const DEMO_LAUNCH_EVENT = 'evt_demo-q3-launch';

export interface DemoEvent {
  id: string;
  name: string;
  kind: string;
  storeIds: string[];
  /** Local wall-clock times, the same in every store. */
  startsAt: string;
  endsAt: string;
  sessions: EventSession[];
  capacity: number;
  segmentId: string;
}

export interface DemoEngagement {
  segments: { id: string; segment: SegmentWrite }[];
  offers: Offer[];
  content: { id: string; draft: ScreenContentDraft }[];
  campaigns: Campaign[];
  event: DemoEvent;
}

const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The store's first associate: the personal associate of its top-tier clients. */
function personalAssociateOf(store: DemoStore): string {
  const associate = DEMO_LOGINS.find((login) => login.storeId === store.id);
  if (associate === undefined) throw new Error(`demo store ${store.id} has no associate`);
  return associate.name;
}

function counterOf(store: DemoStore): string {
  const counter = demoZones(store).find((zone) => zone.kind === 'counter');
  if (counter === undefined) throw new Error(`demo store ${store.id} has no camera counter`);
  return counter.id;
}

function sessionsOf(startsAt: string, endsAt: string): EventSession[] {
  return DEMO_STORES.map((store) => {
    const start = instantOfLocal(store.timeZone, startsAt);
    const end = instantOfLocal(store.timeZone, endsAt);
    if (start.kind !== 'instant' || end.kind !== 'instant') {
      throw new Error(`the demo launch has no instant in ${store.timeZone}`);
    }
    return {
      storeId: store.id,
      timeZone: store.timeZone,
      startsAt: start.at.toISOString(),
      endsAt: end.at.toISOString(),
    };
  });
}

function campaign(input: Omit<CampaignInput, 'status' | 'version'>): Campaign {
  return campaignSchema.parse({ status: 'active', version: 1, ...input });
}

/**
 * The demo's engagement, dated from `now` so that it runs whenever the demo starts: a VIP
 * welcome in each store, a dwell offer at the camera counters, a birthday gift and a
 * launch a week ahead with its invited guests' campaign. Parsed with the shared schemas,
 * so the seed fails loudly rather than writing a campaign an edge would refuse.
 */
export function demoEngagement(now: Date): DemoEngagement {
  const today = isoDate(now.getTime() - DAY_MS);
  const schedule = { from: today, until: null, windows: [] };
  const validity = {
    from: new Date(now.getTime() - DAY_MS).toISOString(),
    until: new Date(now.getTime() + 90 * DAY_MS).toISOString(),
  };
  const launchDay = isoDate(now.getTime() + 7 * DAY_MS);
  const event: DemoEvent = {
    id: DEMO_LAUNCH_EVENT,
    name: 'Q3 camera launch',
    kind: 'launch',
    storeIds: DEMO_STORES.map((store) => store.id),
    startsAt: `${launchDay}T19:00`,
    endsAt: `${launchDay}T21:00`,
    sessions: sessionsOf(`${launchDay}T19:00`, `${launchDay}T21:00`),
    capacity: 120,
    segmentId: DEMO_SEGMENTS.goldPlus,
  };
  const offers = [
    offerSchema.parse({
      id: 'off_demo-counter-strap',
      name: 'Counter strap',
      title: 'A leather strap with your next camera',
      benefit: { kind: 'gift', description: 'A hand-stitched leather camera strap' },
      validity,
    }),
    offerSchema.parse({
      id: 'off_demo-birthday',
      name: 'Birthday gift',
      title: 'Happy birthday from Maison Lumière',
      benefit: { kind: 'gift', description: 'A leather card case, engraved in store' },
      validity,
      redemptionLimit: { perCustomer: 1 },
    }),
  ];
  const counterCard = 'cnt_demo-counter-card';
  const vipWelcomes = DEMO_STORES.map((store) =>
    campaign({
      id: `cmp_demo-vip-welcome-${store.slug}`,
      name: `VIP welcome, ${store.city}`,
      trigger: { kind: 'check-in' },
      audience: { kind: 'segment', segmentId: DEMO_SEGMENTS.topTier },
      schedule,
      targets: { stores: [store.id] },
      priority: 500,
      actions: [
        {
          kind: 'associate-alert',
          suggestion: `${personalAssociateOf(store)} is their personal associate: greet them by name and offer the lounge.`,
        },
      ],
    }),
  );
  return {
    segments: [
      {
        id: DEMO_SEGMENTS.topTier,
        segment: segmentWriteSchema.parse({
          name: 'Top tier',
          description: 'Platinum clients, welcomed by their personal associate.',
          rule: {
            match: 'all',
            conditions: [{ field: 'tier', op: 'at-least', value: 'platinum' }],
          },
        }),
      },
      {
        id: DEMO_SEGMENTS.goldPlus,
        segment: segmentWriteSchema.parse({
          name: 'Gold and platinum',
          description: 'Invited to launches and private evenings.',
          rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
        }),
      },
    ],
    offers,
    content: [
      {
        id: counterCard,
        draft: screenContentDraftSchema.parse({
          kind: 'html-card',
          name: 'Camera counter card',
          title: 'Try the new rangefinders',
          html: '<p>Ask for a strap fitted while you try them.</p>',
          durationS: 20,
        }),
      },
    ],
    campaigns: [
      ...vipWelcomes,
      campaign({
        id: 'cmp_demo-counter-dwell',
        name: 'Camera counter dwell',
        trigger: { kind: 'zone-dwell', minDwellS: 30 },
        audience: { kind: 'everyone' },
        schedule,
        targets: { stores: 'all', zones: DEMO_STORES.map(counterOf) },
        caps: { perCustomer: { max: 1, per: 'day' }, cooldownMinutes: 60 },
        priority: 200,
        actions: [
          {
            kind: 'associate-alert',
            suggestion:
              'They are trying cameras at the counter: the strap offer is on their phone; fit one and mark it redeemed',
          },
          { kind: 'phone-offer', offerId: 'off_demo-counter-strap' },
          { kind: 'screen-content', contentId: counterCard, holdS: 30, zoneId: null },
        ],
      }),
      campaign({
        id: 'cmp_demo-birthday',
        name: 'Birthday gift',
        trigger: { kind: 'check-in' },
        audience: {
          kind: 'rule',
          rule: { match: 'all', conditions: [{ field: 'birthdayMonth', op: 'is-current' }] },
        },
        schedule,
        targets: { stores: 'all' },
        caps: { perCustomer: { max: 1, per: 'month' } },
        priority: 300,
        actions: [{ kind: 'phone-offer', offerId: 'off_demo-birthday' }],
      }),
      campaign({
        id: 'cmp_demo-launch-guests',
        name: 'Launch guests',
        trigger: { kind: 'check-in' },
        audience: {
          kind: 'rule',
          rule: {
            match: 'all',
            conditions: [{ field: 'eventInvitee', op: 'in', value: [DEMO_LAUNCH_EVENT] }],
          },
        },
        schedule: { from: today, until: launchDay, windows: [] },
        targets: { stores: 'all' },
        priority: 400,
        actions: [
          {
            kind: 'associate-alert',
            suggestion: `Invited to the ${event.name} on ${launchDay} at 19:00: confirm their place.`,
          },
          { kind: 'event-invitation', eventId: DEMO_LAUNCH_EVENT },
        ],
      }),
    ],
    event,
  };
}

/**
 * A birth month for demo customer number `index`: one in four has their birthday in the
 * month of `now` (UTC), so the birthday gift shows among the simulator's arrivals; the
 * others are spread over the year.
 */
export function demoBirthMonth(index: number, now: Date): number {
  if (index % 4 === 0) return now.getUTCMonth() + 1;
  return ((index * 5 + Math.floor(index / 4)) % 12) + 1;
}
