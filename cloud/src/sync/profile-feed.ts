import type { CustomerProfile, ProfileSyncItem, ProfileSyncPage } from '@vitrine/shared';
import { formatWatermark, parseWatermark } from './domain/watermark.ts';
import type {
  ProfileFeedRepository,
  SelectedProfile,
  StoreSelection,
} from './profile-feed-repository.ts';

export interface ReadProfileFeedOptions {
  selection: StoreSelection;
  watermark: string;
  limit: number;
  /** What the caller may see of a profile (consent rules of in-store roles). */
  view: (profile: CustomerProfile) => CustomerProfile;
}

/**
 * One page of a store's feed. From `0`: the selection as it is now, paged by customer id,
 * ending on the feed position taken before the first page (changes made while the edge
 * pages are read again as deltas: applying a profile twice is harmless). From a position:
 * the changes since: upserts of selected customers, a removal for each changed customer
 * outside the selection (the edge may hold them from before the change), every erasure.
 * Each upsert says when its customer leaves the selection absent change, so that the
 * edge lets a visitor go when their last visit ages out, without a new snapshot.
 */
export async function readProfileFeed(
  feed: ProfileFeedRepository,
  { selection, watermark, limit, view }: ReadProfileFeedOptions,
): Promise<ProfileSyncPage> {
  const upsert = ({ profile, heldUntil }: SelectedProfile): ProfileSyncItem => ({
    kind: 'upsert',
    profile: view(profile),
    heldUntil: heldUntil?.toISOString() ?? null,
  });
  const position = parseWatermark(watermark);
  if (position.phase === 'snapshot') {
    const sequence =
      position.sequence === 0
        ? await feed.nextSequence(selection.organisationId)
        : position.sequence;
    const page = await feed.selectionPage(selection, { after: position.after, limit });
    return {
      items: page.items.map(upsert),
      watermark: formatWatermark({
        phase: 'snapshot',
        sequence,
        after: page.more ? page.last : null,
      }),
      more: page.more,
    };
  }

  const changes = await feed.changesFrom(selection.organisationId, {
    from: position.sequence,
    limit,
  });
  const last = changes.at(-1);
  if (last === undefined) return { items: [], watermark: watermark, more: false };

  // The last change of each customer in the page decides: an erasure after an update wins.
  const latest = new Map<string, 'upsert' | 'erase'>();
  for (const change of changes) {
    latest.delete(change.customerId);
    latest.set(change.customerId, change.kind);
  }
  const upserted = [...latest].filter(([, kind]) => kind === 'upsert').map(([id]) => id);
  const selected = new Map(
    (await feed.selectedProfiles(selection, upserted)).map((item) => [item.profile.id, item]),
  );
  const items: ProfileSyncItem[] = [];
  for (const [customerId, kind] of latest) {
    if (kind === 'erase') {
      items.push({ kind: 'erase', customerId });
      continue;
    }
    const item = selected.get(customerId);
    items.push(item === undefined ? { kind: 'remove', customerId } : upsert(item));
  }
  return {
    items,
    watermark: formatWatermark({ phase: 'delta', sequence: last.seq + 1 }),
    more: changes.length === limit,
  };
}
