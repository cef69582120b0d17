import type { Campaign, CapPeriod } from '../campaign.ts';
import type { Offer } from '../offer.ts';
import type { SegmentRule } from '../segment-rules.ts';
import { type CompiledSchedule, compileSchedule } from './schedule.ts';
import { compileSegmentRule, type SubjectPredicate } from './segment-evaluation.ts';

export interface CompiledRule {
  rule: SegmentRule;
  matches: SubjectPredicate;
}

export type CompiledAudience =
  | { kind: 'everyone' }
  /** `segmentId` null for a rule written inline in the campaign. */
  | { kind: 'rule'; segmentId: string | null; compiled: CompiledRule }
  | { kind: 'missing-segment'; segmentId: string };

export type CompiledOffer =
  | { kind: 'none' }
  | { kind: 'missing'; offerId: string }
  | { kind: 'found'; offer: Offer; from: number; until: number };

/** A campaign with everything a decision reads turned into sets, numbers and closures. */
export interface CompiledCampaign {
  campaign: Campaign;
  id: string;
  priority: number;
  exclusive: boolean;
  active: boolean;
  schedule: CompiledSchedule;
  /** null: every store, every zone. */
  stores: ReadonlySet<string> | null;
  zones: ReadonlySet<string> | null;
  /** The content codes of a content-scan trigger. */
  contentIds: ReadonlySet<string> | null;
  audience: CompiledAudience;
  offer: CompiledOffer;
  /** Length of a rolling cap period; null for `visit` and `campaign`. */
  capPeriodMs: number | null;
  /** Delivery instants the caps and cooldown need remembered. */
  keep: number;
}

const DAY_MS = 86_400_000;
const ROLLING_PERIOD_MS: Record<CapPeriod, number | null> = {
  visit: null,
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30 * DAY_MS,
  campaign: null,
};

export interface CompileLookups {
  segments: ReadonlyMap<string, CompiledRule>;
  offers: ReadonlyMap<string, Offer>;
}

function compileAudience(campaign: Campaign, segments: CompileLookups['segments']) {
  const audience = campaign.audience;
  if (audience.kind === 'everyone') return { kind: 'everyone' } as const;
  if (audience.kind === 'rule') {
    const rule = audience.rule;
    return {
      kind: 'rule',
      segmentId: null,
      compiled: { rule, matches: compileSegmentRule(rule) },
    } as const;
  }
  const compiled = segments.get(audience.segmentId);
  return compiled
    ? ({ kind: 'rule', segmentId: audience.segmentId, compiled } as const)
    : ({ kind: 'missing-segment', segmentId: audience.segmentId } as const);
}

function compileOffer(campaign: Campaign, offers: CompileLookups['offers']): CompiledOffer {
  const action = campaign.actions.find((candidate) => candidate.kind === 'phone-offer');
  if (!action) return { kind: 'none' };
  const offer = offers.get(action.offerId);
  if (!offer) return { kind: 'missing', offerId: action.offerId };
  return {
    kind: 'found',
    offer,
    from: Date.parse(offer.validity.from),
    until: Date.parse(offer.validity.until),
  };
}

export function compileCampaign(campaign: Campaign, lookups: CompileLookups): CompiledCampaign {
  const { trigger, targets, caps } = campaign;
  const capPeriodMs = ROLLING_PERIOD_MS[caps.perCustomer.per];
  return {
    campaign,
    id: campaign.id,
    priority: campaign.priority,
    exclusive: campaign.exclusive,
    active: campaign.status === 'active',
    schedule: compileSchedule(campaign.schedule),
    stores: targets.stores === 'all' ? null : new Set(targets.stores),
    zones: targets.zones === 'all' ? null : new Set(targets.zones),
    contentIds: trigger.kind === 'content-scan' ? new Set(trigger.contentIds) : null,
    audience: compileAudience(campaign, lookups.segments),
    offer: compileOffer(campaign, lookups.offers),
    capPeriodMs,
    keep: capPeriodMs === null ? 1 : caps.perCustomer.max,
  };
}

/** Higher priority first; equal priorities by id, so that every edge orders alike. */
export function byRank(a: CompiledCampaign, b: CompiledCampaign): number {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
