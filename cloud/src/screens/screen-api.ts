import type { TokenService } from '../auth/token-service.ts';
import { createProductRepository } from '../content-codes/product-repository.ts';
import type { Database } from '../db/database.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import { createContentChecks } from './content-checks.ts';
import { createContentItemRepository } from './content-item-repository.ts';
import { createContentItemRoutes } from './content-item-routes.ts';
import { createPlaylistRepository } from './playlist-repository.ts';
import { createPlaylistRoutes } from './playlist-routes.ts';
import { createScreenLayoutRoutes } from './screen-layout-routes.ts';
import { createScreenRegistry } from './screen-registry.ts';
import { createScreenRepository } from './screen-repository.ts';
import { createScreenRoutes } from './screen-routes.ts';
import { createScreenScheduleRoutes } from './screen-schedule-routes.ts';
import { createStoreContent } from './store-content.ts';

export interface ScreenApiOptions {
  db: Database;
  stores: StoreRepository;
  tokens: TokenService;
  now: () => Date;
}

/** Screens, their content and schedules: the registry other features check against, and the routers. */
export function createScreenApi({ db, stores, tokens, now }: ScreenApiOptions) {
  const screens = createScreenRepository(db);
  const registry = createScreenRegistry(stores, screens);
  const items = createContentItemRepository(db);
  const playlists = createPlaylistRepository(db);
  const checks = createContentChecks({
    products: createProductRepository(db),
    stores,
    screens,
    items,
  });
  const content = createStoreContent({ registry, screens, playlists, items });
  return {
    registry,
    routers: [
      createScreenRoutes({ screens, registry, tokens, now }),
      createScreenLayoutRoutes({ screens, registry, tokens, now }),
      createContentItemRoutes({ items, checks, tokens, now }),
      createPlaylistRoutes({ playlists, checks, tokens, now }),
      createScreenScheduleRoutes({ content, tokens }),
    ],
  };
}
