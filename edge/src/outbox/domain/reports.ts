import type { ArrivalAlert, IngestEvent } from '@vitrine/shared';

export interface CheckInFact {
  storeId: string;
  messageId: string;
  occurredAt: string;
  customerId: string;
  method: string;
  clientId: string;
  /** Verified after its proof's time: held by the broker while the edge was down. */
  late?: boolean;
}

/** The visit fact of an accepted check-in; keyed by its message, so a redelivery is one fact. */
export function checkInEvent(fact: CheckInFact): IngestEvent {
  return {
    key: `check-in:${fact.messageId}`,
    kind: 'check-in',
    store: fact.storeId,
    occurredAt: fact.occurredAt,
    data: {
      messageId: fact.messageId,
      customerId: fact.customerId,
      method: fact.method,
      clientId: fact.clientId,
      ...(fact.late ? { late: true } : {}),
    },
  };
}

/**
 * An alert pushed, without the profile it carried (the cloud holds that already). Keyed by
 * the message that caused it: one source message makes one alert, whatever its random id.
 */
export function alertEvent(alert: ArrivalAlert, pushedAt: string): IngestEvent {
  return {
    key: `alert:${alert.sourceMessageId}`,
    kind: 'alert',
    store: alert.storeId,
    occurredAt: pushedAt,
    data: {
      alertId: alert.alertId,
      customerId: alert.customerId,
      source: alert.source,
      sourceMessageId: alert.sourceMessageId,
      zoneId: alert.zoneId,
      degraded: alert.degraded,
      freshness: alert.freshness,
    },
  };
}
