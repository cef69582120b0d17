import { customerOfIngestEvent, type IngestEvent } from '@vitrine/shared';

/**
 * The fields of a reported event that say who: the customer, and the phone they used.
 * Migration 0005 applies the same rule to events stored before it, in SQL.
 */
export const PERSONAL_FIELDS = ['customerId', 'clientId'] as const;

/** The customer a reported event is about; null for one about no one (a screen's play). */
export function customerOfEvent(event: IngestEvent): string | null {
  return customerOfIngestEvent(event);
}

/**
 * What is kept of an event about no current customer (one erased, or never known): the
 * fact that something happened in the store, never who it was.
 */
export function anonymise(data: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = { ...data };
  for (const field of PERSONAL_FIELDS) delete kept[field];
  return { ...kept, erased: true };
}
