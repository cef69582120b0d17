/**
 * The decision engine is shared with the cloud's simulation, so that both run the same
 * decision; the edge's engagement adapters import it from here.
 */
export {
  type AudienceSubject,
  audienceSubjectOf,
  buildCampaignIndex,
  type CampaignIndex,
  type CampaignVerdict,
  type CompiledCampaign,
  createZonedCalendar,
  DECISION_REASONS,
  type Decision,
  type DecisionContext,
  type DecisionReason,
  type Delivery,
  type DeliveryRecord,
  decide,
  type EngagementEvent,
  type EngagementEventKind,
  type EngagementState,
  type EvaluationInput,
  emptyEngagementState,
  endVisit,
  evaluateCampaign,
  mergeBudgetCounts,
  pruneEngagementState,
  recordDeliveries,
  startVisit,
  type ZonedCalendar,
} from '@vitrine/shared';
