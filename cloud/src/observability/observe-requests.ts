import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { AppEnv } from '../http/app-env.ts';
import type { CloudMetrics } from './cloud-metrics.ts';

/**
 * One JSON log line and one metric sample per request, labelled with the route pattern
 * (`/v1/customers/:customerId/profile`), never the raw path, to keep label sets small.
 */
export function observeRequests({ logger, metrics }: { logger: Logger; metrics: CloudMetrics }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const pattern = routePath(c, -1);
    const route = pattern === '/*' || pattern === '*' ? 'unmatched' : pattern;
    const status = c.res.status;
    metrics.httpRequests.inc({ method: c.req.method, route, status: String(status) });
    metrics.httpDuration.observe({ method: c.req.method, route }, seconds);
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        route,
        status,
        durationMs: Math.round(seconds * 100_000) / 100,
      },
      'request',
    );
  });
}
