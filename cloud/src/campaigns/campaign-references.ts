import type { CampaignWrite, Store } from '@vitrine/shared';
import type { OfferRepository } from '../offers/offer-repository.ts';
import type { SegmentRepository } from '../segments/segment-repository.ts';

interface FieldProblem {
  path: string;
  message: string;
}

export interface CampaignReferenceLookups {
  segments: Pick<SegmentRepository, 'find'>;
  offers: Pick<OfferRepository, 'findMany'>;
  /** The organisation's stores with their zones. */
  stores: readonly Store[];
}

/**
 * What a campaign names must exist in the organisation: its segment and offers (not
 * archived), its stores, and zones of those stores. An active campaign cannot deliver an
 * offer that has already ended. Each problem names the field at fault.
 */
export async function campaignReferenceProblems(
  organisationId: string,
  campaign: CampaignWrite,
  { segments, offers, stores }: CampaignReferenceLookups,
  now: Date,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (campaign.audience.kind === 'segment') {
    const { segmentId } = campaign.audience;
    const segment = await segments.find(organisationId, segmentId);
    if (segment === null) {
      problems.push({ path: 'audience.segmentId', message: `no segment ${segmentId}` });
    } else if (segment.archivedAt !== null) {
      problems.push({ path: 'audience.segmentId', message: `${segmentId} is archived` });
    }
  }

  const byId = new Map(stores.map((store) => [store.id, store]));
  const { targets } = campaign;
  if (targets.stores !== 'all') {
    targets.stores.forEach((storeId, index) => {
      if (!byId.has(storeId)) {
        problems.push({ path: `targets.stores.${index}`, message: `no store ${storeId}` });
      }
    });
  }
  const targeted =
    targets.stores === 'all'
      ? stores
      : targets.stores.flatMap((storeId) => byId.get(storeId) ?? []);
  const zoneIds = new Set(targeted.flatMap((store) => store.zones.map((zone) => zone.id)));
  const zoneProblem = (zoneId: string, path: string) => {
    if (!zoneIds.has(zoneId)) {
      problems.push({ path, message: `no zone ${zoneId} in the stores the campaign targets` });
    }
  };
  if (targets.zones !== 'all') {
    targets.zones.forEach((zoneId, index) => {
      zoneProblem(zoneId, `targets.zones.${index}`);
    });
  }

  const offerIds = campaign.actions.flatMap((action) =>
    action.kind === 'phone-offer' ? [action.offerId] : [],
  );
  const found = new Map(
    (await offers.findMany(organisationId, offerIds)).map((row) => [row.id, row]),
  );
  campaign.actions.forEach((action, index) => {
    if (action.kind === 'screen-content' && action.zoneId !== null) {
      zoneProblem(action.zoneId, `actions.${index}.zoneId`);
    }
    if (action.kind !== 'phone-offer') return;
    const path = `actions.${index}.offerId`;
    const offer = found.get(action.offerId);
    if (offer === undefined) problems.push({ path, message: `no offer ${action.offerId}` });
    else if (offer.archivedAt !== null) {
      problems.push({ path, message: `${action.offerId} is archived` });
    } else if (campaign.status === 'active' && offer.validUntil <= now) {
      problems.push({
        path,
        message: `${action.offerId} ended at ${offer.validUntil.toISOString()}: an active campaign cannot deliver it`,
      });
    }
  });
  return problems;
}
