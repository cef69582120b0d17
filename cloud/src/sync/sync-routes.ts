import { createRoute, z } from '@hono/zod-openapi';
import { profileSyncPageSchema, storeIdSchema, syncWatermarkSchema } from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { viewProfileAs } from '../customers/domain/profile-view.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import { recentVisitCutoff } from './domain/selection.ts';
import { readProfileFeed } from './profile-feed.ts';
import type { ProfileFeedRepository } from './profile-feed-repository.ts';

export interface SyncRoutesOptions {
  feed: ProfileFeedRepository;
  stores: StoreRepository;
  tokens: TokenService;
  now?: () => Date;
}

const feedQuery = z.object({
  since: syncWatermarkSchema.default('0'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export function createSyncRoutes({
  feed,
  stores,
  tokens,
  now = () => new Date(),
}: SyncRoutesOptions) {
  const router = createRouter();

  const feedRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/sync/profiles',
    tags: ['sync'],
    summary:
      "The profiles a store's edge holds: a snapshot from `since=0`, then the changes since a watermark",
    description:
      'The selection: customers of this home store, visitors and buyers in this store in the last 12 months, gold and platinum customers, guests invited to an event here until it ends. Each upsert says when its customer leaves the selection if nothing changes first. Deltas remove a changed customer no longer selected, and carry every erasure of the organisation.',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('edge'), sameStoreOnly()] as const,
    request: { params: z.object({ storeId: storeIdSchema }), query: feedQuery },
    responses: {
      200: {
        description: 'A page of the feed',
        content: { 'application/json': { schema: profileSyncPageSchema } },
      },
      ...problemResponses,
    },
  });

  router.openapi(feedRoute, async (c) => {
    const claims = c.get('claims');
    const { storeId } = c.req.valid('param');
    const { since, limit } = c.req.valid('query');
    if ((await stores.findStore(claims.org, storeId)) === null) {
      throw new NotFoundError(`no store ${storeId}`);
    }
    const page = await readProfileFeed(feed, {
      selection: {
        organisationId: claims.org,
        storeId,
        visitedSince: recentVisitCutoff(now()),
        at: now(),
      },
      watermark: since,
      limit,
      view: (profile) => viewProfileAs(claims.role, profile),
    });
    return c.json(page, 200);
  });

  return router;
}
