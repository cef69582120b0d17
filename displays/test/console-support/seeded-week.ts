import type { IngestEvent } from '@vitrine/shared';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ZONES = ['floor', 'lounge', 'fitting'] as const;

/**
 * A week of a store's activity as its edge reports it: every day, more check-ins than
 * the day before, each customer entering zones and staying, and alerts acknowledged after
 * a delay that shrinks over the week, coffee offers sent to phones, opened and redeemed. Made at midday UTC, so each lands on its own local
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
      // Every other visit is offered a coffee on the phone; some open it, fewer redeem it.
      if (visit % 2 === 0) {
        const offer = {
          deliveryId: `${id}-0`,
          offerId: 'off_week-coffee',
          campaignId: 'cmp_week-coffee',
        };
        events.push({
          ...common,
          key: `delivery:${id}-0`,
          kind: 'delivery',
          occurredAt: at(2_000),
          data: {
            decisionId: id,
            campaignId: offer.campaignId,
            customerId,
            action: 'phone-offer',
            trigger: 'check-in',
            zoneId: null,
            offerId: offer.offerId,
            contentId: null,
            outcome: 'sent',
          },
        });
        if (visit % 4 === 0) {
          events.push({
            ...common,
            key: `offer-opened:${id}-0`,
            kind: 'offer-opened',
            occurredAt: at(60_000),
            data: { ...offer, customerId, clientId: `app-${id}`, messageId: `msg_${id}o` },
          });
        }
        if (visit % 8 === 0) {
          events.push({
            ...common,
            key: `offer-redemption:${id}-0`,
            kind: 'offer-redemption',
            occurredAt: at(600_000),
            data: { ...offer, customerId, associateId: 'asc_camille', method: 'associate-scan' },
          });
        }
      }
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

/** Customers invited to the week's event: two say yes (one bringing a guest), one no. */
export const WEEK_EVENT_GUESTS = ['cus_000001', 'cus_000002', 'cus_000003', 'cus_000004'];

/** The week's event, at 19:00 store time two days before `now`. */
export function weekEventWrite(storeId: string, now: Date) {
  const day = new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 10);
  return {
    name: 'Week launch evening',
    kind: 'launch',
    storeIds: [storeId],
    startsAt: `${day}T19:00`,
    endsAt: `${day}T21:00`,
    capacity: 20,
  };
}

/** One person through the door on a ticket, as the store's edge reports it. */
export function admissionEvent(
  storeId: string,
  {
    ticketId,
    eventId,
    customerId,
    admission,
    at,
  }: { ticketId: string; eventId: string; customerId: string; admission: number; at: string },
): IngestEvent {
  const messageId = `msg_week-door-${ticketId.slice(4, 16)}-${admission}`;
  return {
    key: `ticket-admission:${messageId}`,
    kind: 'ticket-admission',
    store: storeId,
    occurredAt: at,
    data: {
      ticketId,
      eventId,
      customerId,
      admission,
      admits: 2,
      messageId,
      clientId: 'door-tablet',
      via: 'associate-scan',
    },
  };
}
