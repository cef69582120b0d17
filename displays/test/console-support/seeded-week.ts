import type { IngestEvent } from '@vitrine/shared';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ZONES = ['floor', 'lounge', 'fitting'] as const;

/**
 * A week of a store's activity as its edge reports it: every day, more check-ins than
 * the day before, each customer entering zones and staying, and alerts acknowledged after
 * a delay that shrinks over the week. Made at midday UTC, so each lands on its own local
 * day in any store from UTC-11 to UTC+11.
 */
export function weekOfStoreEvents(storeId: string, now: Date): IngestEvent[] {
  const slug = storeId.replace(/^sto_/, '');
  const events: IngestEvent[] = [];
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12);
  for (let daysAgo = 6; daysAgo >= 0; daysAgo -= 1) {
    const visits = 10 - daysAgo;
    for (let visit = 0; visit < visits; visit += 1) {
      const id = `d${daysAgo}v${visit}`;
      const customerId = `cus_${String((visit % 20) + 1).padStart(6, '0')}`;
      const start = base - daysAgo * DAY_MS + visit * 60_000;
      const at = (offsetMs: number) => new Date(start + offsetMs).toISOString();
      const zone = `zon_${slug}-${ZONES[visit % ZONES.length]}`;
      const dwellMs = (5 + ((visit * 7) % 20)) * 60_000;
      const common = { store: storeId };
      events.push(
        {
          ...common,
          key: `check-in:${id}`,
          kind: 'check-in',
          occurredAt: at(0),
          data: { messageId: `msg_${id}`, customerId, method: 'app', clientId: `app-${id}` },
        },
        {
          ...common,
          key: `presence:${id}-in`,
          kind: 'presence',
          occurredAt: at(30_000),
          data: { type: 'zone-enter', customerId, zoneId: zone, durationMs: null, reason: null },
        },
        {
          ...common,
          key: `presence:${id}-out`,
          kind: 'presence',
          occurredAt: at(30_000 + dwellMs),
          data: {
            type: 'zone-exit',
            customerId,
            zoneId: zone,
            durationMs: dwellMs,
            reason: 'moved',
          },
        },
        {
          ...common,
          key: `alert:${id}`,
          kind: 'alert',
          occurredAt: at(1_000),
          data: {
            alertId: `alr_${id}`,
            customerId,
            source: 'check-in',
            sourceMessageId: `msg_${id}`,
            zoneId: null,
            degraded: false,
            freshness: 'fresh',
          },
        },
      );
      if (visit % 4 !== 3) {
        events.push({
          ...common,
          key: `alert-ack:${id}`,
          kind: 'alert-ack',
          occurredAt: at(1_000 + (daysAgo + 1) * 10_000),
          data: { alertId: `alr_${id}`, customerId, associateId: 'asc_camille' },
        });
      }
    }
  }
  return events;
}
