import { createRoute, z } from '@hono/zod-openapi';
import {
  contentIdSchema,
  newId,
  pageSchema,
  screenContentDraftSchema,
  screenContentItemSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { ConflictError, NotFoundError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { ContentChecks } from './content-checks.ts';
import type { ContentItemRepository } from './content-item-repository.ts';

export interface ContentItemRoutesOptions {
  items: ContentItemRepository;
  checks: ContentChecks;
  tokens: TokenService;
  now: () => Date;
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const itemParams = z.object({ contentId: contentIdSchema });
const listQuery = z.object({
  kind: z.enum(['image', 'video', 'html-card', 'product-card']).optional(),
  /** Part of the item's name, in any case. */
  q: z.string().trim().min(1).max(120).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: contentIdSchema.optional(),
});
const itemContent = json(screenContentItemSchema);
const draftBody = { content: json(screenContentDraftSchema), required: true };

/** The organisation's screen content, written by marketers. */
export function createContentItemRoutes({ items, checks, tokens, now }: ContentItemRoutesOptions) {
  const router = createRouter();
  const base = { tags: ['screen content'], security: [{ bearerAuth: [] }] };

  const listRoute = createRoute({
    ...base,
    method: 'get',
    path: '/v1/content/items',
    summary: 'Screen content items by id, filtered by kind or name',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { query: listQuery },
    responses: {
      200: { description: 'One page of items', content: json(pageSchema(screenContentItemSchema)) },
      ...problemResponses,
    },
  });
  const getRoute = createRoute({
    ...base,
    method: 'get',
    path: '/v1/content/items/{contentId}',
    summary: 'One screen content item',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: itemParams },
    responses: { 200: { description: 'The item', content: itemContent }, ...problemResponses },
  });
  const createItemRoute = createRoute({
    ...base,
    method: 'post',
    path: '/v1/content/items',
    summary: 'Adds an image, a video, an HTML card or a product card (its SKU in the catalogue)',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { body: draftBody },
    responses: { 201: { description: 'The new item', content: itemContent }, ...problemResponses },
  });
  const replaceRoute = createRoute({
    ...base,
    method: 'put',
    path: '/v1/content/items/{contentId}',
    summary: 'Rewrites an item; the playlists playing it play the new version',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: itemParams, body: draftBody },
    responses: { 200: { description: 'The item', content: itemContent }, ...problemResponses },
  });
  const deleteRoute = createRoute({
    ...base,
    method: 'delete',
    path: '/v1/content/items/{contentId}',
    summary: 'Deletes an item no playlist plays',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: itemParams },
    responses: {
      204: { description: 'Deleted' },
      ...problemResponses,
      409: { description: 'Playlists still play it', content: problemResponses[404].content },
    },
  });

  router.openapi(listRoute, async (c) => {
    const { kind, q, limit, cursor } = c.req.valid('query');
    const organisationId = c.get('claims').org;
    return c.json(
      await items.list({ organisationId, kind, nameContains: q, limit, after: cursor }),
      200,
    );
  });
  router.openapi(getRoute, async (c) => {
    const { contentId } = c.req.valid('param');
    const item = await items.find(c.get('claims').org, contentId);
    if (item === null) throw new NotFoundError(`no content item ${contentId}`);
    return c.json(item, 200);
  });
  router.openapi(createItemRoute, async (c) => {
    const draft = c.req.valid('json');
    const org = c.get('claims').org;
    await checks.checkItem(org, draft);
    return c.json(await items.insert(org, newId('content'), draft, now()), 201);
  });
  router.openapi(replaceRoute, async (c) => {
    const { contentId } = c.req.valid('param');
    const draft = c.req.valid('json');
    const org = c.get('claims').org;
    await checks.checkItem(org, draft);
    const item = await items.replace(org, contentId, draft, now());
    if (item === null) throw new NotFoundError(`no content item ${contentId}`);
    return c.json(item, 200);
  });
  router.openapi(deleteRoute, async (c) => {
    const { contentId } = c.req.valid('param');
    const org = c.get('claims').org;
    const playing = await items.playlistsPlaying(org, contentId);
    if (playing.length > 0) {
      throw new ConflictError(`${contentId} is played by ${playing.join(', ')}`);
    }
    if (!(await items.remove(org, contentId))) {
      throw new NotFoundError(`no content item ${contentId}`);
    }
    return c.body(null, 204);
  });
  return router;
}
