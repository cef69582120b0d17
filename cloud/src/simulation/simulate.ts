import {
  buildCampaignIndex,
  type CustomerFacts,
  type CustomerProfile,
  createZonedCalendar,
  decide,
  type EngagementCatalogue,
  type EngagementEvent,
  type LocalTime,
  type SimulatedEvent,
  type SimulationRequest,
  type SimulationResult,
} from '@vitrine/shared';
import { type DeliveryHistory, simulatedState } from './simulated-state.ts';

const DAY_MS = 86_400_000;

export interface SimulationInputs {
  request: SimulationRequest;
  catalogue: EngagementCatalogue;
  timeZone: string;
  profile: CustomerProfile;
  facts: CustomerFacts;
  history: DeliveryHistory;
}

/** The simulated act as the engine's event, at the request's instant in its store. */
function engagementEventOf(event: SimulatedEvent, storeId: string, at: number): EngagementEvent {
  switch (event.kind) {
    case 'store-enter':
      return { kind: 'store-enter', storeId, at };
    case 'zone-enter':
      return { kind: 'zone-enter', storeId, zoneId: event.zoneId, at };
    case 'zone-dwell':
      return {
        kind: 'zone-dwell',
        storeId,
        zoneId: event.zoneId,
        dwellMs: event.dwellS * 1000,
        at,
      };
    case 'content-scan':
      return {
        kind: 'content-scan',
        storeId,
        contentId: event.contentId,
        zoneId: event.zoneId,
        at,
      };
    case 'check-in':
      return { kind: 'check-in', storeId, zoneId: event.zoneId, at };
    case 'event-attendance':
      return { kind: 'event-attendance', storeId, eventId: event.eventId, at };
  }
}

/** `YYYY-MM-DDTHH:MM`, the form in which marketers write schedules. */
function wallClockText(local: LocalTime): string {
  const date = new Date(local.day * DAY_MS).toISOString().slice(0, 10);
  const hours = String(Math.floor(local.minute / 60)).padStart(2, '0');
  const minutes = String(local.minute % 60).padStart(2, '0');
  return `${date}T${hours}:${minutes}`;
}

/**
 * What the store's edge would decide for this customer and act, with the engine the
 * edge runs, and why each campaign of the store was or was not chosen: caps, cooldowns
 * and budgets read the deliveries edges have reported.
 */
export function simulate({
  request,
  catalogue,
  timeZone,
  profile,
  facts,
  history,
}: SimulationInputs): SimulationResult {
  const at = Date.parse(request.at);
  const calendar = createZonedCalendar(timeZone);
  const index = buildCampaignIndex(catalogue);
  const decision = decide(engagementEventOf(request.event, request.storeId, at), {
    index,
    calendar,
    profile,
    facts,
    state: simulatedState(profile.id, history, index),
    explainAll: true,
  });
  const chosen = decision.verdicts
    .filter((verdict) => verdict.reason === 'chosen')
    .map((verdict) => ({
      campaignId: verdict.campaignId,
      deliveries: decision.deliveries
        .filter((delivery) => delivery.campaignId === verdict.campaignId)
        .map((delivery) => delivery.kind),
    }));
  return {
    customerId: request.customerId,
    storeId: request.storeId,
    at: new Date(at).toISOString(),
    localTime: wallClockText(calendar.at(at)),
    facts,
    chosen,
    verdicts: decision.verdicts.map(({ campaignId, name, priority, reason, detail }) => ({
      campaignId,
      name,
      priority,
      reason,
      ...(detail === undefined ? {} : { detail }),
    })),
  };
}
