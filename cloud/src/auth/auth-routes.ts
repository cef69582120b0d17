import { createRoute, z } from '@hono/zod-openapi';
import {
  deviceTokenResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  newId,
  storeIdSchema,
  type TokenClaims,
} from '@vitrine/shared';
import { NotFoundError, UnauthorizedError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { CloudMetrics } from '../observability/cloud-metrics.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import { allowRoles, authenticate, sameStoreOnly } from './auth-middleware.ts';
import type { Credential, CredentialRepository } from './credential-repository.ts';
import { createDecoyHash, verifyPassword } from './password.ts';
import type { SigningKeys } from './signing-keys.ts';
import {
  EDGE_TOKEN_TTL_SECONDS,
  PERSON_TOKEN_TTL_SECONDS,
  type TokenService,
} from './token-service.ts';

export interface AuthRoutesOptions {
  credentials: CredentialRepository;
  stores: StoreRepository;
  tokens: TokenService;
  keys: SigningKeys;
  metrics: CloudMetrics;
}

const jwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.literal('EC'),
        crv: z.literal('P-256'),
        x: z.string(),
        y: z.string(),
        kid: z.string(),
        alg: z.literal('ES256'),
        use: z.literal('sig'),
      }),
    ),
  })
  .openapi('JsonWebKeySet');

const loginRoute = createRoute({
  method: 'post',
  path: '/v1/auth/login',
  tags: ['auth'],
  summary: 'Log in an associate, an admin or a marketer with email and password',
  request: {
    body: { required: true, content: { 'application/json': { schema: loginRequestSchema } } },
  },
  responses: {
    200: {
      description: 'A bearer token valid 12 hours',
      content: { 'application/json': { schema: loginResponseSchema } },
    },
    400: problemResponses[400],
    401: problemResponses[401],
  },
});

const jwksRoute = createRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  tags: ['auth'],
  summary: 'The public keys (ES256) that verify every token the cloud signs',
  responses: {
    200: { description: 'JWK set', content: { 'application/json': { schema: jwksSchema } } },
  },
});

function claimsOf(credential: Credential): TokenClaims {
  const base = { sub: credential.id, org: credential.organisationId, name: credential.name };
  if (credential.role === 'associate' && credential.storeId !== null) {
    return { ...base, role: 'associate', store: credential.storeId };
  }
  if (credential.role === 'associate') {
    throw new UnauthorizedError('this associate is not attached to a store');
  }
  return { ...base, role: credential.role };
}

export function createAuthRoutes({
  credentials,
  stores,
  tokens,
  keys,
  metrics,
}: AuthRoutesOptions) {
  const router = createRouter();
  // Created on the first unknown email, then reused: see createDecoyHash.
  let decoyHash: Promise<string> | undefined;
  const decoy = () => {
    decoyHash ??= createDecoyHash();
    return decoyHash;
  };

  const deviceTokenRoute = createRoute({
    method: 'post',
    path: '/v1/stores/{storeId}/device-tokens',
    tags: ['auth'],
    summary: 'Issue a 30-day edge device token bound to one store (admin)',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin'), sameStoreOnly()] as const,
    request: { params: z.object({ storeId: storeIdSchema }) },
    responses: {
      200: {
        description: 'An edge token',
        content: { 'application/json': { schema: deviceTokenResponseSchema } },
      },
      ...problemResponses,
    },
  });

  router.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const credential = await credentials.findByEmail(email);
    const stored = credential?.passwordHash ?? (await decoy());
    const matches = await verifyPassword(password, stored);
    if (credential === null || !matches) {
      metrics.logins.inc({ outcome: 'bad_credentials' });
      throw new UnauthorizedError('wrong email or password');
    }
    const { token, expiresAt } = await tokens.issue(claimsOf(credential), PERSON_TOKEN_TTL_SECONDS);
    metrics.logins.inc({ outcome: 'success' });
    return c.json(
      {
        token,
        expiresAt: expiresAt.toISOString(),
        subject: {
          id: credential.id,
          name: credential.name,
          role: credential.role,
          organisationId: credential.organisationId,
          storeId: credential.storeId,
        },
      },
      200,
    );
  });

  router.openapi(jwksRoute, (c) => c.json(keys.jwks, 200));

  router.openapi(deviceTokenRoute, async (c) => {
    const claims = c.get('claims');
    const { storeId } = c.req.valid('param');
    const store = await stores.findStore(claims.org, storeId);
    if (store === null) throw new NotFoundError(`no store ${storeId}`);
    const { token, expiresAt } = await tokens.issue(
      {
        sub: newId('device'),
        org: claims.org,
        role: 'edge',
        store: store.id,
        name: `Edge ${store.name}`,
      },
      EDGE_TOKEN_TTL_SECONDS,
    );
    return c.json({ token, expiresAt: expiresAt.toISOString(), storeId: store.id }, 200);
  });

  return router;
}
