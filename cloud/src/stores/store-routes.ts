import { createRoute, z } from '@hono/zod-openapi';
import { associateSchema, storeIdSchema, storeSchema } from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { StoreRepository } from './store-repository.ts';

export interface StoreRoutesOptions {
  stores: StoreRepository;
  tokens: TokenService;
}

const storeParams = z.object({ storeId: storeIdSchema });

export function createStoreRoutes({ stores, tokens }: StoreRoutesOptions) {
  const router = createRouter();
  const anyRole = () => allowRoles('admin', 'marketer', 'associate', 'edge');

  const listRoute = createRoute({
    method: 'get',
    path: '/v1/stores',
    tags: ['stores'],
    summary: "The organisation's stores (an associate or an edge device sees its own)",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), anyRole()] as const,
    responses: {
      200: {
        description: 'Stores with their zones',
        content: json(z.object({ items: z.array(storeSchema) })),
      },
      401: problemResponses[401],
    },
  });

  const getRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}',
    tags: ['stores'],
    summary: 'One store with its zones',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), anyRole(), sameStoreOnly()] as const,
    request: { params: storeParams },
    responses: {
      200: { description: 'The store', content: json(storeSchema) },
      ...problemResponses,
    },
  });

  const associatesRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/associates',
    tags: ['stores'],
    summary: "The store's associates",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), anyRole(), sameStoreOnly()] as const,
    request: { params: storeParams },
    responses: {
      200: {
        description: 'Associates',
        content: json(z.object({ items: z.array(associateSchema) })),
      },
      ...problemResponses,
    },
  });

  router.openapi(listRoute, async (c) => {
    const claims = c.get('claims');
    const all = await stores.listStores(claims.org);
    const visible =
      claims.role === 'associate' || claims.role === 'edge'
        ? all.filter((store) => store.id === claims.store)
        : all;
    return c.json({ items: visible }, 200);
  });

  router.openapi(getRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const store = await stores.findStore(c.get('claims').org, storeId);
    if (store === null) throw new NotFoundError(`no store ${storeId}`);
    return c.json(store, 200);
  });

  router.openapi(associatesRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const store = await stores.findStore(c.get('claims').org, storeId);
    if (store === null) throw new NotFoundError(`no store ${storeId}`);
    return c.json({ items: await stores.listAssociates(store.id) }, 200);
  });

  return router;
}
