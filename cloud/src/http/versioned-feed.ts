import { createRoute, z } from '@hono/zod-openapi';
import { storeIdSchema } from '@vitrine/shared';
import type { Context } from 'hono';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { json } from './openapi-content.ts';
import { problemResponses } from './problem.ts';

export interface StoreFeedRouteOptions<T extends z.ZodType> {
  /** Under `/v1/stores/{storeId}/sync/`. */
  name: string;
  summary: string;
  description: string;
  schema: T;
  tokens: TokenService;
}

/**
 * A store's whole feed for its edge, versioned by its content (`GET
 * /v1/stores/{storeId}/sync/<name>`): the edge's own token or an admin's; `If-None-Match`
 * with the version it holds answers 304.
 */
export function storeFeedRoute<T extends z.ZodType>({
  name,
  summary,
  description,
  schema,
  tokens,
}: StoreFeedRouteOptions<T>) {
  return createRoute({
    method: 'get',
    path: `/v1/stores/{storeId}/sync/${name}`,
    tags: ['sync'],
    summary: `${summary}; \`If-None-Match\` with the version answers 304`,
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('edge', 'admin'), sameStoreOnly()] as const,
    request: { params: z.object({ storeId: storeIdSchema }) },
    responses: {
      200: { description, content: json(schema) },
      304: { description: 'Unchanged since the version the edge holds' },
      ...problemResponses,
    },
  });
}

/** The feed with its version as ETag, or 304 when the edge holds that version already. */
export function answerVersioned<Feed extends { version: string }>(c: Context, feed: Feed) {
  const etag = `"${feed.version}"`;
  c.header('etag', etag);
  c.header('cache-control', 'private, no-cache');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.json(feed, 200);
}
