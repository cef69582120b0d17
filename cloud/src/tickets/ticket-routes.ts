import { createRoute, z } from '@hono/zod-openapi';
import {
  issuedTicketSchema,
  signedCodeResponseSchema,
  ticketIdSchema,
  ticketIssueRequestSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { SigningKeys } from '../auth/signing-keys.ts';
import type { TokenService } from '../auth/token-service.ts';
import { qrImageContent } from '../content-codes/content-code-routes.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { qrFormatQuerySchema } from '../qr/qr-image.ts';
import { qrResponse } from '../qr/qr-response.ts';
import { signTicket } from './ticket-issuer.ts';
import { asIssuedTicket, type StoredTicket, type TicketRepository } from './ticket-repository.ts';

export interface TicketRoutesOptions {
  tickets: TicketRepository;
  tokens: TokenService;
  keys: SigningKeys;
  now: () => Date;
}
const ticketParams = z.object({ ticketId: ticketIdSchema });

/**
 * Event tickets: issued by the office for one customer, one event and one store's door,
 * signed once and kept, shown as a QR code, and revoked through the store's feed.
 */
export function createTicketRoutes({ tickets, tokens, keys, now }: TicketRoutesOptions) {
  const router = createRouter();

  const issueRoute = createRoute({
    method: 'post',
    path: '/v1/tickets',
    tags: ['tickets'],
    summary: 'Issue a ticket to an in-store event: a signed QR code for one customer',
    description:
      'Admins and marketers. The ticket admits `admits` people (1–10) at the store between `validFrom` and `validUntil`; its code (`VT1:…`) is verified offline by the store’s edge.',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { body: { required: true, content: json(ticketIssueRequestSchema) } },
    responses: {
      201: { description: 'The ticket and its code', content: json(issuedTicketSchema) },
      ...problemResponses,
    },
  });
  const getRoute = createRoute({
    method: 'get',
    path: '/v1/tickets/{ticketId}',
    tags: ['tickets'],
    summary: 'A ticket, with its code and whether it was revoked',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: ticketParams },
    responses: {
      200: { description: 'The ticket', content: json(issuedTicketSchema) },
      ...problemResponses,
    },
  });
  const codeRoute = createRoute({
    method: 'get',
    path: '/v1/tickets/{ticketId}/code',
    tags: ['tickets'],
    summary: "A ticket's signed code (`VT1:…`); 409 once revoked",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: ticketParams },
    responses: {
      200: { description: 'The signed code', content: json(signedCodeResponseSchema) },
      ...problemResponses,
    },
  });
  const qrRoute = createRoute({
    method: 'get',
    path: '/v1/tickets/{ticketId}/qr',
    tags: ['tickets'],
    summary: "A ticket's QR code, SVG (default) or PNG; 409 once revoked",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: ticketParams, query: qrFormatQuerySchema },
    responses: {
      200: { description: 'The QR code image', content: qrImageContent },
      ...problemResponses,
    },
  });
  const revokeRoute = createRoute({
    method: 'post',
    path: '/v1/tickets/{ticketId}/revoke',
    tags: ['tickets'],
    summary: "Revoke a ticket; the store's edge refuses it from its next sync",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: ticketParams },
    responses: {
      200: { description: 'The revoked ticket', content: json(issuedTicketSchema) },
      ...problemResponses,
    },
  });

  async function ticketOf(org: string, ticketId: string): Promise<StoredTicket> {
    const ticket = await tickets.find(org, ticketId);
    if (ticket === null) throw new NotFoundError(`no ticket ${ticketId}`);
    return ticket;
  }

  async function liveCode(org: string, ticketId: string): Promise<string> {
    const ticket = await ticketOf(org, ticketId);
    if (ticket.revokedAt !== null) throw new ConflictError(`${ticketId} is revoked`);
    return ticket.code;
  }

  router.openapi(issueRoute, async (c) => {
    const caller = c.get('claims');
    const request = c.req.valid('json');
    const [customerKnown, storeKnown] = await Promise.all([
      tickets.customerExists(caller.org, request.customerId),
      tickets.storeExists(caller.org, request.storeId),
    ]);
    const issuedAt = now();
    const validFrom = new Date(request.validFrom);
    const validUntil = new Date(request.validUntil);
    const problems = [
      ...(customerKnown
        ? []
        : [{ path: 'customerId', message: `no customer ${request.customerId}` }]),
      ...(storeKnown ? [] : [{ path: 'storeId', message: `no store ${request.storeId}` }]),
      ...(validUntil > issuedAt ? [] : [{ path: 'validUntil', message: 'must be in the future' }]),
    ];
    if (problems.length > 0) throw new ValidationError(problems);
    const ticket = await signTicket(keys, {
      organisationId: caller.org,
      eventId: request.eventId,
      customerId: request.customerId,
      storeId: request.storeId,
      admits: request.admits,
      validFrom,
      validUntil,
      issuedBy: caller.sub,
      issuedAt,
    });
    await tickets.insert(ticket);
    return c.json(asIssuedTicket(ticket), 201);
  });

  router.openapi(getRoute, async (c) => {
    const { ticketId } = c.req.valid('param');
    return c.json(asIssuedTicket(await ticketOf(c.get('claims').org, ticketId)), 200);
  });

  router.openapi(codeRoute, async (c) => {
    const { ticketId } = c.req.valid('param');
    return c.json({ code: await liveCode(c.get('claims').org, ticketId) }, 200);
  });

  router.openapi(qrRoute, async (c) => {
    const { ticketId } = c.req.valid('param');
    const { format } = c.req.valid('query');
    return qrResponse(c, await liveCode(c.get('claims').org, ticketId), format);
  });

  router.openapi(revokeRoute, async (c) => {
    const { ticketId } = c.req.valid('param');
    const ticket = await ticketOf(c.get('claims').org, ticketId);
    return c.json(asIssuedTicket(await tickets.revoke(ticket, now())), 200);
  });

  return router;
}
