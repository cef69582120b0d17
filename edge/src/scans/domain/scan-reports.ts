import type { IngestEvent } from '@vitrine/shared';

export interface ContentScanFact {
  storeId: string;
  messageId: string;
  occurredAt: string;
  customerId: string;
  clientId: string;
  kind: 'product' | 'screen';
  sku: string | null;
  screenId: string | null;
}

/** A content code answered; keyed by the scan's message, so a redelivery is one fact. */
export function contentScanEvent(fact: ContentScanFact): IngestEvent {
  const { storeId, occurredAt, ...data } = fact;
  return {
    key: `content-scan:${fact.messageId}`,
    kind: 'content-scan',
    store: storeId,
    occurredAt,
    data,
  };
}

export interface TicketAdmissionFact {
  storeId: string;
  occurredAt: string;
  ticketId: string;
  eventId: string;
  customerId: string;
  admission: number;
  admits: number;
  messageId: string;
  clientId: string;
  via: 'associate-scan' | 'kiosk';
}

/** One admission; keyed by ticket and admission number: the n-th person is one fact. */
export function ticketAdmissionEvent(fact: TicketAdmissionFact): IngestEvent {
  const { storeId, occurredAt, ...data } = fact;
  return {
    key: `ticket-admission:${fact.ticketId}-${fact.admission}`,
    kind: 'ticket-admission',
    store: storeId,
    occurredAt,
    data,
  };
}
