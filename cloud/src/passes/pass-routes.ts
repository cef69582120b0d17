import { createRoute, z } from '@hono/zod-openapi';
import {
  issuedPassSchema,
  newId,
  type PassClaims,
  passIdSchema,
  passIssueRequestSchema,
  passRevocationSchema,
  passRevokeRequestSchema,
  revocationFeedSchema,
  signPass,
  storeIdSchema,
  TOKEN_ISSUER,
} from '@vitrine/shared';
import { calculateJwkThumbprint } from 'jose';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { SigningKeys } from '../auth/signing-keys.ts';
import type { TokenService } from '../auth/token-service.ts';
import { ForbiddenError, NotFoundError } from '../errors/app-errors.ts';
import { json, watermarkFeedPage, watermarkFeedQuery } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { PassRepository, StoredRevocation } from './pass-repository.ts';

/** A pass lasts a year; a lost phone is handled by revocation, not by a short life. */
export const PASS_TTL_SECONDS = 365 * 24 * 60 * 60;

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
    const privateKey = keys.privateKey;
    if (privateKey instanceof Uint8Array) throw new Error('the signing key is not an EC key');
    const { kty, crv, x, y } = appPublicKey;
    const issuedAt = Math.floor(now().getTime() / 1000);
    const claims: PassClaims = {
      iss: TOKEN_ISSUER,
      aud: 'vitrine-pass',
      jti: newId('pass'),
      sub: subject.id,
      org: caller.org,
      tier: subject.tier,
      consent: subject.consent,
      iat: issuedAt,
      exp: issuedAt + passTtlSeconds,
      cnf: { jwk: { kty, crv, x, y } },
    };
    const kid = keys.kid;
    const pass = await signPass({ claims, privateKey, kid });
    await passes.insert({
      id: claims.jti,
      organisationId: caller.org,
      customerId: subject.id,
      appPublicJwk: { kty, crv, x, y },
      appKeyThumbprint: await calculateJwkThumbprint({ kty, crv, x, y }),
      kid,
      issuedBy: caller.sub,
      issuedAt: new Date(issuedAt * 1000),
      expiresAt: new Date(claims.exp * 1000),
    });
    return c.json(
      {
        passId: claims.jti,
        customerId: subject.id,
        pass,
        kid,
        issuedAt: new Date(issuedAt * 1000).toISOString(),
        expiresAt: new Date(claims.exp * 1000).toISOString(),
      },
      201,
    );
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
