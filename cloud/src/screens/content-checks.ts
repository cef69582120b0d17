import type { PlaylistDraft, ScreenContentDraft } from '@vitrine/shared';
import type { ProductRepository } from '../content-codes/product-repository.ts';
import { ValidationError } from '../errors/app-errors.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import type { ContentItemRepository } from './content-item-repository.ts';
import type { ScreenRepository } from './screen-repository.ts';

type FieldProblem = { path: string; message: string };

export interface ContentChecks {
  /** 400 naming `product.sku` for a product card of a SKU the catalogue lacks. */
  checkItem(organisationId: string, draft: ScreenContentDraft): Promise<void>;
  /** 400 naming every reference that does not hold: store, zone, screen, items. */
  checkPlaylist(organisationId: string, draft: PlaylistDraft): Promise<void>;
}

export interface ContentChecksOptions {
  products: Pick<ProductRepository, 'findCard'>;
  stores: Pick<StoreRepository, 'findStore'>;
  screens: Pick<ScreenRepository, 'find'>;
  items: Pick<ContentItemRepository, 'findMany'>;
}

/** What the schemas cannot see: that what a draft names exists in the organisation. */
export function createContentChecks({
  products,
  stores,
  screens,
  items,
}: ContentChecksOptions): ContentChecks {
  async function targetProblems(organisationId: string, draft: PlaylistDraft) {
    const store = await stores.findStore(organisationId, draft.storeId);
    if (store === null) return [{ path: 'storeId', message: `no store ${draft.storeId}` }];
    const { target } = draft;
    if (target.kind === 'zone') {
      return store.zones.some((zone) => zone.id === target.zoneId)
        ? []
        : [{ path: 'target.zoneId', message: `${target.zoneId} is not a zone of ${store.id}` }];
    }
    const screen = await screens.find(store.id, target.screenId);
    if (screen === null || screen.status === 'retired') {
      return [
        {
          path: 'target.screenId',
          message: `${target.screenId} is not an active screen of ${store.id}`,
        },
      ];
    }
    return [];
  }

  return {
    async checkItem(organisationId, draft) {
      if (draft.kind !== 'product-card') return;
      if ((await products.findCard(organisationId, draft.product.sku)) === null) {
        throw new ValidationError([
          { path: 'product.sku', message: `the catalogue has no product ${draft.product.sku}` },
        ]);
      }
    },
    async checkPlaylist(organisationId, draft) {
      const problems: FieldProblem[] = await targetProblems(organisationId, draft);
      const ids = draft.entries.map((entry) => entry.contentId);
      const known = new Set((await items.findMany(organisationId, ids)).map((item) => item.id));
      draft.entries.forEach((entry, index) => {
        if (!known.has(entry.contentId)) {
          problems.push({
            path: `entries.${index}.contentId`,
            message: `no content item ${entry.contentId}`,
          });
        }
      });
      if (problems.length > 0) throw new ValidationError(problems);
    },
  };
}
