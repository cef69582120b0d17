import { createRoute, z } from '@hono/zod-openapi';
import {
  resolveSchedule,
  screenIdSchema,
  screenScheduleSchema,
  storeContentFeedSchema,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { answerVersioned, storeFeedRoute } from '../http/versioned-feed.ts';
import type { StoreContentSource } from './store-content.ts';

export interface ScreenScheduleRoutesOptions {
  content: StoreContentSource;
  tokens: TokenService;
}

/** The longest period one schedule answer covers. */
export const MAX_SCHEDULE_DAYS = 7;

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const scheduleQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), {
    message: 'must be after from',
    path: ['to'],
  })
  .refine(
    (query) => Date.parse(query.to) - Date.parse(query.from) <= MAX_SCHEDULE_DAYS * 86_400_000,
    { message: `must be at most ${MAX_SCHEDULE_DAYS} days after from`, path: ['to'] },
  );

/**
 * What a screen plays: its concrete play order over a period (for the console's calendar
 * and the player), and the store's whole content for its edge, versioned.
 */
export function createScreenScheduleRoutes({ content, tokens }: ScreenScheduleRoutesOptions) {
  const router = createRouter();

  const scheduleRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/screens/{screenId}/schedule',
    tags: ['screen content'],
    summary: "A screen's play order from `from` to `to` (at most 7 days)",
    security: [{ bearerAuth: [] }],
    middleware: [
      authenticate(tokens),
      allowRoles('admin', 'marketer', 'edge'),
      sameStoreOnly(),
    ] as const,
    request: {
      params: z.object({ storeId: storeIdSchema, screenId: screenIdSchema }),
      query: scheduleQuery,
    },
    responses: {
      200: { description: 'The play order', content: json(screenScheduleSchema) },
      ...problemResponses,
    },
  });
  const feedRoute = storeFeedRoute({
    name: 'content',
    summary: "The store's screens, playlists and items for its edge",
    description: 'The content feed',
    schema: storeContentFeedSchema,
    tokens,
  });

  router.openapi(scheduleRoute, async (c) => {
    const { storeId, screenId } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    const { store, screen, playlists, items } = await content.ofScreen(
      c.get('claims').org,
      storeId,
      screenId,
    );
    const entries = resolveSchedule({
      screen: { id: screen.id, zoneId: screen.zoneId, timeZone: store.timeZone },
      playlists,
      durations: new Map(items.map((item) => [item.id, item.durationS])),
      from: new Date(from),
      to: new Date(to),
    });
    const played = new Set(entries.map((entry) => entry.contentId));
    return c.json(
      {
        storeId,
        screenId,
        timeZone: store.timeZone,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        entries,
        items: items.filter((item) => played.has(item.id)),
      },
      200,
    );
  });

  router.openapi(feedRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const feed = await content.feedOf(c.get('claims').org, storeId);
    return answerVersioned(c, feed);
  });

  return router;
}
