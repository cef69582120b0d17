import { createHash } from 'node:crypto';
import type { CampaignStatus, EngagementCatalogue } from '@vitrine/shared';
import type { OfferRepository } from '../offers/offer-repository.ts';
import type { ContentItemRepository } from '../screens/content-item-repository.ts';
import type { SegmentRepository } from '../segments/segment-repository.ts';
import type { CampaignRepository } from './campaign-repository.ts';

/**
 * The campaigns a store's edge receives. A paused campaign goes too: the edge then
 * explains it as inactive, and resuming it is one more version, like any edit. Drafts
 * are not decided yet and archived campaigns are over: neither leaves the cloud.
 */
export const LIVE_STATUSES: readonly CampaignStatus[] = ['active', 'paused'];

export interface StoreCatalogueSources {
  campaigns: Pick<CampaignRepository, 'targeting'>;
  segments: Pick<SegmentRepository, 'findMany'>;
  offers: Pick<OfferRepository, 'findMany'>;
  content: Pick<ContentItemRepository, 'findMany'>;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function distinctSorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/**
 * What one store decides with: the campaigns that target it in one of `statuses`, the
 * segments, offers and screen content items they name. Everything is ordered by id, so
 * that the same catalogue always serialises, and hashes, the same way.
 */
export async function buildStoreCatalogue(
  sources: StoreCatalogueSources,
  organisationId: string,
  storeId: string,
  statuses: readonly CampaignStatus[] = LIVE_STATUSES,
): Promise<EngagementCatalogue> {
  const rows = await sources.campaigns.targeting(organisationId, storeId, statuses);
  const campaigns = rows.map((row) => row.definition).sort(byId);
  const segmentIds = distinctSorted(
    campaigns.flatMap((c) => (c.audience.kind === 'segment' ? [c.audience.segmentId] : [])),
  );
  const offerIds = distinctSorted(rows.flatMap((row) => row.offerIds));
  const contentIds = distinctSorted(
    campaigns.flatMap((c) =>
      c.actions.flatMap((action) => (action.kind === 'screen-content' ? [action.contentId] : [])),
    ),
  );
  const [segmentRows, offerRows, content] = await Promise.all([
    sources.segments.findMany(organisationId, segmentIds),
    sources.offers.findMany(organisationId, offerIds),
    sources.content.findMany(organisationId, contentIds),
  ]);
  return {
    campaigns,
    segments: segmentRows
      .map(({ id, name, description, rule }) => ({ id, name, description, rule }))
      .sort(byId),
    offers: offerRows.map((row) => row.definition).sort(byId),
    content: [...content].sort(byId),
  };
}

/** A digest of the catalogue: the same content gives the same version, any change a new one. */
export function catalogueVersion(storeId: string, catalogue: EngagementCatalogue): string {
  return createHash('sha256')
    .update(JSON.stringify({ storeId, catalogue }))
    .digest('base64url')
    .slice(0, 22);
}
