import { type EngagementFeed, engagementFeedSchema } from '@vitrine/shared';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { createRouter } from '../http/router.ts';
import { answerVersioned, storeFeedRoute } from '../http/versioned-feed.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import {
  buildStoreCatalogue,
  catalogueVersion,
  type StoreCatalogueSources,
} from './store-catalogue.ts';

export interface EngagementFeedRoutesOptions {
  sources: StoreCatalogueSources;
  stores: Pick<StoreRepository, 'findStore'>;
  tokens: TokenService;
}

/**
 * The store's engagement catalogue for its edge, versioned by its content: an edge that
 * sends back the version it holds gets a 304 and keeps deciding with what it has.
 */
export function createEngagementFeedRoutes({
  sources,
  stores,
  tokens,
}: EngagementFeedRoutesOptions) {
  const router = createRouter();
  const feedRoute = storeFeedRoute({
    name: 'engagement',
    summary:
      'The live campaigns that target the store, with their segments, offers and screen content, for its edge',
    description: 'The engagement feed',
    schema: engagementFeedSchema,
    tokens,
  });

  router.openapi(feedRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const organisationId = c.get('claims').org;
    if ((await stores.findStore(organisationId, storeId)) === null) {
      throw new NotFoundError(`no store ${storeId}`);
    }
    const catalogue = await buildStoreCatalogue(sources, organisationId, storeId);
    const feed: EngagementFeed = {
      storeId,
      version: catalogueVersion(storeId, catalogue),
      catalogue,
    };
    return answerVersioned(c, feed);
  });

  return router;
}
