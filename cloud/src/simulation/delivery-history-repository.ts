import { and, eq, inArray, lt, min, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { stores } from '../db/schema.ts';
import { ingestedEvents } from '../db/schema-ingest.ts';

/** One campaign delivered to the customer by one decision of an edge. */
export interface PastDelivery {
  campaignId: string;
  /** Epoch milliseconds of the decision. */
  at: number;
}

export interface DeliveryHistoryRepository {
  /** The customer's deliveries reported before `before`, oldest first. */
  deliveriesTo(organisationId: string, customerId: string, before: Date): Promise<PastDelivery[]>;
  /** Deliveries of each campaign across the organisation reported before `before`. */
  budgetCounts(
    organisationId: string,
    campaignIds: readonly string[],
    before: Date,
  ): Promise<Record<string, number>>;
  /** Redemptions of each offer across the organisation reported before `before`. */
  redemptionCounts(
    organisationId: string,
    offerIds: readonly string[],
    before: Date,
  ): Promise<Record<string, number>>;
}

const decisionId = sql<string>`${ingestedEvents.payload}->>'decisionId'`;
const campaignId = sql<string>`${ingestedEvents.payload}->>'campaignId'`;

/**
 * What edges reported delivering, from their `delivery` facts: a decision reports one
 * fact per action, so a campaign counts once per decision, as the edge's caps count it.
 */
export function createDeliveryHistoryRepository(db: Database): DeliveryHistoryRepository {
  const ofOrganisation = (organisationId: string, before: Date, kind = 'delivery'): SQL[] => [
    eq(ingestedEvents.kind, kind),
    lt(ingestedEvents.occurredAt, before),
    inArray(
      ingestedEvents.storeId,
      db.select({ id: stores.id }).from(stores).where(eq(stores.organisationId, organisationId)),
    ),
  ];
  return {
    async deliveriesTo(organisationId, customerId, before) {
      const at = min(ingestedEvents.occurredAt);
      const rows = await db
        .select({ campaignId, at })
        .from(ingestedEvents)
        .where(
          and(...ofOrganisation(organisationId, before), eq(ingestedEvents.customerId, customerId)),
        )
        .groupBy(decisionId, campaignId)
        .orderBy(at);
      return rows.flatMap((row) =>
        row.at === null ? [] : [{ campaignId: row.campaignId, at: row.at.getTime() }],
      );
    },
    async budgetCounts(organisationId, campaignIds, before) {
      if (campaignIds.length === 0) return {};
      const rows = await db
        .select({
          campaignId,
          count: sql<number>`count(distinct ${decisionId})`.mapWith(Number),
        })
        .from(ingestedEvents)
        .where(
          and(...ofOrganisation(organisationId, before), inArray(campaignId, [...campaignIds])),
        )
        .groupBy(campaignId);
      return Object.fromEntries(rows.map((row) => [row.campaignId, row.count]));
    },
    async redemptionCounts(organisationId, offerIds, before) {
      if (offerIds.length === 0) return {};
      const offerId = sql<string>`${ingestedEvents.payload}->>'offerId'`;
      const rows = await db
        .select({ offerId, count: sql<number>`count(*)`.mapWith(Number) })
        .from(ingestedEvents)
        .where(
          and(
            ...ofOrganisation(organisationId, before, 'offer-redemption'),
            inArray(offerId, [...offerIds]),
          ),
        )
        .groupBy(offerId);
      return Object.fromEntries(rows.map((row) => [row.offerId, row.count]));
    },
  };
}
