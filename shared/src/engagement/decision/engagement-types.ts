import type { PhoneOffer } from '../../messages/engagement.ts';
import type { TriggerKind } from '../campaign-trigger.ts';
import type { ScreenMessage } from '../screen-content.ts';
import type { DeliveryRecord } from './engagement-state.ts';

/**
 * Something a known customer did in a store that campaigns can answer. Presence gives the
 * store and zone events; the customer's own acts (check-in, content scan, attendance at
 * an event) arrive as messages. `at` is epoch milliseconds; `customerId` is the profile's.
 */
export type EngagementEvent =
  | { kind: 'store-enter'; storeId: string; at: number }
  | { kind: 'zone-enter'; storeId: string; zoneId: string; at: number }
  | { kind: 'zone-dwell'; storeId: string; zoneId: string; dwellMs: number; at: number }
  | { kind: 'content-scan'; storeId: string; contentId: string; zoneId: string | null; at: number }
  | { kind: 'check-in'; storeId: string; zoneId: string | null; at: number }
  | { kind: 'event-attendance'; storeId: string; eventId: string; at: number };

export type EngagementEventKind = EngagementEvent['kind'];

/** The events each trigger answers: an n-th visit is noticed when the customer arrives. */
const EVENT_KINDS: Record<TriggerKind, readonly EngagementEventKind[]> = {
  'store-enter': ['store-enter'],
  'zone-enter': ['zone-enter'],
  'zone-dwell': ['zone-dwell'],
  'content-scan': ['content-scan'],
  'check-in': ['check-in'],
  'event-attendance': ['event-attendance'],
  'nth-visit': ['store-enter', 'check-in'],
};

export function eventKindsOf(trigger: TriggerKind): readonly EngagementEventKind[] {
  return EVENT_KINDS[trigger];
}

/** Events that passive sensing produced: never acted on without tracking consent. */
export function isSensedEvent(event: EngagementEvent): boolean {
  return event.kind === 'store-enter' || event.kind === 'zone-enter' || event.kind === 'zone-dwell';
}

/** The zone an event happened in, if it has one. */
export function zoneOfEvent(event: EngagementEvent): string | null {
  if (event.kind === 'zone-enter' || event.kind === 'zone-dwell') return event.zoneId;
  if (event.kind === 'content-scan' || event.kind === 'check-in') return event.zoneId;
  return null;
}

/** One thing to push, ready for the adapter that pushes it. */
export type Delivery =
  | {
      kind: 'associate-alert';
      campaignId: string;
      storeId: string;
      customerId: string;
      zoneId: string | null;
      suggestion: string;
    }
  /** For the zone's screens: segment-level, and nothing that names the customer. */
  | { kind: 'screen-content'; campaignId: string; message: ScreenMessage }
  | { kind: 'phone-offer'; campaignId: string; customerId: string; offer: PhoneOffer }
  | { kind: 'event-invitation'; campaignId: string; customerId: string; eventId: string };

/**
 * Why a campaign was not delivered, or `chosen`. In the order the engine checks them, so
 * a campaign carries the first reason that applies.
 */
export const DECISION_REASONS = [
  'chosen',
  'inactive',
  'trigger-mismatch',
  'not-scheduled',
  'budget-reached',
  'unknown-offer',
  'offer-not-yet-valid',
  'offer-expired',
  'no-tracking-consent',
  'unknown-segment',
  'no-profiling-consent',
  'not-in-audience',
  'capped-per-customer',
  'cooldown',
  'no-marketing-consent',
  'capped-per-visit',
  'lost-to-exclusive',
  'exclusive-needs-to-be-alone',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface CampaignVerdict {
  campaignId: string;
  name: string;
  priority: number;
  reason: DecisionReason;
  /** For people: which condition, window or campaign; undefined when the reason says it all. */
  detail?: string | undefined;
}

export interface Decision {
  /** Highest priority first. */
  deliveries: Delivery[];
  /** One per campaign considered, chosen or not, highest priority first. */
  verdicts: CampaignVerdict[];
  /** To write into the engagement state once the deliveries are handed over. */
  record: DeliveryRecord;
}
