import { createRoute, z } from '@hono/zod-openapi';
import {
  storeIdSchema,
  type TicketRevocation,
  ticketRevocationFeedSchema,
  ticketRevocationSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { json, watermarkFeedPage, watermarkFeedQuery } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { StoredTicketRevocation, TicketRepository } from './ticket-repository.ts';

function asFeedItem(revocation: StoredTicketRevocation): TicketRevocation {
  return ticketRevocationSchema.parse({
    ticketId: revocation.ticketId,
    revokedAt: revocation.revokedAt.toISOString(),
    ticketExpiresAt: revocation.ticketExpiresAt.toISOString(),
  });
}

/** The store's revoked tickets for its edge, read by watermark beside the pass revocations. */
export function createTicketFeedRoutes({
  tickets,
  tokens,
}: {
  tickets: Pick<TicketRepository, 'revocationsSince' | 'storeExists'>;
  tokens: TokenService;
}) {
  const router = createRouter();
  const feedRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/sync/ticket-revocations',
    tags: ['tickets'],
    summary: "Revoked tickets of the store after a watermark, for the store's edge",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('edge', 'admin'), sameStoreOnly()] as const,
    request: {
      params: z.object({ storeId: storeIdSchema }),
      query: watermarkFeedQuery,
    },
    responses: {
      200: { description: 'Revocations, oldest first', content: json(ticketRevocationFeedSchema) },
      ...problemResponses,
    },
  });

  router.openapi(feedRoute, async (c) => {
    const { storeId } = c.req.valid('param');
    const { since, limit } = c.req.valid('query');
    if (!(await tickets.storeExists(c.get('claims').org, storeId))) {
      throw new NotFoundError(`no store ${storeId}`);
    }
    const rows = await tickets.revocationsSince(storeId, since, limit);
    return c.json(watermarkFeedPage(rows, { since, limit }, asFeedItem), 200);
  });
  return router;
}
