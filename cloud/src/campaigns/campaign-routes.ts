import { createRoute, z } from '@hono/zod-openapi';
import {
  CAMPAIGN_STATUSES,
  type Campaign,
  type CampaignWrite,
  campaignIdSchema,
  campaignPageSchema,
  campaignSchema,
  campaignWriteSchema,
  newId,
  offerIdSchema,
  type StoredCampaign,
  segmentIdSchema,
  storedCampaignSchema,
  storeIdSchema,
  TRIGGER_KINDS,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import { type CampaignReferenceLookups, campaignReferenceProblems } from './campaign-references.ts';
import type { CampaignRepository, StoredCampaignRow } from './campaign-repository.ts';
import { namePageQuerySchema, pageOf } from './name-page.ts';

export interface CampaignRoutesOptions {
  campaigns: CampaignRepository;
  lookups: Omit<CampaignReferenceLookups, 'stores'>;
  stores: Pick<StoreRepository, 'listStores'>;
  tokens: TokenService;
  now: () => Date;
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const campaignParams = z.object({ campaignId: campaignIdSchema });
const listQuery = namePageQuerySchema.extend({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  /** Campaigns that reach this store (by name or as all stores). */
  storeId: storeIdSchema.optional(),
  triggerKind: z.enum(TRIGGER_KINDS).optional(),
  segmentId: segmentIdSchema.optional(),
  offerId: offerIdSchema.optional(),
});

export function asStoredCampaign(row: StoredCampaignRow): StoredCampaign {
  return {
    ...row.definition,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Campaigns: trigger, audience, schedule in each store's local time, targets, caps,
 * priority and exclusivity, budget and actions. Every edit grows the version that edges
 * converge on at their next sync; status moves between draft, active, paused, archived.
 */
export function createCampaignRoutes({
  campaigns,
  lookups,
  stores,
  tokens,
  now,
}: CampaignRoutesOptions) {
  const router = createRouter();
  const guard = [authenticate(tokens), allowRoles('admin', 'marketer')];
  const common = { tags: ['campaigns'], security: [{ bearerAuth: [] }], middleware: guard };

  async function checked(org: string, id: string, version: number, write: CampaignWrite) {
    const problems = await campaignReferenceProblems(
      org,
      write,
      { ...lookups, stores: await stores.listStores(org) },
      now(),
    );
    if (problems.length > 0) throw new ValidationError(problems);
    const campaign: Campaign = campaignSchema.parse({ id, version, ...write });
    return campaign;
  }

  const listRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/campaigns',
    summary:
      'Campaigns by name, a page at a time; filtered by status, store, trigger, segment, offer, `q`',
    request: { query: listQuery },
    responses: {
      200: { description: 'A page', content: json(campaignPageSchema) },
      ...problemResponses,
    },
  });
  const createCampaignRoute = createRoute({
    ...common,
    method: 'post',
    path: '/v1/campaigns',
    summary: 'Create a campaign (draft unless `status` says otherwise); references are checked',
    request: { body: { required: true, content: json(campaignWriteSchema) } },
    responses: {
      201: { description: 'The campaign', content: json(storedCampaignSchema) },
      ...problemResponses,
    },
  });
  const getRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/campaigns/{campaignId}',
    summary: 'A campaign',
    request: { params: campaignParams },
    responses: {
      200: { description: 'The campaign', content: json(storedCampaignSchema) },
      ...problemResponses,
    },
  });
  const updateRoute = createRoute({
    ...common,
    method: 'put',
    path: '/v1/campaigns/{campaignId}',
    summary: 'Replace a campaign, status included; its version grows (409 on a concurrent edit)',
    request: {
      params: campaignParams,
      body: { required: true, content: json(campaignWriteSchema) },
    },
    responses: {
      200: { description: 'The campaign', content: json(storedCampaignSchema) },
      409: problemResponses[404],
      ...problemResponses,
    },
  });

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const rows = await campaigns.list(c.get('claims').org, query);
    return c.json(pageOf(rows, query.limit, asStoredCampaign), 200);
  });

  router.openapi(createCampaignRoute, async (c) => {
    const org = c.get('claims').org;
    const campaign = await checked(org, newId('campaign'), 1, c.req.valid('json'));
    return c.json(asStoredCampaign(await campaigns.insert(org, campaign, now())), 201);
  });

  router.openapi(getRoute, async (c) => {
    const { campaignId } = c.req.valid('param');
    const row = await campaigns.find(c.get('claims').org, campaignId);
    if (row === null) throw new NotFoundError(`no campaign ${campaignId}`);
    return c.json(asStoredCampaign(row), 200);
  });

  router.openapi(updateRoute, async (c) => {
    const { campaignId } = c.req.valid('param');
    const org = c.get('claims').org;
    const current = await campaigns.find(org, campaignId);
    if (current === null) throw new NotFoundError(`no campaign ${campaignId}`);
    const campaign = await checked(org, campaignId, current.version + 1, c.req.valid('json'));
    const row = await campaigns.update(org, campaign, current.version, now());
    if (row === null) throw new ConflictError(`${campaignId} was edited meanwhile: read it again`);
    return c.json(asStoredCampaign(row), 200);
  });

  return router;
}
