import { createRoute, z } from '@hono/zod-openapi';
import {
  customerIdSchema,
  customerProfileSchema,
  pageSchema,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { CloudMetrics } from '../observability/cloud-metrics.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import type { CustomerRepository } from './customer-repository.ts';
import { viewProfileAs } from './domain/profile-view.ts';

export interface CustomerRoutesOptions {
  customers: CustomerRepository;
  stores: StoreRepository;
  tokens: TokenService;
  metrics: CloudMetrics;
}

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: customerIdSchema.optional(),
});
const profilePage = pageSchema(customerProfileSchema);

export function createCustomerRoutes({
  customers,
  stores,
  tokens,
  metrics,
}: CustomerRoutesOptions) {
  const router = createRouter();

  const profileRoute = createRoute({
    method: 'get',
    path: '/v1/customers/{customerId}/profile',
    tags: ['customers'],
    summary: 'One customer view: profile, the 5 latest purchases and visits from every store',
    security: [{ bearerAuth: [] }],
    middleware: [
      authenticate(tokens),
      allowRoles('admin', 'marketer', 'associate', 'edge'),
    ] as const,
    request: { params: z.object({ customerId: customerIdSchema }) },
    responses: {
      200: { description: 'The profile', content: json(customerProfileSchema) },
      ...problemResponses,
    },
  });

  const listRoute = createRoute({
    method: 'get',
    path: '/v1/customers',
    tags: ['customers'],
    summary: "A page of the organisation's customer profiles (admin, marketer)",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { query: pageQuery },
    responses: {
      200: { description: 'A page of profiles', content: json(profilePage) },
      ...problemResponses,
    },
  });

  const storeListRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/customers',
    tags: ['customers'],
    summary: 'A page of the profiles of customers whose home store this is',
    security: [{ bearerAuth: [] }],
    middleware: [
      authenticate(tokens),
      allowRoles('admin', 'marketer', 'associate', 'edge'),
      sameStoreOnly(),
    ] as const,
    request: { params: z.object({ storeId: storeIdSchema }), query: pageQuery },
    responses: {
      200: { description: 'A page of profiles', content: json(profilePage) },
      ...problemResponses,
    },
  });

  router.openapi(profileRoute, async (c) => {
    const claims = c.get('claims');
    const { customerId } = c.req.valid('param');
    const profile = await customers.findProfile(claims.org, customerId);
    if (profile === null) {
      metrics.profileLookups.inc({ outcome: 'not_found' });
      throw new NotFoundError(`no customer ${customerId}`);
    }
    metrics.profileLookups.inc({ outcome: 'found' });
    return c.json(viewProfileAs(claims.role, profile), 200);
  });

  router.openapi(listRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await customers.listProfiles({
      organisationId: c.get('claims').org,
      limit,
      after: cursor,
    });
    return c.json(page, 200);
  });

  router.openapi(storeListRoute, async (c) => {
    const claims = c.get('claims');
    const { storeId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    if ((await stores.findStore(claims.org, storeId)) === null) {
      throw new NotFoundError(`no store ${storeId}`);
    }
    const page = await customers.listProfiles({
      organisationId: claims.org,
      homeStoreId: storeId,
      limit,
      after: cursor,
    });
    return c.json(
      { ...page, items: page.items.map((profile) => viewProfileAs(claims.role, profile)) },
      200,
    );
  });

  return router;
}
