import type { Consent } from '../../customer/customer-profile.ts';
import type { CampaignAction } from '../campaign-actions.ts';
import type { AudienceSubject } from './audience-subject.ts';
import type { CompiledCampaign } from './compiled-campaign.ts';
import type { CustomerEngagement } from './engagement-state.ts';
import {
  type DecisionReason,
  type EngagementEvent,
  eventKindsOf,
  isSensedEvent,
  zoneOfEvent,
} from './engagement-types.ts';
import { scheduleMiss } from './schedule.ts';
import { explainSegmentRule } from './segment-evaluation.ts';
import type { LocalTime } from './zoned-calendar.ts';

/** What one decision knows, shared by every campaign it evaluates. */
export interface EvaluationInput {
  event: EngagementEvent;
  local: LocalTime;
  subject: AudienceSubject;
  consent: Consent;
  customer: CustomerEngagement;
  budgets: Readonly<Record<string, number>>;
  /** Segment results of this decision: a segment shared by many campaigns is read once. */
  segmentMemo: Map<string, boolean>;
  /** Work out a detail for each miss (simulation), not only its reason. */
  explain: boolean;
}

export type Evaluation =
  | { eligible: true; actions: CampaignAction[] }
  | { eligible: false; reason: DecisionReason; detail: string | undefined };

const SCHEDULE_DETAIL = {
  'before-start': 'before its start date',
  ended: 'after its end date',
  'outside-windows': 'outside its time windows',
} as const;

function miss(reason: DecisionReason, detail?: string): Evaluation {
  return { eligible: false, reason, detail };
}

/** Null when the campaign's trigger answers this event, else what differs. */
function triggerMiss(compiled: CompiledCampaign, input: EvaluationInput): string | null {
  const { event, subject } = input;
  const trigger = compiled.campaign.trigger;
  if (!eventKindsOf(trigger.kind).includes(event.kind)) return `a ${trigger.kind} trigger`;
  const zone = zoneOfEvent(event);
  if (compiled.zones !== null && (zone === null || !compiled.zones.has(zone))) {
    return `not in zone ${zone ?? '(none)'}`;
  }
  if (trigger.kind === 'zone-dwell' && event.kind === 'zone-dwell') {
    if (event.dwellMs < trigger.minDwellS * 1000) {
      return `dwell of ${Math.floor(event.dwellMs / 1000)} s, needs ${trigger.minDwellS} s`;
    }
  }
  if (event.kind === 'content-scan' && !compiled.contentIds?.has(event.contentId)) {
    return `not for content ${event.contentId}`;
  }
  if (trigger.kind === 'event-attendance' && event.kind === 'event-attendance') {
    if (trigger.eventId !== event.eventId) return `for event ${trigger.eventId}`;
  }
  if (trigger.kind === 'nth-visit') {
    const visit = trigger.scope === 'this-store' ? subject.visitsHere : subject.visitsTotal;
    if (visit !== trigger.n) return `visit ${visit}, not ${trigger.n}`;
  }
  return null;
}

function audienceMiss(compiled: CompiledCampaign, input: EvaluationInput): Evaluation | null {
  const audience = compiled.audience;
  if (audience.kind === 'everyone') return null;
  if (audience.kind === 'missing-segment') {
    return miss('unknown-segment', `segment ${audience.segmentId} is not in the snapshot`);
  }
  // Choosing by profile attributes is profiling: not without the customer's consent.
  if (!input.consent.profiling) return miss('no-profiling-consent');
  let matches: boolean | undefined;
  if (audience.segmentId !== null) matches = input.segmentMemo.get(audience.segmentId);
  if (matches === undefined) {
    matches = audience.compiled.matches(input.subject);
    if (audience.segmentId !== null) input.segmentMemo.set(audience.segmentId, matches);
  }
  if (matches) return null;
  if (!input.explain) return miss('not-in-audience');
  const why = explainSegmentRule(audience.compiled.rule, input.subject) ?? undefined;
  return miss('not-in-audience', why);
}

function capMiss(compiled: CompiledCampaign, input: EvaluationInput): Evaluation | null {
  const { caps } = compiled.campaign;
  const { customer, event } = input;
  const history = customer.campaigns[compiled.id];
  const { max, per } = caps.perCustomer;
  let count = 0;
  if (per === 'visit') count = customer.visit?.delivered[compiled.id] ?? 0;
  else if (per === 'campaign') count = history?.total ?? 0;
  else if (history && compiled.capPeriodMs !== null) {
    const since = event.at - compiled.capPeriodMs;
    for (const at of history.recent) if (at > since) count++;
  }
  if (count >= max) return miss('capped-per-customer', `${count} of ${max} per ${per}`);
  const last = history?.recent.at(-1);
  const cooldownMs = caps.cooldownMinutes * 60_000;
  if (last !== undefined && event.at - last < cooldownMs) {
    const left = Math.ceil((cooldownMs - (event.at - last)) / 60_000);
    return miss('cooldown', `${left} min left of ${caps.cooldownMinutes}`);
  }
  return null;
}

/**
 * Everything about one campaign that does not depend on the others: trigger, schedule,
 * budget, offer, consent, audience, the customer's caps and cooldown. The checks run
 * cheapest first and the first miss is the campaign's reason.
 */
export function evaluateCampaign(compiled: CompiledCampaign, input: EvaluationInput): Evaluation {
  if (!compiled.active) return miss('inactive', compiled.campaign.status);
  if (compiled.stores !== null && !compiled.stores.has(input.event.storeId)) {
    return miss('trigger-mismatch', 'not for this store');
  }
  const trigger = triggerMiss(compiled, input);
  if (trigger !== null) return miss('trigger-mismatch', trigger);
  const schedule = scheduleMiss(compiled.schedule, input.local);
  if (schedule !== null) return miss('not-scheduled', SCHEDULE_DETAIL[schedule]);
  const maxDeliveries = compiled.campaign.budget.maxDeliveries;
  const spent = input.budgets[compiled.id] ?? 0;
  if (maxDeliveries !== null && spent >= maxDeliveries) {
    return miss('budget-reached', `${spent} of ${maxDeliveries} deliveries`);
  }
  const offer = compiled.offer;
  if (offer.kind === 'missing') {
    return miss('unknown-offer', `offer ${offer.offerId} is not in the snapshot`);
  }
  if (offer.kind === 'found' && input.event.at < offer.from) {
    return miss('offer-not-yet-valid', `${offer.offer.id} from ${offer.offer.validity.from}`);
  }
  if (offer.kind === 'found' && input.event.at >= offer.until) {
    return miss('offer-expired', `${offer.offer.id} ended ${offer.offer.validity.until}`);
  }
  if (isSensedEvent(input.event) && !input.consent.tracking) return miss('no-tracking-consent');
  const audience = audienceMiss(compiled, input);
  if (audience !== null) return audience;
  const cap = capMiss(compiled, input);
  if (cap !== null) return cap;
  const actions = input.consent.marketing
    ? compiled.campaign.actions
    : compiled.campaign.actions.filter(
        (action) => action.kind !== 'phone-offer' && action.kind !== 'event-invitation',
      );
  if (actions.length === 0) return miss('no-marketing-consent');
  return { eligible: true, actions };
}
