import { type ArrivalAlert, loginRequestSchema } from '@vitrine/shared';
import { Hono } from 'hono';
import type { CloudClient } from '../cloud/cloud-client.ts';
import type { RecentBuffer } from '../domain/recent-alerts.ts';
import type { Logger } from '../observability/logger.ts';
import type { TokenVerifier } from '../realtime/token-verifier.ts';
import { type AssociateVariables, requireAssociate } from './associate-auth.ts';
import { problem } from './problem.ts';

export interface ApiRoutesOptions {
  storeId: string;
  cloud: Pick<CloudClient, 'login'>;
  verifier: TokenVerifier;
  recentAlerts: RecentBuffer<ArrivalAlert>;
  logger: Logger;
}

/** The associate app's API on the edge: log in through the cloud, read recent alerts. */
export function createApiRoutes({
  storeId,
  cloud,
  verifier,
  recentAlerts,
  logger,
}: ApiRoutesOptions) {
  const api = new Hono<{ Variables: AssociateVariables }>();

  api.post('/login', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return problem(c, 400, 'validation_failed', 'body must be JSON', [
        { path: '(body)', message: 'must be a JSON object with email and password' },
      ]);
    }
    const request = loginRequestSchema.safeParse(body);
    if (!request.success) {
      const fields = request.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(body)',
        message: issue.message,
      }));
      return problem(
        c,
        400,
        'validation_failed',
        `invalid ${fields.map((f) => f.path).join(', ')}`,
        fields,
      );
    }
    const result = await cloud.login(request.data);
    if (result.outcome === 'failed') {
      logger.warn({ reason: result.reason, detail: result.detail }, 'login proxy: cloud failed');
      return result.reason === 'unreachable' || result.reason === 'timeout'
        ? problem(c, 502, 'cloud_unreachable', 'the cloud cannot be reached; try again shortly')
        : problem(c, 502, 'cloud_error', 'the cloud answered unexpectedly');
    }
    if (result.outcome === 'rejected') {
      const status =
        result.status === 400 || result.status === 401 || result.status === 403
          ? result.status
          : 502;
      return c.json(result.problem, status);
    }
    const { subject } = result.login;
    if (subject.role !== 'associate' || subject.storeId !== storeId) {
      return problem(c, 403, 'forbidden', `only associates of ${storeId} may log in here`);
    }
    return c.json(result.login);
  });

  api.get('/alerts/recent', requireAssociate(verifier, storeId), (c) =>
    c.json({ items: recentAlerts.newestFirst() }),
  );

  return api;
}
