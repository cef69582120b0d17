import type { ClaimFact, IngestEvent } from '@vitrine/shared';

/**
 * What the cloud hears of an associate's act on an arrival. Keyed by the alert and the
 * claim's revision: the same act sent twice is one fact, and every act has a key of its own.
 */
export function claimFactEvent(fact: ClaimFact, storeId: string): IngestEvent {
  const { claim } = fact;
  const key = (kind: string) => `${kind}:${claim.alertId}-r${claim.revision}`;
  const about = { alertId: claim.alertId, customerId: claim.customerId };
  switch (fact.kind) {
    case 'acknowledged':
      return {
        // One first acknowledgement per alert: keyed by the alert alone.
        key: `alert-ack:${claim.alertId}`,
        kind: 'alert-ack',
        store: storeId,
        occurredAt: fact.act.at,
        data: { ...about, associateId: fact.act.associateId },
      };
    case 'claimed':
      return {
        key: key('arrival-claim'),
        kind: 'arrival-claim',
        store: storeId,
        occurredAt: fact.act.at,
        data: { ...about, associateId: fact.act.associateId, takenOverFrom: fact.takenOverFrom },
      };
    case 'released':
      return {
        key: key('arrival-release'),
        kind: 'arrival-release',
        store: storeId,
        occurredAt: fact.act.at,
        data: { ...about, associateId: fact.act.associateId },
      };
    case 'outcome':
      return {
        key: key('arrival-outcome'),
        kind: 'arrival-outcome',
        store: storeId,
        occurredAt: fact.recorded.at,
        data: {
          ...about,
          associateId: fact.recorded.associateId,
          outcome: fact.recorded.outcome,
          note: fact.recorded.note,
        },
      };
  }
}
