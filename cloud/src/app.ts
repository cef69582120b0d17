import { Scalar } from '@scalar/hono-api-reference';
import type { ProblemBody } from '@vitrine/shared';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { createAnalyticsRepository } from './analytics/analytics-repository.ts';
import { createAnalyticsRoutes } from './analytics/analytics-routes.ts';
import { createAuthRoutes } from './auth/auth-routes.ts';
import { createCredentialRepository } from './auth/credential-repository.ts';
import { createKeyRoutes } from './auth/key-routes.ts';
import type { KeyRing } from './auth/signing-keys.ts';
import { createTokenService } from './auth/token-service.ts';
import { createEngagementRoutes } from './campaigns/engagement-routes.ts';
import { createContentCodeRoutes } from './content-codes/content-code-routes.ts';
import { createProductRepository } from './content-codes/product-repository.ts';
import { createCustomerRegistryRepository } from './customers/customer-registry-repository.ts';
import { createCustomerRepository } from './customers/customer-repository.ts';
import { createCustomerRoutes } from './customers/customer-routes.ts';
import { createRegistrationRoutes } from './customers/registration-routes.ts';
import { createCustomerSearchRepository } from './customers/search-repository.ts';
import { createSearchRoutes } from './customers/search-routes.ts';
import type { Database } from './db/database.ts';
import { AppError } from './errors/app-errors.ts';
import { createEventApiRoutes } from './events/event-api-routes.ts';
import { createFleetRepository } from './fleet/fleet-repository.ts';
import { createFleetRoutes } from './fleet/fleet-routes.ts';
import { createRouter } from './http/router.ts';
import { createIngestRepository } from './ingest/ingest-repository.ts';
import { createIngestRoutes } from './ingest/ingest-routes.ts';
import { createMemberApiRoutes } from './members/member-routes.ts';
import type { CloudMetrics } from './observability/cloud-metrics.ts';
import { observeRequests } from './observability/observe-requests.ts';
import { createOpsRoutes } from './observability/ops-routes.ts';
import { createPassRepository } from './passes/pass-repository.ts';
import { createPassRoutes } from './passes/pass-routes.ts';
import { createScreenApi } from './screens/screen-api.ts';
import { defaultCardDir, defaultConsoleDir } from './static-apps/static-app-files.ts';
import { createStaticAppRoutes } from './static-apps/static-app-routes.ts';
import { createStoreRepository } from './stores/store-repository.ts';
import { createStoreRoutes } from './stores/store-routes.ts';
import { createProfileFeedRepository } from './sync/profile-feed-repository.ts';
import { createSyncRoutes } from './sync/sync-routes.ts';
import { createTicketFeedRoutes } from './tickets/ticket-feed-routes.ts';
import { createTicketRepository } from './tickets/ticket-repository.ts';
import { createTicketRoutes } from './tickets/ticket-routes.ts';

export interface CloudAppOptions {
  db: Database;
  /** The signing keys; rotation through the admin API changes them in place. */
  keys: KeyRing;
  logger: Logger;
  metrics: CloudMetrics;
  /** The clock tokens are issued and checked against. */
  now?: () => Date;
  version?: string;
  /** The built marketer console served at /console/ (by default, the repository's build). */
  consoleDir?: string;
  /** The built loyalty card served at /card/ (by default, the repository's build). */
  cardDir?: string;
}

export const CLOUD_VERSION = '0.1.0';

/** The cloud HTTP app, built only from the parts it is given. */
export function createCloudApp({
  db,
  keys,
  logger,
  metrics,
  now = () => new Date(),
  version = CLOUD_VERSION,
  consoleDir = defaultConsoleDir(),
  cardDir = defaultCardDir(),
}: CloudAppOptions) {
  const tokens = createTokenService({ keys, now });
  const stores = createStoreRepository(db);
  const customers = createCustomerRepository(db);
  const credentials = createCredentialRepository(db);
  const screenApi = createScreenApi({ db, stores, tokens, now });

  const app = createRouter();
  app.use('*', requestId());
  app.use('*', observeRequests({ logger, metrics }));

  app.route('/', createOpsRoutes({ db, metrics, version }));
  app.route('/', createAuthRoutes({ credentials, stores, tokens, keys, metrics }));
  app.route('/', createStoreRoutes({ stores, tokens }));
  app.route('/', createCustomerRoutes({ customers, stores, tokens, metrics }));
  app.route(
    '/',
    createSearchRoutes({ search: createCustomerSearchRepository(db), stores, tokens }),
  );
  app.route(
    '/',
    createRegistrationRoutes({
      registry: createCustomerRegistryRepository(db),
      customers,
      stores,
      tokens,
      now,
    }),
  );
  app.route(
    '/',
    createSyncRoutes({ feed: createProfileFeedRepository(db, customers), stores, tokens, now }),
  );
  app.route('/', createKeyRoutes({ keys, tokens }));
  app.route('/', createPassRoutes({ passes: createPassRepository(db), tokens, keys, now }));
  app.route(
    '/',
    createContentCodeRoutes({
      products: createProductRepository(db),
      screens: screenApi.registry,
      tokens,
      keys,
      now,
    }),
  );
  for (const router of screenApi.routers) app.route('/', router);
  app.route('/', createAnalyticsRoutes({ analytics: createAnalyticsRepository(db), tokens }));
  const tickets = createTicketRepository(db);
  app.route('/', createTicketRoutes({ tickets, tokens, keys, now }));
  app.route('/', createTicketFeedRoutes({ tickets, tokens }));
  app.route('/', createEngagementRoutes({ db, stores, customers, tokens, now }));
  app.route('/', createEventApiRoutes({ db, tokens, keys, now }));
  app.route(
    '/',
    createMemberApiRoutes({
      db,
      registry: createCustomerRegistryRepository(db),
      keys,
      metrics,
      now,
    }),
  );
  app.route('/', createFleetRoutes({ fleet: createFleetRepository(db), tokens, now }));
  app.route(
    '/',
    createIngestRoutes({
      ingest: createIngestRepository(db),
      tokens,
      registry: metrics.registry,
      now,
    }),
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Vitrine cloud API',
      version,
      description: 'Organisation, stores, associates and the one customer view.',
    },
  });
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Vitrine cloud API' }));
  app.route(
    '/',
    createStaticAppRoutes({
      prefix: '/console',
      dir: consoleDir,
      title: 'marketer console',
      dirVariable: 'CLOUD_CONSOLE_DIR',
    }),
  );
  app.route(
    '/',
    createStaticAppRoutes({
      prefix: '/card',
      dir: cardDir,
      title: 'loyalty card',
      dirVariable: 'CLOUD_CARD_DIR',
    }),
  );

  app.notFound((c) => {
    const body: ProblemBody = {
      error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` },
    };
    return c.json(body, 404);
  });

  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error.status >= 500) logger.error({ err: error }, error.message);
      return c.json(error.toProblem(), error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx, e.g. a body that is not JSON at all.
      const body: ProblemBody = {
        error: {
          code: error.status === 400 ? 'validation_failed' : 'internal',
          message: error.message,
          fields: error.status === 400 ? [{ path: 'body', message: error.message }] : undefined,
        },
      };
      return c.json(body, error.status);
    }
    logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    const body: ProblemBody = { error: { code: 'internal', message: 'internal error' } };
    return c.json(body, 500);
  });

  return app;
}

export type CloudApp = ReturnType<typeof createCloudApp>;
