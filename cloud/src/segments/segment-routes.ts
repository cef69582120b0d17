import { createRoute, z } from '@hono/zod-openapi';
import {
  type AudiencePreview,
  audiencePreviewRequestSchema,
  audiencePreviewSchema,
  createZonedCalendar,
  newId,
  type SegmentRule,
  type StoredSegment,
  segmentIdSchema,
  segmentPageSchema,
  segmentWriteSchema,
  storedSegmentSchema,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { namePageQuerySchema, pageOf } from '../campaigns/name-page.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import type { SegmentRepository, StoredSegmentRow } from './segment-repository.ts';

export interface SegmentRoutesOptions {
  segments: SegmentRepository;
  stores: Pick<StoreRepository, 'findStore'>;
  tokens: TokenService;
  now: () => Date;
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const segmentParams = z.object({ segmentId: segmentIdSchema });
const listQuery = namePageQuerySchema.extend({
  /** `false` (default): live segments; `true`: archived ones; `all`: both. */
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
const audienceQuery = z.object({
  storeId: storeIdSchema.optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

export function asStoredSegment(row: StoredSegmentRow): StoredSegment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rule: row.rule,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** Named audiences for campaigns and events, and the size of an audience before it runs. */
export function createSegmentRoutes({ segments, stores, tokens, now }: SegmentRoutesOptions) {
  const router = createRouter();
  const guard = [authenticate(tokens), allowRoles('admin', 'marketer')];
  const common = { tags: ['segments'], security: [{ bearerAuth: [] }], middleware: guard };

  async function segmentOf(org: string, id: string): Promise<StoredSegmentRow> {
    const row = await segments.find(org, id);
    if (row === null) throw new NotFoundError(`no segment ${id}`);
    return row;
  }

  /** Counts the audience as the store's edge would read the rule at `at`. */
  async function measure(
    org: string,
    rule: SegmentRule,
    { storeId, at }: { storeId?: string | undefined; at?: string | undefined },
    paths: { rule: string; storeId: string },
  ): Promise<AudiencePreview> {
    const instant = at === undefined ? now() : new Date(at);
    let currentMonth = instant.getUTCMonth() + 1;
    if (storeId !== undefined) {
      const store = await stores.findStore(org, storeId);
      if (store === null) {
        throw new ValidationError([{ path: paths.storeId, message: `no store ${storeId}` }]);
      }
      currentMonth = createZonedCalendar(store.timeZone).at(instant.getTime()).month;
    }
    const situation = { storeId: storeId ?? null, at: instant, currentMonth };
    const counts = await segments.measure(org, rule, situation, paths.rule);
    return { ...counts, at: instant.toISOString(), storeId: storeId ?? null };
  }

  const listRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/segments',
    summary: 'Segments by name, a page at a time; `q` filters names, `archived` the archived',
    request: { query: listQuery },
    responses: {
      200: { description: 'A page', content: json(segmentPageSchema) },
      ...problemResponses,
    },
  });
  const createSegmentRoute = createRoute({
    ...common,
    method: 'post',
    path: '/v1/segments',
    summary: 'Create a segment from a rule (tier, lifetime value, preferences, visits…)',
    request: { body: { required: true, content: json(segmentWriteSchema) } },
    responses: {
      201: { description: 'The segment', content: json(storedSegmentSchema) },
      ...problemResponses,
    },
  });
  const getRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/segments/{segmentId}',
    summary: 'A segment',
    request: { params: segmentParams },
    responses: {
      200: { description: 'The segment', content: json(storedSegmentSchema) },
      ...problemResponses,
    },
  });
  const updateRoute = createRoute({
    ...common,
    method: 'put',
    path: '/v1/segments/{segmentId}',
    summary: 'Replace a segment’s name, description and rule; its version grows',
    request: { params: segmentParams, body: { required: true, content: json(segmentWriteSchema) } },
    responses: {
      200: { description: 'The segment', content: json(storedSegmentSchema) },
      ...problemResponses,
    },
  });
  const archiveRoute = createRoute({
    ...common,
    method: 'post',
    path: '/v1/segments/{segmentId}/archive',
    summary: 'Archive a segment; 409 while a campaign not archived uses it',
    request: { params: segmentParams },
    responses: {
      200: { description: 'The archived segment', content: json(storedSegmentSchema) },
      409: problemResponses[404],
      ...problemResponses,
    },
  });
  const previewRoute = createRoute({
    ...common,
    method: 'post',
    path: '/v1/segments/preview',
    summary: 'How many customers a rule selects, counted by the database',
    description:
      'With `storeId`, the rule is read as that store’s edge reads it: `this-store`, visits at the store, the birthday month in its time zone. Visits are those the cloud has recorded; a visit under way is not counted.',
    request: { body: { required: true, content: json(audiencePreviewRequestSchema) } },
    responses: {
      200: { description: 'The audience size', content: json(audiencePreviewSchema) },
      ...problemResponses,
    },
  });
  const audienceRoute = createRoute({
    ...common,
    method: 'get',
    path: '/v1/segments/{segmentId}/audience',
    summary: 'How many customers a segment selects now (or `at`), at a store or anywhere',
    request: { params: segmentParams, query: audienceQuery },
    responses: {
      200: { description: 'The audience size', content: json(audiencePreviewSchema) },
      ...problemResponses,
    },
  });

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const rows = await segments.list(c.get('claims').org, query);
    return c.json(pageOf(rows, query.limit, asStoredSegment), 200);
  });

  router.openapi(createSegmentRoute, async (c) => {
    const row = await segments.insert(
      c.get('claims').org,
      newId('segment'),
      c.req.valid('json'),
      now(),
    );
    return c.json(asStoredSegment(row), 201);
  });

  router.openapi(getRoute, async (c) => {
    const { segmentId } = c.req.valid('param');
    return c.json(asStoredSegment(await segmentOf(c.get('claims').org, segmentId)), 200);
  });

  router.openapi(updateRoute, async (c) => {
    const { segmentId } = c.req.valid('param');
    const row = await segments.update(c.get('claims').org, segmentId, c.req.valid('json'), now());
    if (row === null) throw new NotFoundError(`no segment ${segmentId}`);
    return c.json(asStoredSegment(row), 200);
  });

  router.openapi(archiveRoute, async (c) => {
    const { segmentId } = c.req.valid('param');
    const org = c.get('claims').org;
    await segmentOf(org, segmentId);
    const users = await segments.campaignsUsing(org, segmentId);
    if (users.length > 0) {
      throw new ConflictError(`${segmentId} is the audience of ${users.join(', ')}`);
    }
    const row = await segments.archive(org, segmentId, now());
    if (row === null) throw new NotFoundError(`no segment ${segmentId}`);
    return c.json(asStoredSegment(row), 200);
  });

  router.openapi(previewRoute, async (c) => {
    const request = c.req.valid('json');
    const preview = await measure(c.get('claims').org, request.rule, request, {
      rule: 'rule',
      storeId: 'storeId',
    });
    return c.json(preview, 200);
  });

  router.openapi(audienceRoute, async (c) => {
    const { segmentId } = c.req.valid('param');
    const org = c.get('claims').org;
    const segment = await segmentOf(org, segmentId);
    const preview = await measure(org, segment.rule, c.req.valid('query'), {
      rule: 'rule',
      storeId: 'storeId',
    });
    return c.json(preview, 200);
  });

  return router;
}
