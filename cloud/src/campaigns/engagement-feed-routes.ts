import { budgetCountsSchema, type EngagementFeed, engagementFeedSchema } from '@vitrine/shared';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { createRouter } from '../http/router.ts';
import { answerVersioned, storeFeedRoute } from '../http/versioned-feed.ts';
import type { DeliveryHistoryRepository } from '../simulation/delivery-history-repository.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import {
  buildStoreCatalogue,
  catalogueVersion,
  LIVE_STATUSES,
  type StoreCatalogueSources,
} from './store-catalogue.ts';

export interface EngagementFeedRoutesOptions {
  sources: StoreCatalogueSources;
  stores: Pick<StoreRepository, 'findStore'>;
  deliveries: Pick<DeliveryHistoryRepository, 'budgetCounts' | 'redemptionCounts'>;
  tokens: TokenService;
  now: () => Date;
}

/**
 * The store's engagement catalogue for its edge, versioned by its content: an edge that
 * sends back the version it holds gets a 304 and keeps deciding with what it has.
 */
export function createEngagementFeedRoutes({
  sources,
  stores,
  deliveries,
  tokens,
  now,
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

  const budgetsRoute = storeFeedRoute({
    name: 'budgets',
    summary:
      'Deliveries so far of each budgeted campaign that targets the store, across the organisation',
    description: 'The budget counts',
    schema: budgetCountsSchema,
    tokens,
  });

  async function storeOf(organisationId: string, storeId: string): Promise<void> {
    if ((await stores.findStore(organisationId, storeId)) === null) {
      throw new NotFoundError(`no store ${storeId}`);
    }
  }

  router.openapi(feedRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const organisationId = c.get('claims').org;
    await storeOf(organisationId, storeId);
    const catalogue = await buildStoreCatalogue(sources, organisationId, storeId);
    const feed: EngagementFeed = {
      storeId,
      version: catalogueVersion(storeId, catalogue),
      catalogue,
    };
    return answerVersioned(c, feed);
  });

  router.openapi(budgetsRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const organisationId = c.get('claims').org;
    await storeOf(organisationId, storeId);
    const at = now();
    const rows = await sources.campaigns.targeting(organisationId, storeId, LIVE_STATUSES);
    const budgeted = rows
      .filter((row) => row.definition.budget.maxDeliveries !== null)
      .map((row) => row.id);
    const offerIds = [...new Set(rows.flatMap((row) => row.offerIds))];
    const limited = (await sources.offers.findMany(organisationId, offerIds))
      .filter((offer) => offer.definition.redemptionLimit.total !== null)
      .map((offer) => offer.id);
    const [spent, redeemed] = await Promise.all([
      deliveries.budgetCounts(organisationId, budgeted, at),
      deliveries.redemptionCounts(organisationId, limited, at),
    ]);
    c.header('cache-control', 'private, no-cache');
    return c.json({ storeId, at: at.toISOString(), spent, redeemed }, 200);
  });

  return router;
}
