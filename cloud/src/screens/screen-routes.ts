import { createRoute, z } from '@hono/zod-openapi';
import {
  pageSchema,
  registeredScreenSchema,
  screenIdSchema,
  screenRegistrationSchema,
  screenUpdateSchema,
  storeIdSchema,
  zoneIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { ConflictError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { requireZoneOf, type ScreenRegistry } from './screen-registry.ts';
import type { ScreenRepository } from './screen-repository.ts';

export interface ScreenRoutesOptions {
  screens: ScreenRepository;
  registry: ScreenRegistry;
  tokens: TokenService;
  now: () => Date;
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const storeParams = z.object({ storeId: storeIdSchema });
const screenParams = z.object({ storeId: storeIdSchema, screenId: screenIdSchema });
const listQuery = z.object({
  zoneId: zoneIdSchema.optional(),
  status: z.enum(['active', 'retired', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: screenIdSchema.optional(),
});
const screenContent = json(registeredScreenSchema);

/**
 * The screens of a store: everyone of the store sees them; installing, moving and
 * retiring one is an admin's act (the installer's layout goes through `PUT …/layout`).
 */
export function createScreenRoutes({ screens, registry, tokens, now }: ScreenRoutesOptions) {
  const router = createRouter();
  const secured = { security: [{ bearerAuth: [] }], tags: ['screens'] };
  const anyRole = () => allowRoles('admin', 'marketer', 'associate', 'edge');

  const listRoute = createRoute({
    ...secured,
    method: 'get',
    path: '/v1/stores/{storeId}/screens',
    summary: "The store's screens (active by default), by id, filtered by zone or status",
    middleware: [authenticate(tokens), anyRole(), sameStoreOnly()] as const,
    request: { params: storeParams, query: listQuery },
    responses: {
      200: {
        description: 'One page of screens',
        content: json(pageSchema(registeredScreenSchema)),
      },
      ...problemResponses,
    },
  });
  const getRoute = createRoute({
    ...secured,
    method: 'get',
    path: '/v1/stores/{storeId}/screens/{screenId}',
    summary: 'One screen, retired or not, with its health',
    middleware: [authenticate(tokens), anyRole(), sameStoreOnly()] as const,
    request: { params: screenParams },
    responses: { 200: { description: 'The screen', content: screenContent }, ...problemResponses },
  });
  const registerRoute = createRoute({
    ...secured,
    method: 'post',
    path: '/v1/stores/{storeId}/screens',
    summary: 'Registers a screen in a zone of the store (a retired one comes back)',
    middleware: [authenticate(tokens), allowRoles('admin')] as const,
    request: {
      params: storeParams,
      body: { content: json(screenRegistrationSchema), required: true },
    },
    responses: {
      201: { description: 'The registered screen', content: screenContent },
      ...problemResponses,
      409: {
        description: 'A screen with this id is active',
        content: problemResponses[404].content,
      },
    },
  });
  const updateRoute = createRoute({
    ...secured,
    method: 'patch',
    path: '/v1/stores/{storeId}/screens/{screenId}',
    summary: 'Moves, renames or turns an active screen',
    middleware: [authenticate(tokens), allowRoles('admin')] as const,
    request: { params: screenParams, body: { content: json(screenUpdateSchema), required: true } },
    responses: { 200: { description: 'The screen', content: screenContent }, ...problemResponses },
  });
  const retireRoute = createRoute({
    ...secured,
    method: 'delete',
    path: '/v1/stores/{storeId}/screens/{screenId}',
    summary: 'Retires a screen: no content and no content code from now on',
    middleware: [authenticate(tokens), allowRoles('admin')] as const,
    request: { params: screenParams },
    responses: {
      200: { description: 'The retired screen', content: screenContent },
      ...problemResponses,
    },
  });

  router.openapi(listRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const { zoneId, status, limit, cursor } = c.req.valid('query');
    await registry.storeOf(c.get('claims').org, storeId);
    return c.json(await screens.list({ storeId, zoneId, status, limit, after: cursor }), 200);
  });

  router.openapi(getRoute, async (c) => {
    const { storeId, screenId } = c.req.valid('param');
    return c.json(await registry.screenOf(c.get('claims').org, storeId, screenId), 200);
  });

  router.openapi(registerRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const registration = c.req.valid('json');
    const org = c.get('claims').org;
    const store = await registry.storeOf(org, storeId);
    requireZoneOf(store, registration.zoneId, 'zoneId');
    const existing = await screens.find(storeId, registration.id);
    if (existing?.status === 'active') {
      throw new ConflictError(`screen ${registration.id} is already registered in ${storeId}`);
    }
    const name = registration.name ?? registration.id;
    return c.json(await screens.register(org, storeId, { ...registration, name }, now()), 201);
  });

  router.openapi(updateRoute, async (c) => {
    const { storeId, screenId } = c.req.valid('param');
    const update = c.req.valid('json');
    const org = c.get('claims').org;
    await registry.activeScreenOf(org, storeId, screenId);
    if (update.zoneId !== undefined) {
      requireZoneOf(await registry.storeOf(org, storeId), update.zoneId, 'zoneId');
    }
    return c.json(await screens.update(storeId, screenId, update, now()), 200);
  });

  router.openapi(retireRoute, async (c) => {
    const { storeId, screenId } = c.req.valid('param');
    await registry.activeScreenOf(c.get('claims').org, storeId, screenId);
    return c.json(await screens.retire(storeId, screenId, now()), 200);
  });

  return router;
}
