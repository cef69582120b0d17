import { createRoute, z } from '@hono/zod-openapi';
import {
  issuedPassSchema,
  passIdSchema,
  passIssueRequestSchema,
  passRevocationSchema,
  passRevokeRequestSchema,
  revocationFeedSchema,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { SigningKeys } from '../auth/signing-keys.ts';
import type { TokenService } from '../auth/token-service.ts';
import { ForbiddenError, NotFoundError } from '../errors/app-errors.ts';
import { json, watermarkFeedPage, watermarkFeedQuery } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { issuePass, PASS_TTL_SECONDS } from './pass-issuer.ts';
import type { PassRepository, StoredRevocation } from './pass-repository.ts';

export interface PassRoutesOptions {
  passes: PassRepository;
  tokens: TokenService;
  keys: SigningKeys;
  now: () => Date;
  passTtlSeconds?: number;
}

function asFeedItem(revocation: StoredRevocation): z.infer<typeof passRevocationSchema> {
  return passRevocationSchema.parse({
    passId: revocation.passId,
    revokedAt: revocation.revokedAt.toISOString(),
    reason: revocation.reason,
    passExpiresAt: revocation.passExpiresAt.toISOString(),
  });
}

export function createPassRoutes({
  passes,
  tokens,
  keys,
  now,
  passTtlSeconds = PASS_TTL_SECONDS,
}: PassRoutesOptions) {
  const router = createRouter();

  const issueRoute = createRoute({
    method: 'post',
    path: '/v1/passes',
    tags: ['passes'],
    summary:
      "Enrol a customer's app in store: a pass signed by the organisation, bound to the app key",
    description:
      "An associate of the customer's home store, or an admin. The pass is a compact JWS (ES256, `kid` of a key in /.well-known/jwks.json) carrying the customer reference, tier, consent flags, expiry and the app's public key (`cnf.jwk`).",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'associate')] as const,
    request: { body: { required: true, content: json(passIssueRequestSchema) } },
    responses: {
      201: { description: 'The signed pass', content: json(issuedPassSchema) },
      ...problemResponses,
    },
  });

  const revokeRoute = createRoute({
    method: 'post',
    path: '/v1/passes/{passId}/revoke',
    tags: ['passes'],
    summary: 'Revoke a pass (a lost phone, fraud); edges learn it from the revocation feed',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'associate')] as const,
    request: {
      params: z.object({ passId: passIdSchema }),
      body: { required: false, content: json(passRevokeRequestSchema) },
    },
    responses: {
      200: { description: 'The revocation', content: json(passRevocationSchema) },
      ...problemResponses,
    },
  });

  const feedRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/sync/revocations',
    tags: ['passes'],
    summary: "Revoked passes of the organisation after a watermark, for the store's edge",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('edge', 'admin'), sameStoreOnly()] as const,
    request: {
      params: z.object({ storeId: storeIdSchema }),
      query: watermarkFeedQuery,
    },
    responses: {
      200: { description: 'Revocations, oldest first', content: json(revocationFeedSchema) },
      ...problemResponses,
    },
  });

  router.openapi(issueRoute, async (c) => {
    const caller = c.get('claims');
    const { customerId, appPublicKey } = c.req.valid('json');
    const subject = await passes.findSubject(caller.org, customerId);
    if (subject === null) throw new NotFoundError(`no customer ${customerId}`);
    if (
      caller.role === 'associate' &&
      subject.homeStoreId !== null &&
      subject.homeStoreId !== caller.store
    ) {
      throw new ForbiddenError(
        `${customerId} is enrolled by their home store ${subject.homeStoreId}`,
      );
    }
    const issued = await issuePass(
      { passes, keys },
      {
        organisationId: caller.org,
        subject,
        appPublicKey,
        issuedBy: caller.sub,
        at: now(),
        ttlSeconds: passTtlSeconds,
      },
    );
    return c.json(issued, 201);
  });

  router.openapi(revokeRoute, async (c) => {
    const caller = c.get('claims');
    const { passId } = c.req.valid('param');
    // The body is optional: no body means reason "other".
    const body = passRevokeRequestSchema.safeParse(await c.req.json().catch(() => ({})));
    const reason = body.success ? body.data.reason : 'other';
    const pass = await passes.find(caller.org, passId);
    if (pass === null) throw new NotFoundError(`no pass ${passId}`);
    const revocation = await passes.revoke(pass, reason, now());
    return c.json(asFeedItem(revocation), 200);
  });

  router.openapi(feedRoute, async (c) => {
    const caller = c.get('claims');
    const { since, limit } = c.req.valid('query');
    const rows = await passes.revocationsSince(caller.org, since, limit);
    return c.json(watermarkFeedPage(rows, { since, limit }, asFeedItem), 200);
  });

  return router;
}
