import { createHash } from 'node:crypto';
import { customerIdSchema, type IngestEvent } from '@vitrine/shared';
import type { PresenceEvent } from './presence-types.ts';

/**
 * The cloud's copy of a presence event: only a customer's (a consenting one: nobody else
 * is followed); a known device's stays at the edge. Keyed by what it says, so that the
 * same event reported twice is one fact.
 */
export function presenceIngestEvent(storeId: string, event: PresenceEvent): IngestEvent | null {
  const customer = customerIdSchema.safeParse(event.deviceId);
  if (!customer.success) return null;
  const zoneId = 'zoneId' in event ? event.zoneId : null;
  const durationMs =
    event.type === 'zone-dwell'
      ? event.dwellMs
      : event.type === 'zone-exit' || event.type === 'store-exit'
        ? event.stayedMs
        : null;
  const reason =
    event.type === 'zone-exit'
      ? event.reason
      : event.type === 'store-exit' && event.evicted
        ? 'evicted'
        : null;
  const digest = createHash('sha256')
    .update(
      `${storeId}|${event.type}|${event.deviceId}|${zoneId ?? ''}|${event.at}|${durationMs ?? ''}`,
    )
    .digest('hex')
    .slice(0, 40);
  return {
    key: `presence:${digest}`,
    kind: 'presence',
    store: storeId,
    occurredAt: new Date(event.at).toISOString(),
    data: {
      type: event.type,
      customerId: customer.data,
      zoneId,
      durationMs: durationMs === null ? null : Math.max(0, Math.round(durationMs)),
      reason,
    },
  };
}
