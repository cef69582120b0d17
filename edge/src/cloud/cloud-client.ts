import {
  type CustomerProfile,
  type CustomerRegistration,
  type CustomerSearchResult,
  customerProfileSchema,
  customerSearchResultSchema,
  type DuplicateCustomerProblem,
  duplicateCustomerProblemSchema,
  ERROR_CODES,
  type LoginRequest,
  type LoginResponse,
  loginResponseSchema,
  type ProblemBody,
  type Store,
  storeSchema,
} from '@vitrine/shared';
import { z } from 'zod';

/** Why the cloud did not give a usable answer. */
export type CloudFailure =
  | 'unreachable'
  | 'timeout'
  | 'server_error'
  | 'refused'
  | 'invalid_response';

export type ProfileLookup =
  | { outcome: 'found'; profile: CustomerProfile }
  | { outcome: 'not_found' }
  | { outcome: 'failed'; reason: CloudFailure; detail: string };

export type LoginResult =
  | { outcome: 'ok'; login: LoginResponse }
  /** The cloud answered with an error of its own (bad credentials, bad body): passed on. */
  | { outcome: 'rejected'; status: number; problem: ProblemBody }
  | { outcome: 'failed'; reason: CloudFailure; detail: string };

export type StoreLookup =
  | { outcome: 'found'; store: Store }
  | { outcome: 'failed'; reason: CloudFailure | 'not_found'; detail: string };

export type CustomerSearchOutcome =
  | { outcome: 'ok'; result: CustomerSearchResult }
  | { outcome: 'rejected'; status: number; problem: ProblemBody }
  | { outcome: 'failed'; reason: CloudFailure; detail: string };

export type RegistrationResult =
  | { outcome: 'created'; profile: CustomerProfile }
  /** A customer of the organisation looks like this one: nothing was created. */
  | { outcome: 'duplicate'; problem: DuplicateCustomerProblem }
  | { outcome: 'rejected'; status: number; problem: ProblemBody }
  | { outcome: 'failed'; reason: CloudFailure; detail: string };

export interface CloudClient {
  fetchProfile(customerId: string): Promise<ProfileLookup>;
  fetchStore(storeId: string): Promise<StoreLookup>;
  login(request: LoginRequest): Promise<LoginResult>;
  /** The organisation-wide client search, as the store's edge device. */
  searchCustomers(storeId: string, q: string): Promise<CustomerSearchOutcome>;
  /** Registers a client in the store on behalf of the associate whose token is given. */
  registerCustomer(
    storeId: string,
    registration: CustomerRegistration,
    associateToken: string,
  ): Promise<RegistrationResult>;
}

export interface CloudClientOptions {
  baseUrl: string;
  /** The edge's device token, bound to its store. */
  token: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

const problemBodySchema = z.object({
  error: z
    .object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .loose(),
});

type Fetched =
  | { ok: true; response: Response; body: unknown }
  | { ok: false; reason: CloudFailure; detail: string };

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * An associate signing in waits at the screen, and the cloud checks a password hash made
 * slow on purpose: the login gets this long, not the lookup deadline of an arrival.
 */
const LOGIN_TIMEOUT_MS = 5000;
/** An associate waits at the search box, or at the registration form: seconds, not 800 ms. */
const SEARCH_TIMEOUT_MS = 3000;
const REGISTRATION_TIMEOUT_MS = 5000;

/** The cloud API as the edge uses it: every answer parsed with the shared schemas. */
export function createCloudClient({
  baseUrl,
  token,
  timeoutMs = 800,
  fetch = globalThis.fetch,
}: CloudClientOptions): CloudClient {
  async function call(
    path: string,
    init: RequestInit = {},
    deadlineMs: number = timeoutMs,
  ): Promise<Fetched> {
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        ...init,
        headers: { accept: 'application/json', ...init.headers },
        signal: AbortSignal.timeout(deadlineMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return timedOut
        ? { ok: false, reason: 'timeout', detail: `no answer within ${deadlineMs} ms` }
        : { ok: false, reason: 'unreachable', detail: describe(error) };
    }
    let body: unknown = null;
    try {
      const text = await response.text();
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        return { ok: false, reason: 'timeout', detail: `body not read within ${deadlineMs} ms` };
      }
      if (response.ok) return { ok: false, reason: 'invalid_response', detail: 'body is not JSON' };
    }
    if (response.status >= 500) {
      return { ok: false, reason: 'server_error', detail: `HTTP ${response.status}` };
    }
    return { ok: true, response, body };
  }

  const authorised = { authorization: `Bearer ${token}` };

  /** A 4xx with a problem body the cloud gave: passed on as is. */
  function rejection(response: Response, body: unknown) {
    const problem = problemBodySchema.safeParse(body);
    if (!problem.success) {
      return {
        outcome: 'failed' as const,
        reason: 'invalid_response' as const,
        detail: `HTTP ${response.status}`,
      };
    }
    return { outcome: 'rejected' as const, status: response.status, problem: problem.data };
  }

  return {
    async fetchProfile(customerId) {
      const result = await call(`/v1/customers/${encodeURIComponent(customerId)}/profile`, {
        headers: authorised,
      });
      if (!result.ok) return { outcome: 'failed', reason: result.reason, detail: result.detail };
      const { response, body } = result;
      if (response.status === 404) return { outcome: 'not_found' };
      if (!response.ok) {
        return { outcome: 'failed', reason: 'refused', detail: `HTTP ${response.status}` };
      }
      const parsed = customerProfileSchema.safeParse(body);
      if (!parsed.success) {
        return { outcome: 'failed', reason: 'invalid_response', detail: parsed.error.message };
      }
      return { outcome: 'found', profile: parsed.data };
    },

    async fetchStore(storeId) {
      const result = await call(`/v1/stores/${encodeURIComponent(storeId)}`, {
        headers: authorised,
      });
      if (!result.ok) return { outcome: 'failed', reason: result.reason, detail: result.detail };
      const { response, body } = result;
      if (response.status === 404)
        return { outcome: 'failed', reason: 'not_found', detail: storeId };
      if (!response.ok) {
        return { outcome: 'failed', reason: 'refused', detail: `HTTP ${response.status}` };
      }
      const parsed = storeSchema.safeParse(body);
      if (!parsed.success) {
        return { outcome: 'failed', reason: 'invalid_response', detail: parsed.error.message };
      }
      return { outcome: 'found', store: parsed.data };
    },

    async searchCustomers(storeId, q) {
      const path = `/v1/stores/${encodeURIComponent(storeId)}/customers/search?q=${encodeURIComponent(q)}`;
      const result = await call(
        path,
        { headers: authorised },
        Math.max(timeoutMs, SEARCH_TIMEOUT_MS),
      );
      if (!result.ok) return { outcome: 'failed', reason: result.reason, detail: result.detail };
      const { response, body } = result;
      if (!response.ok) return rejection(response, body);
      const parsed = customerSearchResultSchema.safeParse(body);
      if (!parsed.success) {
        return { outcome: 'failed', reason: 'invalid_response', detail: parsed.error.message };
      }
      return { outcome: 'ok', result: parsed.data };
    },

    async registerCustomer(storeId, registration, associateToken) {
      const result = await call(
        `/v1/stores/${encodeURIComponent(storeId)}/customers`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${associateToken}`,
          },
          body: JSON.stringify(registration),
        },
        Math.max(timeoutMs, REGISTRATION_TIMEOUT_MS),
      );
      if (!result.ok) return { outcome: 'failed', reason: result.reason, detail: result.detail };
      const { response, body } = result;
      if (response.status === 409) {
        const duplicate = duplicateCustomerProblemSchema.safeParse(body);
        if (duplicate.success) return { outcome: 'duplicate', problem: duplicate.data };
      }
      if (!response.ok) return rejection(response, body);
      const parsed = customerProfileSchema.safeParse(body);
      if (!parsed.success) {
        return { outcome: 'failed', reason: 'invalid_response', detail: parsed.error.message };
      }
      return { outcome: 'created', profile: parsed.data };
    },

    async login(request) {
      const result = await call(
        '/v1/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
        },
        Math.max(timeoutMs, LOGIN_TIMEOUT_MS),
      );
      if (!result.ok) return { outcome: 'failed', reason: result.reason, detail: result.detail };
      const { response, body } = result;
      if (!response.ok) {
        const problem = problemBodySchema.safeParse(body);
        if (!problem.success) {
          return {
            outcome: 'failed',
            reason: 'invalid_response',
            detail: `HTTP ${response.status}`,
          };
        }
        return { outcome: 'rejected', status: response.status, problem: problem.data };
      }
      const parsed = loginResponseSchema.safeParse(body);
      if (!parsed.success) {
        return { outcome: 'failed', reason: 'invalid_response', detail: parsed.error.message };
      }
      return { outcome: 'ok', login: parsed.data };
    },
  };
}
