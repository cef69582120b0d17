import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { AnalyticsRepository } from './analytics-repository.ts';
import {
  activityRowSchema,
  alertReportQuerySchema,
  alertRowSchema,
  deliveryRowSchema,
  eventAttendanceRowSchema,
  offerRowSchema,
  playRowSchema,
  reportQuerySchema,
  reportSchema,
  visitRowSchema,
} from './analytics-schemas.ts';
import { type CsvCell, toCsv } from './domain/csv.ts';

export interface AnalyticsRoutesOptions {
  analytics: AnalyticsRepository;
  tokens: TokenService;
}

/** A report's columns, in CSV order: the JSON row's own fields. */
function columnsOf<Row extends Record<string, CsvCell>>(row: z.ZodObject) {
  return Object.keys(row.shape).map((key) => ({
    header: key,
    value: (values: Row): CsvCell => values[key] ?? null,
  }));
}

function wantsCsv(c: Context<AppEnv>, format: 'json' | 'csv' | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  return /\btext\/csv\b/.test(c.req.header('accept') ?? '');
}

/**
 * Visits and dwell, alerts and their acknowledgement, check-ins and scans, offers and event
 * attendance: per store (and zone) and local day, as JSON or as CSV (`Accept: text/csv` or `?format=csv`).
 */
export function createAnalyticsRoutes({ analytics, tokens }: AnalyticsRoutesOptions) {
  const router = createRouter();

  function reportRoute<Row extends z.ZodObject, Query extends z.ZodObject>(
    path: string,
    summary: string,
    row: Row,
    query: Query,
  ) {
    return createRoute({
      method: 'get',
      path,
      tags: ['analytics'],
      summary,
      security: [{ bearerAuth: [] }],
      middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
      request: { query },
      responses: {
        200: {
          description: 'One row per store (and zone) and local day',
          content: {
            'application/json': { schema: reportSchema(row) },
            'text/csv': { schema: z.string().openapi({ description: 'The rows, with a header' }) },
          },
        },
        ...problemResponses,
      },
    });
  }

  function answer<Row extends Record<string, CsvCell>>(
    c: Context<AppEnv>,
    query: { from: string; to: string; format?: 'json' | 'csv' },
    row: z.ZodObject,
    rows: Row[],
  ) {
    if (!wantsCsv(c, query.format)) return c.json({ from: query.from, to: query.to, rows }, 200);
    const name = `${c.req.path.split('/').at(-1)}-${query.from}-${query.to}.csv`;
    return c.body(toCsv(columnsOf<Row>(row), rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });
  }

  const scopeOf = (c: Context<AppEnv>, query: { storeId?: string; from: string; to: string }) => ({
    organisationId: c.get('claims').org,
    storeId: query.storeId,
    from: query.from,
    to: query.to,
  });

  router.openapi(
    reportRoute(
      '/v1/analytics/visits',
      'Visits and dwell per store and zone per local day',
      visitRowSchema,
      reportQuerySchema,
    ),
    async (c) => {
      const query = c.req.valid('query');
      return answer(c, query, visitRowSchema, await analytics.visits(scopeOf(c, query)));
    },
  );
  router.openapi(
    reportRoute(
      '/v1/analytics/alerts',
      'Alerts delivered and acknowledged, time to acknowledge (p50, p90), per store per local day',
      alertRowSchema,
      alertReportQuerySchema,
    ),
    async (c) => {
      const query = c.req.valid('query');
      const scope = { ...scopeOf(c, query), campaignId: query.campaignId };
      return answer(c, query, alertRowSchema, await analytics.alerts(scope));
    },
  );
  router.openapi(
    reportRoute(
      '/v1/analytics/activity',
      'Check-ins, product and screen scans, event admissions per store per local day',
      activityRowSchema,
      reportQuerySchema,
    ),
    async (c) => {
      const query = c.req.valid('query');
      return answer(c, query, activityRowSchema, await analytics.activity(scopeOf(c, query)));
    },
  );
  router.openapi(
    reportRoute(
      '/v1/analytics/deliveries',
      'Campaign deliveries (associate suggestions, zone screens, phone offers) by outcome, per store, campaign and action per local day',
      deliveryRowSchema,
      alertReportQuerySchema,
    ),
    async (c) => {
      const query = c.req.valid('query');
      const scope = { ...scopeOf(c, query), campaignId: query.campaignId };
      return answer(c, query, deliveryRowSchema, await analytics.deliveries(scope));
    },
  );
  router.openapi(
    reportRoute(
      '/v1/analytics/plays',
      'Proof of play: items shown by the screens, per store and content per local day',
      playRowSchema,
      reportQuerySchema,
    ),
    async (c) => {
      const query = c.req.valid('query');
      return answer(c, query, playRowSchema, await analytics.plays(scopeOf(c, query)));
    },
  );
  router.openapi(
    reportRoute(
      '/v1/analytics/offers',
      'Phone offers delivered, opened and redeemed (and their rates) per store, campaign, offer and local day',
      offerRowSchema,
      alertReportQuerySchema,
    ),
    async (c) => {
      const query = c.req.valid('query');
      const scope = { ...scopeOf(c, query), campaignId: query.campaignId };
      return answer(c, query, offerRowSchema, await analytics.offers(scope));
    },
  );
  router.openapi(
    reportRoute(
      '/v1/analytics/events',
      'In-store events per store starting in the period: invited, RSVP yes/no/maybe/pending, people expected, admitted at the door, attendance rate',
      eventAttendanceRowSchema,
      alertReportQuerySchema,
    ),
    async (c) => {
      const query = c.req.valid('query');
      const scope = { ...scopeOf(c, query), campaignId: query.campaignId };
      return answer(c, query, eventAttendanceRowSchema, await analytics.events(scope));
    },
  );
  return router;
}
