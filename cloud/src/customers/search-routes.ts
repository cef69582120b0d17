import { createRoute, z } from '@hono/zod-openapi';
import {
  CUSTOMER_SEARCH_LIMIT,
  classifyCustomerQuery,
  customerSearchQuerySchema,
  customerSearchResultSchema,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import type { CustomerSearchRepository } from './search-repository.ts';

export interface SearchRoutesOptions {
  search: CustomerSearchRepository;
  stores: StoreRepository;
  tokens: TokenService;
}

export function createSearchRoutes({ search, stores, tokens }: SearchRoutesOptions) {
  const router = createRouter();

  const searchRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/customers/search',
    tags: ['customers'],
    summary: 'Find a client of the organisation by name, email or phone, from a store',
    description:
      'One customer view: a client of any store is found. A name matches the start of the first or last name, whatever the case and accents; an email or a phone matches after normalisation (a national number takes the store country’s code). At most 20 matches, their email and phone masked.',
    security: [{ bearerAuth: [] }],
    middleware: [
      authenticate(tokens),
      allowRoles('admin', 'associate', 'edge'),
      sameStoreOnly(),
    ] as const,
    request: { params: z.object({ storeId: storeIdSchema }), query: customerSearchQuerySchema },
    responses: {
      200: { description: 'The matches', content: json(customerSearchResultSchema) },
      ...problemResponses,
    },
  });

  router.openapi(searchRoute, async (c) => {
    const claims = c.get('claims');
    const { storeId } = c.req.valid('param');
    const { q } = c.req.valid('query');
    const store = await stores.findStore(claims.org, storeId);
    if (store === null) throw new NotFoundError(`no store ${storeId}`);
    const query = classifyCustomerQuery(q);
    const items = await search.search({
      organisationId: claims.org,
      query,
      country: store.country,
      limit: CUSTOMER_SEARCH_LIMIT,
    });
    return c.json({ items, matchedOn: query.kind }, 200);
  });

  return router;
}
