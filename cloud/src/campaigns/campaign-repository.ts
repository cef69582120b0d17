import type { Campaign, CampaignStatus, TriggerKind } from '@vitrine/shared';
import { and, arrayContains, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { campaigns } from '../db/schema-engagement.ts';
import { type NamePageQuery, namePageFilters } from './name-page.ts';

export type StoredCampaignRow = typeof campaigns.$inferSelect;

export interface CampaignListQuery extends NamePageQuery {
  status?: CampaignStatus | undefined;
  /** Campaigns that target this store, by name or as one of all stores. */
  storeId?: string | undefined;
  triggerKind?: TriggerKind | undefined;
  segmentId?: string | undefined;
  offerId?: string | undefined;
}

export interface CampaignRepository {
  insert(organisationId: string, campaign: Campaign, at: Date): Promise<StoredCampaignRow>;
  find(organisationId: string, id: string): Promise<StoredCampaignRow | null>;
  /** Rows fetched with one more than `limit`, for `pageOf`. */
  list(organisationId: string, query: CampaignListQuery): Promise<StoredCampaignRow[]>;
  /** Written only over `previousVersion`: null when someone else edited it meanwhile. */
  update(
    organisationId: string,
    campaign: Campaign,
    previousVersion: number,
    at: Date,
  ): Promise<StoredCampaignRow | null>;
  /** Campaigns targeting the store (by name or as all stores) in one of the statuses. */
  targeting(
    organisationId: string,
    storeId: string,
    statuses: readonly CampaignStatus[],
  ): Promise<StoredCampaignRow[]>;
}

function columnsOf(campaign: Campaign) {
  return {
    name: campaign.name,
    status: campaign.status,
    triggerKind: campaign.trigger.kind,
    storeIds: campaign.targets.stores === 'all' ? null : campaign.targets.stores,
    segmentId: campaign.audience.kind === 'segment' ? campaign.audience.segmentId : null,
    offerIds: campaign.actions.flatMap((action) =>
      action.kind === 'phone-offer' ? [action.offerId] : [],
    ),
    priority: campaign.priority,
    definition: campaign,
    version: campaign.version,
  };
}

function targetingStore(storeId: string): SQL | undefined {
  return or(isNull(campaigns.storeIds), arrayContains(campaigns.storeIds, [storeId]));
}

export function createCampaignRepository(db: Database): CampaignRepository {
  const byId = (organisationId: string, id: string) =>
    and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, id));
  return {
    async insert(organisationId, campaign, at) {
      const [row] = await db
        .insert(campaigns)
        .values({
          id: campaign.id,
          organisationId,
          ...columnsOf(campaign),
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (row === undefined) throw new Error(`campaign ${campaign.id} was not written`);
      return row;
    },
    async find(organisationId, id) {
      const [row] = await db.select().from(campaigns).where(byId(organisationId, id));
      return row ?? null;
    },
    async list(organisationId, query) {
      const filters: (SQL | undefined)[] = [
        eq(campaigns.organisationId, organisationId),
        ...namePageFilters(campaigns, query),
      ];
      if (query.status !== undefined) filters.push(eq(campaigns.status, query.status));
      if (query.storeId !== undefined) filters.push(targetingStore(query.storeId));
      if (query.triggerKind !== undefined) {
        filters.push(eq(campaigns.triggerKind, query.triggerKind));
      }
      if (query.segmentId !== undefined) filters.push(eq(campaigns.segmentId, query.segmentId));
      if (query.offerId !== undefined) {
        filters.push(arrayContains(campaigns.offerIds, [query.offerId]));
      }
      return db
        .select()
        .from(campaigns)
        .where(and(...filters))
        .orderBy(asc(campaigns.name), asc(campaigns.id))
        .limit(query.limit + 1);
    },
    async update(organisationId, campaign, previousVersion, at) {
      const [row] = await db
        .update(campaigns)
        .set({ ...columnsOf(campaign), updatedAt: at })
        .where(and(byId(organisationId, campaign.id), eq(campaigns.version, previousVersion)))
        .returning();
      return row ?? null;
    },
    async targeting(organisationId, storeId, statuses) {
      if (statuses.length === 0) return [];
      return db
        .select()
        .from(campaigns)
        .where(
          and(
            eq(campaigns.organisationId, organisationId),
            targetingStore(storeId),
            inArray(campaigns.status, [...statuses]),
          ),
        )
        .orderBy(asc(campaigns.id));
    },
  };
}
