import { createRoute } from '@hono/zod-openapi';
import {
  ingestBatchSchema,
  ingestResponseSchema,
  MAX_INGEST_BYTES,
  MAX_INGEST_EVENTS,
} from '@vitrine/shared';
import { Counter, type Registry } from 'prom-client';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { ForbiddenError } from '../errors/app-errors.ts';
import { problemResponses, problemSchema } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { batchLimit, concurrencyGate } from './ingest-limits.ts';
import type { IngestRepository } from './ingest-repository.ts';

export interface IngestRoutesOptions {
  ingest: IngestRepository;
  tokens: TokenService;
  registry: Registry;
  now?: () => Date;
  /** Batches stored at once; beyond it the cloud answers 503 with Retry-After. */
  maxInFlight?: number;
  retryAfterSeconds?: number;
  maxEvents?: number;
  maxBytes?: number;
}

const problem = { 'application/json': { schema: problemSchema } };

/** `POST /v1/ingest`: the edges' store-and-forward uploads, stored once per key. */
export function createIngestRoutes({
  ingest,
  tokens,
  registry,
  now = () => new Date(),
  maxInFlight = 8,
  retryAfterSeconds = 2,
  maxEvents = MAX_INGEST_EVENTS,
  maxBytes = MAX_INGEST_BYTES,
}: IngestRoutesOptions) {
  const events = new Counter({
    name: 'vitrine_cloud_ingest_events_total',
    help: 'Events received from edges, by outcome (accepted, duplicate)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'vitrine_cloud_ingest_busy_total',
    help: 'Ingest batches refused with 503 because too many were being stored',
    registers: [registry],
  });
  const router = createRouter();

  const route = createRoute({
    method: 'post',
    path: '/v1/ingest',
    tags: ['ingest'],
    summary: "An edge's batch of reported events; idempotent by each event's key",
    security: [{ bearerAuth: [] }],
    middleware: [
      authenticate(tokens),
      allowRoles('edge'),
      concurrencyGate({ maxInFlight, retryAfterSeconds, onRefused: () => refused.inc() }),
      batchLimit({ maxBytes, maxEvents }),
    ] as const,
    request: {
      body: { required: true, content: { 'application/json': { schema: ingestBatchSchema } } },
    },
    responses: {
      200: {
        description: 'Which keys were stored now and which were already held',
        content: { 'application/json': { schema: ingestResponseSchema } },
      },
      ...problemResponses,
      413: { description: 'More than the events or bytes a batch may hold', content: problem },
      503: { description: 'Busy: retry after `Retry-After` seconds', content: problem },
    },
  });

  router.openapi(route, async (c) => {
    const claims = c.get('claims');
    const store = claims.role === 'edge' ? claims.store : null;
    const batch = c.req.valid('json');
    const foreign = batch.events.findIndex((event) => event.store !== store);
    if (store === null || foreign !== -1) {
      throw new ForbiddenError(
        `events.${foreign}.store: this token reports for store ${store ?? 'none'} only`,
      );
    }
    const outcome = await ingest.insertEvents(
      { organisationId: claims.org, storeId: store },
      batch.events,
      now(),
    );
    events.inc({ outcome: 'accepted' }, outcome.accepted.length);
    events.inc({ outcome: 'duplicate' }, outcome.duplicates.length);
    return c.json(outcome, 200);
  });

  return router;
}
