import { serveStatic } from '@hono/node-server/serve-static';
import { type IngestEvent, screenPlaysBatchSchema } from '@vitrine/shared';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { problem } from '../http/problem.ts';
import type { Logger } from '../observability/logger.ts';
import type { StoredContent } from './content-file.ts';
import { playReport } from './play-reports.ts';
import { authorizeScreen, bearerOf, type ScreenInFeed } from './screen-access.ts';
import { contentForScreen } from './screen-content.ts';
import type { ScreenMetrics } from './screen-metrics.ts';
import type { ScreenTokens } from './screen-tokens.ts';

export interface ScreenRoutesOptions {
  storeId: string;
  tokens: ScreenTokens;
  content: () => StoredContent | null;
  /** Where proofs of play wait for the cloud. */
  outbox: { append(event: IngestEvent): Promise<void> };
  /** The built player, served at /screen/ when set. */
  playerDir: string | null;
  metrics: ScreenMetrics;
  logger: Logger;
}

interface ScreenVariables {
  screen: ScreenInFeed;
  content: StoredContent;
}

/**
 * The screens' side of the edge: the player page, each screen's content (ETag, 304) and
 * its proofs of play. A screen token opens these routes and no other; an associate's
 * token is refused here, as a screen's is on the associates' routes.
 */
export function createScreenRoutes(options: ScreenRoutesOptions) {
  const { storeId, tokens, content, outbox, playerDir, metrics, logger } = options;
  const app = new Hono<{ Variables: ScreenVariables }>();

  app.use('/screen/api/*', cors());
  app.use('/screen/api/*', async (c, next) => {
    const current = content();
    const access = await authorizeScreen(
      bearerOf(c.req.header('authorization')),
      tokens,
      current?.feed ?? null,
    );
    if (!access.ok) return problem(c, access.status, access.code, access.reason);
    c.set('screen', access.screen);
    if (current !== null) c.set('content', current);
    await next();
  });

  app.get('/screen/api/content', (c) => {
    const answer = contentForScreen(c.get('content'), c.get('screen'));
    const etag = `"${answer.version}"`;
    c.header('etag', etag);
    c.header('cache-control', 'private, no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(answer, 200);
  });

  app.post('/screen/api/plays', async (c) => {
    const body = screenPlaysBatchSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) {
      const fields = body.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(body)',
        message: issue.message,
      }));
      return problem(c, 400, 'validation_failed', 'body must be { plays: [...] }', fields);
    }
    const screen = c.get('screen');
    for (const play of body.data.plays) await outbox.append(playReport(storeId, screen, play));
    metrics.plays.inc(body.data.plays.length);
    logger.debug({ screenId: screen.id, plays: body.data.plays.length }, 'proofs of play kept');
    return c.json({ kept: body.data.plays.length }, 202);
  });

  app.all('/screen/api/*', (c) =>
    problem(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`),
  );

  if (playerDir) {
    const strip = (path: string) => path.replace(/^\/screen/, '');
    app.get('/screen', (c) => c.redirect('/screen/'));
    app.use('/screen/*', serveStatic({ root: playerDir, rewriteRequestPath: strip }));
    app.get('/screen/*', serveStatic({ root: playerDir, path: 'index.html' }));
  }
  return app;
}

export type ScreenRoutes = ReturnType<typeof createScreenRoutes>;
