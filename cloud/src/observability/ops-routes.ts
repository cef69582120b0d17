import { createRoute, z } from '@hono/zod-openapi';
import { healthSchema } from '@vitrine/shared';
import type { Database } from '../db/database.ts';
import { pingDatabase } from '../db/ping.ts';
import { createRouter } from '../http/router.ts';
import type { CloudMetrics } from './cloud-metrics.ts';

export interface OpsRoutesOptions {
  db: Database;
  metrics: CloudMetrics;
  version: string;
}

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: healthSchema } } },
    503: {
      description: 'The database does not answer',
      content: { 'application/json': { schema: healthSchema } },
    },
  },
});

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['operations'],
  summary: 'Prometheus metrics',
  responses: {
    200: {
      description: 'Text exposition format',
      content: { 'text/plain': { schema: z.string() } },
    },
  },
});

export function createOpsRoutes({ db, metrics, version }: OpsRoutesOptions) {
  const router = createRouter();

  router.openapi(healthRoute, async (c) => {
    if (await pingDatabase(db)) {
      return c.json({ status: 'ok' as const, database: 'ok' as const, version }, 200);
    }
    return c.json({ status: 'degraded' as const, database: 'unreachable' as const, version }, 503);
  });

  router.openapi(metricsRoute, async (c) => {
    const body = await metrics.registry.metrics();
    return c.text(body, 200, { 'content-type': metrics.registry.contentType });
  });

  return router;
}
