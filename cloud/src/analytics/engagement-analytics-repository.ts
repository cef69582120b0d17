import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { stores } from '../db/schema.ts';
import { campaigns } from '../db/schema-engagement.ts';
import { eventInvitations, events as inStoreEvents } from '../db/schema-events.ts';
import type { EventAttendanceRow, OfferRow } from './analytics-schemas.ts';
import {
  attendanceKey,
  eventAttendanceRows,
  type InvitationCounts,
} from './domain/event-attendance.ts';
import { count, data, events, inScope, localDay, type ReportScope } from './report-sql.ts';

type CampaignScope = ReportScope & { campaignId?: string };

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Offers delivered, opened and redeemed, and in-store events' answers against their
 * attendance: the engagement side of the reports.
 */
export function createEngagementAnalytics(db: Database) {
  /** The events a campaign invites to, or null when the report is not about one campaign. */
  async function eventsOfCampaign(organisationId: string, campaignId: string | undefined) {
    if (campaignId === undefined) return null;
    const rows = await db
      .select({ definition: campaigns.definition })
      .from(campaigns)
      .where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, campaignId)));
    return rows.flatMap((row) =>
      row.definition.actions.flatMap((action) =>
        action.kind === 'event-invitation' ? [action.eventId] : [],
      ),
    );
  }

  return {
    async offers({ campaignId, ...scope }: CampaignScope): Promise<OfferRow[]> {
      const campaign = sql<string>`${data('campaignId')}`;
      const offer = sql<string>`${data('offerId')}`;
      const isDelivery = sql`${events.kind} = 'delivery'`;
      const conditions = [
        inScope(scope, ['delivery', 'offer-opened', 'offer-redemption']),
        // Of the deliveries, only offers sent to a phone.
        sql`(not ${isDelivery} or ${data('action')} = 'phone-offer')`,
        sql`${offer} is not null`,
      ];
      if (campaignId !== undefined) conditions.push(sql`${campaign} = ${campaignId}`);
      const rows = await db
        .select({
          day: localDay,
          storeId: events.storeId,
          campaignId: campaign,
          offerId: offer,
          delivered: count(sql`${isDelivery} and ${data('outcome')} = 'sent'`),
          opened: count(sql`${events.kind} = 'offer-opened'`),
          redeemed: count(sql`${events.kind} = 'offer-redemption'`),
        })
        .from(events)
        .innerJoin(stores, eq(stores.id, events.storeId))
        .where(and(...conditions))
        .groupBy(localDay, events.storeId, campaign, offer)
        .orderBy(asc(localDay), asc(events.storeId), asc(campaign), asc(offer));
      return rows.map((row) => ({
        ...row,
        openRate: rate(row.opened, row.delivered),
        redemptionRate: rate(row.redeemed, row.delivered),
      }));
    },

    async events({ campaignId, ...scope }: CampaignScope): Promise<EventAttendanceRow[]> {
      const invitedBy = await eventsOfCampaign(scope.organisationId, campaignId);
      if (invitedBy !== null && invitedBy.length === 0) return [];
      const conditions = [
        eq(inStoreEvents.organisationId, scope.organisationId),
        ne(inStoreEvents.status, 'draft'),
      ];
      if (invitedBy !== null) conditions.push(inArray(inStoreEvents.id, invitedBy));
      const found = await db
        .select({
          id: inStoreEvents.id,
          name: inStoreEvents.name,
          sessions: inStoreEvents.sessions,
        })
        .from(inStoreEvents)
        .where(and(...conditions));
      if (found.length === 0) return [];
      const ids = found.map((event) => event.id);
      const rsvp = (answer: string) => count(sql`${eventInvitations.rsvp} = ${answer}`);
      const invitationRows = await db
        .select({
          eventId: eventInvitations.eventId,
          storeId: eventInvitations.storeId,
          invited: count(),
          yes: rsvp('yes'),
          no: rsvp('no'),
          maybe: rsvp('maybe'),
          pending: rsvp('pending'),
          expected: sql<number>`(coalesce(sum(1 + ${eventInvitations.companions}) filter (where ${eventInvitations.rsvp} = 'yes'), 0))::int`,
        })
        .from(eventInvitations)
        .where(inArray(eventInvitations.eventId, ids))
        .groupBy(eventInvitations.eventId, eventInvitations.storeId);
      const eventId = sql<string>`${data('eventId')}`;
      const admissionRows = await db
        .select({ eventId, storeId: events.storeId, people: count() })
        .from(events)
        .where(and(eq(events.kind, 'ticket-admission'), inArray(eventId, ids)))
        .groupBy(eventId, events.storeId);
      const invitations = new Map<string, InvitationCounts>(
        invitationRows.map(({ eventId: id, storeId, ...counts }) => [
          attendanceKey(id, storeId),
          {
            invited: Number(counts.invited),
            yes: Number(counts.yes),
            no: Number(counts.no),
            maybe: Number(counts.maybe),
            pending: Number(counts.pending),
            expected: Number(counts.expected),
          },
        ]),
      );
      const admissions = new Map(
        admissionRows.map((row) => [attendanceKey(row.eventId, row.storeId), Number(row.people)]),
      );
      return eventAttendanceRows(found, {
        from: scope.from,
        to: scope.to,
        ...(scope.storeId === undefined ? {} : { storeId: scope.storeId }),
        invitations,
        admissions,
      });
    },
  };
}
