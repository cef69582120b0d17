import {
  CUSTOMER_SEARCH_LIMIT,
  type CustomerProfile,
  classifyCustomerQuery,
  customerIdSchema,
  customerRegistrationSchema,
  customerSearchQuerySchema,
  type EdgeCustomerCard,
  type EdgeCustomerSearch,
  type ProblemBody,
  toSearchCard,
} from '@vitrine/shared';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { CloudClient, CloudFailure } from '../cloud/cloud-client.ts';
import type { Logger } from '../observability/logger.ts';
import type { TokenVerifier } from '../realtime/token-verifier.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';
import { type AssociateVariables, requireAssociate } from './associate-auth.ts';
import { problem } from './problem.ts';

export interface CustomerRoutesOptions {
  storeId: string;
  verifier: TokenVerifier;
  cloud: Pick<CloudClient, 'searchCustomers' | 'fetchProfile' | 'registerCustomer'>;
  /**
   * The profiles this edge holds: the search and the card while the cloud is away; a
   * client registered here is kept among them at once.
   */
  profiles: Pick<LocalProfileStore, 'search' | 'get' | 'putFetched'>;
  logger: Logger;
  /** Ms since the epoch: when a registered client's hold here starts. */
  now?: () => number;
}

type Env = { Variables: AssociateVariables };

function fieldsOf(error: z.ZodError): NonNullable<ProblemBody['error']['fields']> {
  return error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
}

function invalid(c: Context, fields: NonNullable<ProblemBody['error']['fields']>) {
  return problem(
    c,
    400,
    'validation_failed',
    `invalid ${fields.map((field) => field.path).join(', ')}`,
    fields,
  );
}

/** A 4xx the cloud answered is the caller's to see; anything else is the cloud's fault. */
function passedOn(status: number): ContentfulStatusCode {
  return status >= 400 && status < 500 ? (status as ContentfulStatusCode) : 502;
}

const unreachable = (reason: CloudFailure) => reason === 'unreachable' || reason === 'timeout';

/**
 * The associate's client desk on the edge: find a client (the cloud's organisation-wide
 * search, or this store's own profiles when the cloud is away, said so), open the customer
 * card, register a new client (the cloud decides, duplicates included).
 */
export function createCustomerRoutes({
  storeId,
  verifier,
  cloud,
  profiles,
  logger,
  now = Date.now,
}: CustomerRoutesOptions) {
  const api = new Hono<Env>();
  api.use('/customers', requireAssociate(verifier, storeId));
  api.use('/customers/*', requireAssociate(verifier, storeId));

  api.get('/customers', async (c) => {
    const request = customerSearchQuerySchema.safeParse({ q: c.req.query('q') ?? '' });
    if (!request.success) return invalid(c, fieldsOf(request.error));
    const { q } = request.data;
    const answer = await cloud.searchCustomers(storeId, q);
    if (answer.outcome === 'ok') {
      const body: EdgeCustomerSearch = { ...answer.result, source: 'cloud' };
      return c.json(body);
    }
    if (answer.outcome === 'rejected') return c.json(answer.problem, passedOn(answer.status));
    logger.warn({ reason: answer.reason, detail: answer.detail }, 'customer search: local only');
    const query = classifyCustomerQuery(q);
    const found = await profiles.search(query, CUSTOMER_SEARCH_LIMIT);
    const body: EdgeCustomerSearch = {
      items: found.map(toSearchCard),
      matchedOn: query.kind,
      source: 'local',
    };
    return c.json(body);
  });

  api.get('/customers/:customerId', async (c) => {
    const id = customerIdSchema.safeParse(c.req.param('customerId'));
    if (!id.success) {
      return invalid(c, [{ path: 'customerId', message: id.error.issues[0]?.message ?? '' }]);
    }
    const customerId = id.data;
    const [lookup, held] = await Promise.all([
      cloud.fetchProfile(customerId),
      profiles.get(customerId),
    ]);
    if (lookup.outcome === 'found') {
      // The cloud's view is the freshest; the invitations come with the store's sync.
      const profile: CustomerProfile =
        lookup.profile.invitations === undefined && held?.profile.invitations !== undefined
          ? { ...lookup.profile, invitations: held.profile.invitations }
          : lookup.profile;
      const body: EdgeCustomerCard = { profile, source: 'cloud' };
      return c.json(body);
    }
    if (lookup.outcome === 'not_found') {
      return problem(c, 404, 'not_found', `no customer ${customerId}`);
    }
    if (held !== null) {
      const body: EdgeCustomerCard = { profile: held.profile, source: 'local' };
      return c.json(body);
    }
    logger.warn({ reason: lookup.reason, detail: lookup.detail }, 'customer card: cloud failed');
    return problem(
      c,
      502,
      'cloud_unreachable',
      `the cloud cannot be reached and this store holds no profile of ${customerId}`,
    );
  });

  api.post('/customers', async (c) => {
    const body: unknown = await c.req.json().catch(() => null);
    const registration = customerRegistrationSchema.safeParse(body);
    if (!registration.success) return invalid(c, fieldsOf(registration.error));
    // The associate registers the client: the cloud sees their own token, not the edge's.
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const result = await cloud.registerCustomer(storeId, registration.data, token);
    if (result.outcome === 'created') {
      // Served by this store even if the cloud goes away before the next sync brings them.
      await profiles.putFetched(result.profile, now()).catch((error: unknown) => {
        logger.warn({ err: error, customerId: result.profile.id }, 'registration: not kept here');
      });
      return c.json(result.profile, 201);
    }
    if (result.outcome === 'duplicate') return c.json(result.problem, 409);
    if (result.outcome === 'rejected') return c.json(result.problem, passedOn(result.status));
    logger.warn({ reason: result.reason, detail: result.detail }, 'registration: cloud failed');
    return unreachable(result.reason)
      ? problem(
          c,
          502,
          'cloud_unreachable',
          'registering a client needs the cloud; try again shortly',
        )
      : problem(c, 502, 'cloud_error', 'the cloud answered unexpectedly');
  });

  return api;
}
