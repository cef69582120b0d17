import { createRoute, z } from '@hono/zod-openapi';
import {
  edgeReportSchema,
  fleetSchema,
  fleetStoreSchema,
  memberStoreListSchema,
  organisationIdSchema,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { edgeStateAt, mqttWebSocketUrlOf } from './domain/fleet-state.ts';
import type { FleetRepository } from './fleet-repository.ts';

export interface FleetRoutesOptions {
  fleet: FleetRepository;
  tokens: TokenService;
  /** The clock reports are stamped with and their age is read against. */
  now?: () => Date;
}

/**
 * The edges' reports and what is read from them: the console's fleet view and the stores
 * a phone can check in at, with where it reaches each store's broker.
 */
export function createFleetRoutes({ fleet, tokens, now = () => new Date() }: FleetRoutesOptions) {
  const router = createRouter();

  const reportRoute = createRoute({
    method: 'post',
    path: '/v1/stores/{storeId}/edge/report',
    tags: ['fleet'],
    summary: "The store edge's state (edge token of that store); the latest one is kept",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('edge'), sameStoreOnly()] as const,
    request: {
      params: z.object({ storeId: storeIdSchema }),
      body: { required: true, content: json(edgeReportSchema) },
    },
    responses: { 204: { description: 'Kept as the latest report' }, ...problemResponses },
  });

  const fleetRoute = createRoute({
    method: 'get',
    path: '/v1/fleet',
    tags: ['fleet'],
    summary: 'Every store of the organisation with its edge: online, offline or never reported',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { query: z.object({ state: fleetStoreSchema.shape.state.optional() }) },
    responses: {
      200: { description: 'The stores by id', content: json(fleetSchema) },
      ...problemResponses,
    },
  });

  const memberStoresRoute = createRoute({
    method: 'get',
    path: '/v1/members/stores',
    tags: ['members'],
    summary: "Where a customer's card can check in (no token): each store and its broker",
    request: { query: z.object({ organisationId: organisationIdSchema }) },
    responses: {
      200: { description: 'The stores by id', content: json(memberStoreListSchema) },
      400: problemResponses[400],
      404: problemResponses[404],
    },
  });

  router.openapi(reportRoute, async (c) => {
    const claims = c.get('claims');
    const { storeId } = c.req.valid('param');
    await fleet.saveReport(
      { organisationId: claims.org, storeId, deviceId: claims.sub },
      c.req.valid('json'),
      now(),
    );
    return c.body(null, 204);
  });

  router.openapi(fleetRoute, async (c) => {
    const { state } = c.req.valid('query');
    const at = now();
    const items = (await fleet.listStores(c.get('claims').org))
      .map(({ storeId, name, city, timeZone, reportedAt, report }) => ({
        storeId,
        name,
        city,
        timeZone,
        state: edgeStateAt(reportedAt, at),
        reportedAt: reportedAt?.toISOString() ?? null,
        report,
      }))
      .filter((store) => state === undefined || store.state === state);
    return c.json({ items }, 200);
  });

  router.openapi(memberStoresRoute, async (c) => {
    const { organisationId } = c.req.valid('query');
    if (!(await fleet.organisationExists(organisationId))) {
      throw new NotFoundError(`no organisation ${organisationId}`);
    }
    const at = now();
    const items = (await fleet.listStores(organisationId)).map((store) => ({
      id: store.storeId,
      name: store.name,
      city: store.city,
      country: store.country,
      timeZone: store.timeZone,
      mqttWebSocketUrl: store.report === null ? null : mqttWebSocketUrlOf(store.report),
      online: edgeStateAt(store.reportedAt, at) === 'online',
    }));
    return c.json({ items }, 200);
  });

  return router;
}
