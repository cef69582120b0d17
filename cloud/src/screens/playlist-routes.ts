import { createRoute, z } from '@hono/zod-openapi';
import {
  contentIdSchema,
  newId,
  pageSchema,
  playlistDraftSchema,
  playlistIdSchema,
  playlistSchema,
  screenIdSchema,
  storeIdSchema,
  zoneIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { ContentChecks } from './content-checks.ts';
import type { PlaylistRepository } from './playlist-repository.ts';

export interface PlaylistRoutesOptions {
  playlists: PlaylistRepository;
  checks: ContentChecks;
  tokens: TokenService;
  now: () => Date;
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const playlistParams = z.object({ playlistId: playlistIdSchema });
const listQuery = z.object({
  storeId: storeIdSchema.optional(),
  screenId: screenIdSchema.optional(),
  zoneId: zoneIdSchema.optional(),
  /** Playlists that play this item. */
  contentId: contentIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: playlistIdSchema.optional(),
});
const playlistContent = json(playlistSchema);
const draftBody = { content: json(playlistDraftSchema), required: true };

/** Playlists of screen content per screen or zone, scheduled by marketers. */
export function createPlaylistRoutes({ playlists, checks, tokens, now }: PlaylistRoutesOptions) {
  const router = createRouter();
  const base = { tags: ['screen content'], security: [{ bearerAuth: [] }] };

  const listRoute = createRoute({
    ...base,
    method: 'get',
    path: '/v1/content/playlists',
    summary: 'Playlists by id, filtered by store, screen, zone or an item they play',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { query: listQuery },
    responses: {
      200: { description: 'One page of playlists', content: json(pageSchema(playlistSchema)) },
      ...problemResponses,
    },
  });
  const getRoute = createRoute({
    ...base,
    method: 'get',
    path: '/v1/content/playlists/{playlistId}',
    summary: 'One playlist',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: playlistParams },
    responses: {
      200: { description: 'The playlist', content: playlistContent },
      ...problemResponses,
    },
  });
  const createPlaylistRoute = createRoute({
    ...base,
    method: 'post',
    path: '/v1/content/playlists',
    summary:
      'Schedules items on a screen or a zone: dayparts in store time, priority, shares of voice adding up to 100',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { body: draftBody },
    responses: {
      201: { description: 'The new playlist', content: playlistContent },
      ...problemResponses,
    },
  });
  const replaceRoute = createRoute({
    ...base,
    method: 'put',
    path: '/v1/content/playlists/{playlistId}',
    summary: 'Rewrites a playlist',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: playlistParams, body: draftBody },
    responses: {
      200: { description: 'The playlist', content: playlistContent },
      ...problemResponses,
    },
  });
  const deleteRoute = createRoute({
    ...base,
    method: 'delete',
    path: '/v1/content/playlists/{playlistId}',
    summary: 'Deletes a playlist',
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: playlistParams },
    responses: { 204: { description: 'Deleted' }, ...problemResponses },
  });

  router.openapi(listRoute, async (c) => {
    const { cursor, ...filters } = c.req.valid('query');
    return c.json(
      await playlists.list({ ...filters, organisationId: c.get('claims').org, after: cursor }),
      200,
    );
  });
  router.openapi(getRoute, async (c) => {
    const { playlistId } = c.req.valid('param');
    const playlist = await playlists.find(c.get('claims').org, playlistId);
    if (playlist === null) throw new NotFoundError(`no playlist ${playlistId}`);
    return c.json(playlist, 200);
  });
  router.openapi(createPlaylistRoute, async (c) => {
    const draft = c.req.valid('json');
    const org = c.get('claims').org;
    await checks.checkPlaylist(org, draft);
    return c.json(await playlists.insert(org, newId('playlist'), draft, now()), 201);
  });
  router.openapi(replaceRoute, async (c) => {
    const { playlistId } = c.req.valid('param');
    const draft = c.req.valid('json');
    const org = c.get('claims').org;
    if ((await playlists.find(org, playlistId)) === null) {
      throw new NotFoundError(`no playlist ${playlistId}`);
    }
    await checks.checkPlaylist(org, draft);
    const playlist = await playlists.replace(org, playlistId, draft, now());
    if (playlist === null) throw new NotFoundError(`no playlist ${playlistId}`);
    return c.json(playlist, 200);
  });
  router.openapi(deleteRoute, async (c) => {
    const { playlistId } = c.req.valid('param');
    if (!(await playlists.remove(c.get('claims').org, playlistId))) {
      throw new NotFoundError(`no playlist ${playlistId}`);
    }
    return c.body(null, 204);
  });
  return router;
}
