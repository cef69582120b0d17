import { createRoute, z } from '@hono/zod-openapi';
import { ConflictError, NotFoundError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { allowRoles, authenticate } from './auth-middleware.ts';
import type { KeyRing } from './signing-keys.ts';
import type { TokenService } from './token-service.ts';

export interface KeyRoutesOptions {
  keys: KeyRing;
  tokens: TokenService;
}

const keyStateSchema = z
  .object({
    /** The key that signs tokens and passes from now on. */
    signingKid: z.string(),
    /** Every key published in /.well-known/jwks.json. */
    publishedKids: z.array(z.string()),
  })
  .openapi('SigningKeyState');

/** Rotation of the organisation's signing keys (admin). */
export function createKeyRoutes({ keys, tokens }: KeyRoutesOptions) {
  const router = createRouter();
  const state = () => ({
    signingKid: keys.kid,
    publishedKids: keys.jwks.keys.map((key) => key.kid),
  });

  const rotateRoute = createRoute({
    method: 'post',
    path: '/v1/auth/keys/rotate',
    tags: ['auth'],
    summary: 'Add a new signing key; the previous ones stay published until retired (admin)',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin')] as const,
    responses: {
      200: { description: 'The keys after rotation', content: json(keyStateSchema) },
      401: problemResponses[401],
      403: problemResponses[403],
    },
  });

  const retireRoute = createRoute({
    method: 'post',
    path: '/v1/auth/keys/{kid}/retire',
    tags: ['auth'],
    summary: 'Stop publishing an old key: tokens and passes it signed stop verifying (admin)',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin')] as const,
    request: { params: z.object({ kid: z.string().min(1).max(128) }) },
    responses: {
      200: { description: 'The keys after retirement', content: json(keyStateSchema) },
      409: {
        description: 'The key still signs: rotate first',
        content: problemResponses[404].content,
      },
      ...problemResponses,
    },
  });

  router.openapi(rotateRoute, async (c) => {
    await keys.rotate();
    return c.json(state(), 200);
  });

  router.openapi(retireRoute, async (c) => {
    const { kid } = c.req.valid('param');
    const outcome = await keys.retire(kid);
    if (outcome === 'unknown') throw new NotFoundError(`no published key ${kid}`);
    if (outcome === 'signing') throw new ConflictError(`${kid} still signs; rotate first`);
    return c.json(state(), 200);
  });

  return router;
}
