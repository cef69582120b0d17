import { createRoute, z } from '@hono/zod-openapi';
import {
  layoutScreensOutcomeSchema,
  registeredScreenSchema,
  screenHeartbeatSchema,
  screenIdSchema,
  storeIdSchema,
  storeLayoutSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { ValidationError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { planLayoutScreens } from './domain/layout-screens.ts';
import { requireZoneOf, type ScreenRegistry } from './screen-registry.ts';
import type { ScreenRepository } from './screen-repository.ts';

export interface ScreenLayoutRoutesOptions {
  screens: ScreenRepository;
  registry: ScreenRegistry;
  tokens: TokenService;
  now: () => Date;
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const storeParams = z.object({ storeId: storeIdSchema });
const screenParams = z.object({ storeId: storeIdSchema, screenId: screenIdSchema });

/**
 * The installer's layout file (the JSON firmware-config generates) registers the screens
 * it declares; the store's edge reports each player it sees alive.
 */
export function createScreenLayoutRoutes({
  screens,
  registry,
  tokens,
  now,
}: ScreenLayoutRoutesOptions) {
  const router = createRouter();

  const layoutRoute = createRoute({
    method: 'put',
    path: '/v1/stores/{storeId}/layout',
    tags: ['screens'],
    summary: "Registers the screens of the store's layout file, in the zones it names",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin')] as const,
    request: { params: storeParams, body: { content: json(storeLayoutSchema), required: true } },
    responses: {
      200: {
        description: 'What changed, screen by screen',
        content: json(layoutScreensOutcomeSchema),
      },
      ...problemResponses,
    },
  });
  const heartbeatRoute = createRoute({
    method: 'post',
    path: '/v1/stores/{storeId}/screens/{screenId}/heartbeat',
    tags: ['screens'],
    summary: "The store's edge saw the screen's player alive",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('edge'), sameStoreOnly()] as const,
    request: {
      params: screenParams,
      body: { content: json(screenHeartbeatSchema), required: true },
    },
    responses: {
      200: { description: 'The screen with its health', content: json(registeredScreenSchema) },
      ...problemResponses,
    },
  });

  router.openapi(layoutRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const layout = c.req.valid('json');
    const org = c.get('claims').org;
    const store = await registry.storeOf(org, storeId);
    if (layout.store.id !== storeId) {
      throw new ValidationError([
        { path: 'store.id', message: `the layout describes ${layout.store.id}, not ${storeId}` },
      ]);
    }
    layout.screens.forEach((screen, index) => {
      requireZoneOf(store, screen.zone, `screens.${index}.zone`);
    });
    const plan = planLayoutScreens(layout.screens, await screens.listAllOf(storeId));
    const at = now();
    for (const registration of plan.register) {
      await screens.register(org, storeId, registration, at);
    }
    for (const { id, ...update } of plan.update) {
      await screens.update(storeId, id, update, at);
    }
    return c.json(plan.outcome, 200);
  });

  router.openapi(heartbeatRoute, async (c) => {
    const { storeId, screenId } = c.req.valid('param');
    const { playerVersion } = c.req.valid('json');
    await registry.activeScreenOf(c.get('claims').org, storeId, screenId);
    const seen = { at: now(), playerVersion: playerVersion ?? null };
    return c.json(await screens.recordSeen(storeId, screenId, seen), 200);
  });

  return router;
}
