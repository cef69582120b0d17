import { createRoute, type z } from '@hono/zod-openapi';
import {
  type CampaignStatus,
  simulationRequestSchema,
  simulationResultSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { buildStoreCatalogue, type StoreCatalogueSources } from '../campaigns/store-catalogue.ts';
import type { CustomerRepository } from '../customers/customer-repository.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { requireZoneOf } from '../screens/screen-registry.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import type { CustomerFactsRepository } from './customer-facts-repository.ts';
import type { DeliveryHistoryRepository } from './delivery-history-repository.ts';
import { simulate } from './simulate.ts';

export interface SimulationRoutesOptions {
  sources: StoreCatalogueSources;
  stores: Pick<StoreRepository, 'findStore'>;
  customers: Pick<CustomerRepository, 'findProfile'>;
  facts: CustomerFactsRepository;
  deliveries: DeliveryHistoryRepository;
  tokens: TokenService;
}

/**
 * Drafts are explained beside the live campaigns (as inactive): a marketer asks why the
 * campaign being written would not fire. They change nothing in what is chosen.
 */
const EXPLAINED_STATUSES: readonly CampaignStatus[] = ['draft', 'active', 'paused'];

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** "What would this customer get here, now, and why not the others": a dry run. */
export function createSimulationRoutes(options: SimulationRoutesOptions) {
  const { sources, stores, customers, facts, deliveries, tokens } = options;
  const router = createRouter();
  const route = createRoute({
    method: 'post',
    path: '/v1/simulation',
    tags: ['campaigns'],
    summary:
      "What the store's edge would deliver to a customer for an event at an instant, and each campaign's reason",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { body: { content: json(simulationRequestSchema), required: true } },
    responses: {
      200: { description: 'The decision, explained', content: json(simulationResultSchema) },
      ...problemResponses,
    },
  });

  router.openapi(route, async (c) => {
    const request = c.req.valid('json');
    const organisationId = c.get('claims').org;
    const store = await stores.findStore(organisationId, request.storeId);
    if (store === null) throw new NotFoundError(`no store ${request.storeId}`);
    const { event } = request;
    if ('zoneId' in event && event.zoneId !== null) {
      requireZoneOf(store, event.zoneId, 'event.zoneId');
    }
    const profile = await customers.findProfile(organisationId, request.customerId);
    if (profile === null) throw new NotFoundError(`no customer ${request.customerId}`);
    const situation = { storeId: store.id, at: new Date(request.at) };
    const [catalogue, customerFacts, past] = await Promise.all([
      buildStoreCatalogue(sources, organisationId, store.id, EXPLAINED_STATUSES),
      facts.factsOf(organisationId, profile.id, situation),
      deliveries.deliveriesTo(organisationId, profile.id, situation.at),
    ]);
    if (customerFacts === null) throw new NotFoundError(`no customer ${request.customerId}`);
    const campaignIds = catalogue.campaigns.map((campaign) => campaign.id);
    const budgets = await deliveries.budgetCounts(organisationId, campaignIds, situation.at);
    const result = simulate({
      request,
      catalogue,
      timeZone: store.timeZone,
      profile,
      facts: customerFacts,
      history: { deliveries: past, budgets },
    });
    return c.json(result, 200);
  });

  return router;
}
