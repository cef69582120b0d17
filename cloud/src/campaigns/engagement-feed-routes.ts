import { createRoute, z } from '@hono/zod-openapi';
import { type EngagementFeed, engagementFeedSchema, storeIdSchema } from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
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

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

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
  const feedRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/sync/engagement',
    tags: ['sync'],
    summary:
      'The live campaigns that target the store, with their segments, offers and screen content, for its edge; `If-None-Match` with the version answers 304',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('edge', 'admin'), sameStoreOnly()] as const,
    request: { params: z.object({ storeId: storeIdSchema }) },
    responses: {
      200: { description: 'The engagement feed', content: json(engagementFeedSchema) },
      304: { description: 'Unchanged since the version the edge holds' },
      ...problemResponses,
    },
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
    const etag = `"${feed.version}"`;
    c.header('etag', etag);
    c.header('cache-control', 'private, no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(feed, 200);
  });

  return router;
}
