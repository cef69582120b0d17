import { createRoute, z } from '@hono/zod-openapi';
import {
  consentRecordSchema,
  consentSchema,
  customerIdSchema,
  customerProfileSchema,
  customerRegistrationSchema,
  type DuplicateCandidate,
  type DuplicateCustomerProblem,
  duplicateCustomerProblemSchema,
  newId,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate, sameStoreOnly } from '../auth/auth-middleware.ts';
import type { TokenService } from '../auth/token-service.ts';
import { ConflictError, NotFoundError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import type { CustomerRegistryRepository } from './customer-registry-repository.ts';
import type { CustomerRepository } from './customer-repository.ts';
import { normaliseEmail, normalisePhone } from './domain/contact-keys.ts';
import { viewProfileAs } from './domain/profile-view.ts';

export interface RegistrationRoutesOptions {
  registry: CustomerRegistryRepository;
  customers: CustomerRepository;
  stores: StoreRepository;
  tokens: TokenService;
  newCustomerId?: () => string;
  now?: () => Date;
}

/** 409 naming the look-alike customers by id and name only. */
export class DuplicateCustomerError extends ConflictError {
  constructor(readonly candidates: DuplicateCandidate[]) {
    super('a customer with this email or phone may already exist');
  }

  override toProblem(): DuplicateCustomerProblem {
    return { error: { code: 'conflict', message: this.message, candidates: this.candidates } };
  }
}
const customerParams = z.object({ customerId: customerIdSchema });

export function createRegistrationRoutes({
  registry,
  customers,
  stores,
  tokens,
  newCustomerId = () => newId('customer'),
  now = () => new Date(),
}: RegistrationRoutesOptions) {
  const router = createRouter();

  const registerRoute = createRoute({
    method: 'post',
    path: '/v1/stores/{storeId}/customers',
    tags: ['customers'],
    summary: 'Register a customer in store, with the consent they gave',
    description:
      'Refused with 409 when a customer of the organisation has the same email or phone after normalisation, or nearly (dots and +tags of an email, another prefix of the same number).',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'associate'), sameStoreOnly()] as const,
    request: {
      params: z.object({ storeId: storeIdSchema }),
      body: { content: json(customerRegistrationSchema), required: true },
    },
    responses: {
      201: { description: 'The new profile', content: json(customerProfileSchema) },
      409: { description: 'Possible duplicates', content: json(duplicateCustomerProblemSchema) },
      ...problemResponses,
    },
  });

  const consentRoute = createRoute({
    method: 'put',
    path: '/v1/customers/{customerId}/consent',
    tags: ['customers'],
    summary: "Record a customer's consent (every flag explicit); edges learn it at their next sync",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'associate')] as const,
    request: { params: customerParams, body: { content: json(consentSchema), required: true } },
    responses: {
      200: { description: 'The consent on record', content: json(consentRecordSchema) },
      ...problemResponses,
    },
  });

  const eraseRoute = createRoute({
    method: 'delete',
    path: '/v1/customers/{customerId}',
    tags: ['customers'],
    summary:
      'Erase a customer: profile, purchases and passes; every edge drops it at its next sync',
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin')] as const,
    request: { params: customerParams },
    responses: { 204: { description: 'Erased' }, ...problemResponses },
  });

  router.openapi(registerRoute, async (c) => {
    const claims = c.get('claims');
    const { storeId } = c.req.valid('param');
    const body = c.req.valid('json');
    const store = await stores.findStore(claims.org, storeId);
    if (store === null) throw new NotFoundError(`no store ${storeId}`);
    const id = newCustomerId();
    const result = await registry.register({
      id,
      organisationId: claims.org,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email === undefined ? null : normaliseEmail(body.email),
      phone: body.phone === undefined ? null : `+${normalisePhone(body.phone, store.country)}`,
      currency: store.currency,
      preferences: body.preferences,
      homeStoreId: storeId,
      birthMonth: body.birthMonth ?? null,
      consent: body.consent,
    });
    if (result.outcome === 'duplicate') throw new DuplicateCustomerError(result.candidates);
    const profile = await customers.findProfile(claims.org, id);
    if (profile === null) throw new NotFoundError(`no customer ${id}`);
    return c.json(viewProfileAs(claims.role, profile), 201);
  });

  router.openapi(consentRoute, async (c) => {
    const claims = c.get('claims');
    const { customerId } = c.req.valid('param');
    const consent = c.req.valid('json');
    if (!(await registry.updateConsent(claims.org, customerId, consent))) {
      throw new NotFoundError(`no customer ${customerId}`);
    }
    return c.json({ customerId, consent }, 200);
  });

  router.openapi(eraseRoute, async (c) => {
    const claims = c.get('claims');
    const { customerId } = c.req.valid('param');
    if (!(await registry.erase(claims.org, customerId, now()))) {
      throw new NotFoundError(`no customer ${customerId}`);
    }
    return c.body(null, 204);
  });

  return router;
}
