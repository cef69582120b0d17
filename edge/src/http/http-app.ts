import { serveStatic } from '@hono/node-server/serve-static';
import type { ArrivalAlert } from '@vitrine/shared';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Registry } from 'prom-client';
import type { CloudClient } from '../cloud/cloud-client.ts';
import type { RecentBuffer } from '../domain/recent-alerts.ts';
import type { LoyaltyScanFlow } from '../flows/loyalty-scan-flow.ts';
import type { TicketFlow } from '../flows/ticket-flow.ts';
import type { Logger } from '../observability/logger.ts';
import type { OfferDesk } from '../offers/offer-desk.ts';
import { createPresenceRoutes } from '../presence/presence-routes.ts';
import type { ZonesView } from '../presence/zones-view.ts';
import type { TokenVerifier } from '../realtime/token-verifier.ts';
import type { ScreenRoutes } from '../screens/screen-routes.ts';
import { createApiRoutes } from './api-routes.ts';
import { type CustomerRoutesOptions, createCustomerRoutes } from './customer-routes.ts';
import { problem } from './problem.ts';
import { createScanRoutes } from './scan-routes.ts';

export interface HealthReport {
  brokerConnected: boolean;
  uptimeSeconds: number;
}

export interface HttpAppOptions {
  storeId: string;
  version: string;
  health: () => HealthReport;
  registry: Registry;
  cloud: Pick<CloudClient, 'login'>;
  verifier: TokenVerifier;
  recentAlerts: RecentBuffer<ArrivalAlert>;
  /** The built associate page, served at /associate/ when set. */
  displaysDir: string | null;
  /** Loyalty QR codes scanned by associates' tablets (`POST /api/scans`), when set. */
  scans?: Pick<LoyaltyScanFlow, 'scanByAssociate'>;
  /** Head counts per zone (`GET /api/zones`), when the edge runs presence. */
  zones?: () => ZonesView;
  /** Event tickets scanned at the door by the same tablets, when set. */
  tickets?: Pick<TicketFlow, 'scanByAssociate'>;
  /** Offer redemption codes scanned by the same tablets, when set. */
  offers?: Pick<OfferDesk, 'redeem'>;
  /** The screens' player and routes under /screen/, when set. */
  screens?: ScreenRoutes;
  /** MQTT over WebSocket for phones (`/mqtt`), when set. */
  mqttWebSocket?: Hono;
  /** The client desk (`/api/customers`): search, card, registration, when set. */
  customers?: Pick<CustomerRoutesOptions, 'cloud' | 'profiles'>;
  logger: Logger;
}

export function createHttpApp(options: HttpAppOptions) {
  const { storeId, version, health, registry, displaysDir, logger } = options;
  const app = new Hono();

  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, 'request failed');
    return problem(c, 500, 'internal', 'internal error');
  });
  app.notFound((c) => problem(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));

  app.get('/healthz', (c) => {
    const report = health();
    const body = {
      status: report.brokerConnected ? 'ok' : 'degraded',
      broker: report.brokerConnected ? 'connected' : 'disconnected',
      storeId,
      version,
      uptimeSeconds: Math.round(report.uptimeSeconds),
    };
    return c.json(body, report.brokerConnected ? 200 : 503);
  });

  app.get('/metrics', async (c) => {
    c.header('content-type', registry.contentType);
    return c.body(await registry.metrics());
  });

  // The page may be served from a development server on another origin; tokens travel in
  // headers, never cookies, so an open origin policy grants nothing by itself.
  app.use('/api/*', cors());
  app.route(
    '/api',
    createApiRoutes({
      storeId,
      cloud: options.cloud,
      verifier: options.verifier,
      recentAlerts: options.recentAlerts,
      logger,
    }),
  );

  if (options.customers) {
    app.route(
      '/api',
      createCustomerRoutes({ storeId, verifier: options.verifier, logger, ...options.customers }),
    );
  }

  if (options.scans) {
    app.route(
      '/api',
      createScanRoutes({
        storeId,
        verifier: options.verifier,
        scans: options.scans,
        ...(options.tickets ? { tickets: options.tickets } : {}),
        ...(options.offers ? { offers: options.offers } : {}),
      }),
    );
  }

  if (options.zones) {
    app.route(
      '/api',
      createPresenceRoutes({ storeId, verifier: options.verifier, zones: options.zones }),
    );
  }

  if (options.screens) app.route('/', options.screens);
  if (options.mqttWebSocket) app.route('/', options.mqttWebSocket);

  if (displaysDir) {
    const strip = (path: string) => path.replace(/^\/associate/, '');
    app.get('/associate', (c) => c.redirect('/associate/'));
    app.use('/associate/*', serveStatic({ root: displaysDir, rewriteRequestPath: strip }));
    // A route of the single-page app that is not a file gets the page itself.
    app.get('/associate/*', serveStatic({ root: displaysDir, path: 'index.html' }));
  }

  return app;
}
