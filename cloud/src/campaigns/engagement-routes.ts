import type { TokenService } from '../auth/token-service.ts';
import type { Database } from '../db/database.ts';
import { createRouter } from '../http/router.ts';
import { createOfferRepository } from '../offers/offer-repository.ts';
import { createOfferRoutes } from '../offers/offer-routes.ts';
import { createSegmentRepository } from '../segments/segment-repository.ts';
import { createSegmentRoutes } from '../segments/segment-routes.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import { createCampaignRepository } from './campaign-repository.ts';
import { createCampaignRoutes } from './campaign-routes.ts';

export interface EngagementRoutesOptions {
  db: Database;
  stores: StoreRepository;
  tokens: TokenService;
  now: () => Date;
}

/** The marketer's engagement API and the edges' engagement feed, mounted together. */
export function createEngagementRoutes({ db, stores, tokens, now }: EngagementRoutesOptions) {
  const router = createRouter();
  const segments = createSegmentRepository(db);
  const offers = createOfferRepository(db);
  router.route('/', createSegmentRoutes({ segments, stores, tokens, now }));
  router.route('/', createOfferRoutes({ offers, tokens, now }));
  const campaigns = createCampaignRepository(db);
  const lookups = { segments, offers };
  router.route('/', createCampaignRoutes({ campaigns, lookups, stores, tokens, now }));
  return router;
}
