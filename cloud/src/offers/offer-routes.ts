import { createRoute, z } from '@hono/zod-openapi';
import {
  newId,
  type Offer,
  type OfferWrite,
  offerIdSchema,
  offerPageSchema,
  offerSchema,
  offerWriteSchema,
  type StoredOffer,
  storedOfferSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { namePageQuerySchema, pageOf } from '../campaigns/name-page.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { OfferRepository, StoredOfferRow } from './offer-repository.ts';

export interface OfferRoutesOptions {
  offers: OfferRepository;
  tokens: TokenService;
  now: () => Date;
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const offerParams = z.object({ offerId: offerIdSchema });
const listQuery = namePageQuerySchema.extend({
  /** `false` (default): live offers; `true`: archived ones; `all`: both. */
  archived: z.enum(['false', 'true', 'all']).default('false'),
  /** Only offers valid at this instant. */
  validAt: z.iso.datetime({ offset: true }).optional(),
});

export function asStoredOffer(row: StoredOfferRow): StoredOffer {
  return {
    ...row.definition,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** What customers get: text, image, products of the catalogue, benefit, code, validity. */
export function createOfferRoutes({ offers, tokens, now }: OfferRoutesOptions) {
  const router = createRouter();
  const guard = [authenticate(tokens), allowRoles('admin', 'marketer')];
  const common = { tags: ['offers'], security: [{ bearerAuth: [] }], middleware: guard };

  /** The offer with its id, after the skus it names are found in the catalogue. */
  async function checked(org: string, id: string, write: OfferWrite): Promise<Offer> {
    const unknown = await offers.unknownSkus(
      org,
      write.products.map((product) => product.sku),
    );
    const problems = write.products.flatMap((product, index) =>
      unknown.has(product.sku)
        ? [{ path: `products.${index}.sku`, message: `no product ${product.sku} in the catalogue` }]
        : [],
    );
    if (problems.length > 0) throw new ValidationError(problems);
    return offerSchema.parse({ id, ...write });
  }

  const listRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/offers',
    summary: 'Offers by name, a page at a time; `q`, `archived` and `validAt` filter them',
    request: { query: listQuery },
    responses: {
      200: { description: 'A page', content: json(offerPageSchema) },
      ...problemResponses,
    },
  });
  const createOfferRoute = createRoute({
    ...common,
    method: 'post',
    path: '/v1/offers',
    summary: 'Create an offer; product skus are checked against the catalogue',
    request: { body: { required: true, content: json(offerWriteSchema) } },
    responses: {
      201: { description: 'The offer', content: json(storedOfferSchema) },
      ...problemResponses,
    },
  });
  const getRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/offers/{offerId}',
    summary: 'An offer',
    request: { params: offerParams },
    responses: {
      200: { description: 'The offer', content: json(storedOfferSchema) },
      ...problemResponses,
    },
  });
  const updateRoute = createRoute({
    ...common,
    method: 'put',
    path: '/v1/offers/{offerId}',
    summary: 'Replace an offer; its version grows and edges receive it at their next sync',
    request: { params: offerParams, body: { required: true, content: json(offerWriteSchema) } },
    responses: {
      200: { description: 'The offer', content: json(storedOfferSchema) },
      ...problemResponses,
    },
  });
  const archiveRoute = createRoute({
    ...common,
    method: 'post',
    path: '/v1/offers/{offerId}/archive',
    summary: 'Archive an offer; 409 while a campaign not archived delivers it',
    request: { params: offerParams },
    responses: {
      200: { description: 'The archived offer', content: json(storedOfferSchema) },
      409: problemResponses[404],
      ...problemResponses,
    },
  });

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const rows = await offers.list(c.get('claims').org, query);
    return c.json(pageOf(rows, query.limit, asStoredOffer), 200);
  });

  router.openapi(createOfferRoute, async (c) => {
    const org = c.get('claims').org;
    const offer = await checked(org, newId('offer'), c.req.valid('json'));
    return c.json(asStoredOffer(await offers.insert(org, offer, now())), 201);
  });

  router.openapi(getRoute, async (c) => {
    const { offerId } = c.req.valid('param');
    const row = await offers.find(c.get('claims').org, offerId);
    if (row === null) throw new NotFoundError(`no offer ${offerId}`);
    return c.json(asStoredOffer(row), 200);
  });

  router.openapi(updateRoute, async (c) => {
    const { offerId } = c.req.valid('param');
    const org = c.get('claims').org;
    if ((await offers.find(org, offerId)) === null) throw new NotFoundError(`no offer ${offerId}`);
    const offer = await checked(org, offerId, c.req.valid('json'));
    const row = await offers.update(org, offer, now());
    if (row === null) throw new NotFoundError(`no offer ${offerId}`);
    return c.json(asStoredOffer(row), 200);
  });

  router.openapi(archiveRoute, async (c) => {
    const { offerId } = c.req.valid('param');
    const org = c.get('claims').org;
    if ((await offers.find(org, offerId)) === null) throw new NotFoundError(`no offer ${offerId}`);
    const users = await offers.campaignsUsing(org, offerId);
    if (users.length > 0) throw new ConflictError(`${offerId} is delivered by ${users.join(', ')}`);
    const row = await offers.archive(org, offerId, now());
    if (row === null) throw new NotFoundError(`no offer ${offerId}`);
    return c.json(asStoredOffer(row), 200);
  });

  return router;
}
