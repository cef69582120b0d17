import type { CustomerProfile } from '../../customer/customer-profile.ts';
import type { CustomerFacts } from '../customer-facts.ts';
import { audienceSubjectOf } from './audience-subject.ts';
import { evaluateCampaign } from './campaign-evaluation.ts';
import type { CampaignIndex } from './campaign-index.ts';
import type { CompiledCampaign } from './compiled-campaign.ts';
import { deliveriesFor } from './deliveries.ts';
import { customerEngagement, type EngagementState } from './engagement-state.ts';
import type {
  CampaignVerdict,
  Decision,
  DecisionReason,
  Delivery,
  EngagementEvent,
} from './engagement-types.ts';
import type { ZonedCalendar } from './zoned-calendar.ts';

export interface DecisionContext {
  index: CampaignIndex;
  /** The calendar of the event's store. */
  calendar: ZonedCalendar;
  profile: CustomerProfile;
  facts: CustomerFacts;
  state: EngagementState;
  /** The most campaigns one customer receives in one visit, across all campaigns. */
  maxCampaignsPerVisit?: number;
  /**
   * Consider every campaign that targets the store, whatever its trigger or status, and
   * say which condition keeps each one out: the simulation's "why not the others".
   */
  explainAll?: boolean;
}

function verdict(
  compiled: CompiledCampaign,
  reason: DecisionReason,
  detail?: string,
): CampaignVerdict {
  // One object shape for every verdict: a decision makes hundreds of them.
  return {
    campaignId: compiled.id,
    name: compiled.campaign.name,
    priority: compiled.priority,
    reason,
    detail,
  };
}

/**
 * What to deliver for one event, and why each campaign considered was or was not chosen.
 * Pure: time is the event's, state and catalogue are arguments, nothing is changed; the
 * caller hands the deliveries over, then writes `decision.record` into the state.
 *
 * Campaigns are taken highest priority first. An eligible campaign is chosen unless an
 * exclusive one was chosen before it, it is exclusive and another was chosen before it,
 * or the customer's per-visit limit is reached (the store's, or the campaign's own).
 */
export function decide(event: EngagementEvent, context: DecisionContext): Decision {
  const { index, profile, state, maxCampaignsPerVisit = 3, explainAll = false } = context;
  const local = context.calendar.at(event.at);
  const customer = customerEngagement(state, profile.id);
  const input = {
    event,
    local,
    subject: audienceSubjectOf(profile, context.facts, {
      storeId: event.storeId,
      at: event.at,
      local,
    }),
    consent: profile.consent,
    customer,
    budgets: state.budgets,
    segmentMemo: new Map<string, boolean>(),
    explain: explainAll,
  };
  const campaigns = explainAll ? index.targeting(event.storeId) : index.candidates(event);
  const deliveredThisVisit = customer.visit?.count ?? 0;
  const verdicts: CampaignVerdict[] = [];
  const deliveries: Delivery[] = [];
  const chosen: CompiledCampaign[] = [];
  let exclusiveWinner: CompiledCampaign | null = null;

  for (const compiled of campaigns) {
    const evaluation = evaluateCampaign(compiled, input);
    if (!evaluation.eligible) {
      verdicts.push(verdict(compiled, evaluation.reason, evaluation.detail));
      continue;
    }
    const ownLimit = compiled.campaign.caps.perVisitAcrossCampaigns ?? Number.POSITIVE_INFINITY;
    const limit = Math.min(maxCampaignsPerVisit, ownLimit);
    const first = chosen[0];
    if (exclusiveWinner !== null) {
      verdicts.push(verdict(compiled, 'lost-to-exclusive', exclusiveWinner.id));
    } else if (compiled.exclusive && first !== undefined) {
      verdicts.push(verdict(compiled, 'exclusive-needs-to-be-alone', `${first.id} goes first`));
    } else if (deliveredThisVisit + chosen.length >= limit) {
      const count = deliveredThisVisit + chosen.length;
      verdicts.push(verdict(compiled, 'capped-per-visit', `${count} of ${limit} this visit`));
    } else {
      chosen.push(compiled);
      if (compiled.exclusive) exclusiveWinner = compiled;
      verdicts.push(verdict(compiled, 'chosen'));
      deliveries.push(...deliveriesFor(compiled, evaluation.actions, { event, profile }));
    }
  }

  return {
    deliveries,
    verdicts,
    record: {
      customerId: profile.id,
      at: event.at,
      campaigns: chosen.map((compiled) => ({ campaignId: compiled.id, keep: compiled.keep })),
    },
  };
}
