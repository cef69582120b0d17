import type { TokenService } from '../auth/token-service.ts';
import type { Database } from '../db/database.ts';
import { createRouter } from '../http/router.ts';
import { createSegmentRepository } from '../segments/segment-repository.ts';
import { createSegmentRoutes } from '../segments/segment-routes.ts';
import type { StoreRepository } from '../stores/store-repository.ts';

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
  router.route('/', createSegmentRoutes({ segments, stores, tokens, now }));
  return router;
}
