import type { TokenService } from '../auth/token-service.ts';
import type { CustomerRepository } from '../customers/customer-repository.ts';
import type { Database } from '../db/database.ts';
import { createRouter } from '../http/router.ts';
import { createOfferRepository } from '../offers/offer-repository.ts';
import { createOfferRoutes } from '../offers/offer-routes.ts';
import { createContentItemRepository } from '../screens/content-item-repository.ts';
import { createSegmentRepository } from '../segments/segment-repository.ts';
import { createSegmentRoutes } from '../segments/segment-routes.ts';
import { createCustomerFactsRepository } from '../simulation/customer-facts-repository.ts';
import { createDeliveryHistoryRepository } from '../simulation/delivery-history-repository.ts';
import { createSimulationRoutes } from '../simulation/simulation-routes.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import { createCampaignRepository } from './campaign-repository.ts';
import { createCampaignRoutes } from './campaign-routes.ts';
import { createEngagementFeedRoutes } from './engagement-feed-routes.ts';

export interface EngagementRoutesOptions {
  db: Database;
  stores: StoreRepository;
  customers: Pick<CustomerRepository, 'findProfile'>;
  tokens: TokenService;
  now: () => Date;
}

/**
 * The marketer's engagement API, its simulation, and the edges' engagement feed, mounted
 * together over the same repositories.
 */
export function createEngagementRoutes({
  db,
  stores,
  customers,
  tokens,
  now,
}: EngagementRoutesOptions) {
  const router = createRouter();
  const segments = createSegmentRepository(db);
  const offers = createOfferRepository(db);
  router.route('/', createSegmentRoutes({ segments, stores, tokens, now }));
  router.route('/', createOfferRoutes({ offers, tokens, now }));
  const campaigns = createCampaignRepository(db);
  const lookups = { segments, offers };
  router.route('/', createCampaignRoutes({ campaigns, lookups, stores, tokens, now }));
  const sources = { campaigns, segments, offers, content: createContentItemRepository(db) };
  const deliveries = createDeliveryHistoryRepository(db);
  router.route('/', createEngagementFeedRoutes({ sources, stores, deliveries, tokens, now }));
  const simulation = createSimulationRoutes({
    sources,
    stores,
    customers,
    facts: createCustomerFactsRepository(db),
    deliveries,
    tokens,
  });
  router.route('/', simulation);
  return router;
}
