import {
  type CustomerProfile,
  customerProfileSchema,
  deviceTokenResponseSchema,
  healthSchema,
  type LayoutScreensOutcome,
  type LoginResponse,
  layoutScreensOutcomeSchema,
  loginResponseSchema,
  pageSchema,
  type Store,
  type StoreLayout,
  storeSchema,
} from '@vitrine/shared';
import { z } from 'zod';

const storeListSchema = z.object({ items: z.array(storeSchema) });

/** A small typed client of the cloud API for the demo launcher and operator scripts. */
export interface CloudAdmin {
  login(email: string, password: string): Promise<LoginResponse>;
  stores(token: string): Promise<Store[]>;
  issueDeviceToken(token: string, storeId: string): Promise<string>;
  storeCustomers(token: string, storeId: string, limit: number): Promise<CustomerProfile[]>;
  /** Registers the screens of a store's layout file (PUT /v1/stores/{id}/layout). */
  registerLayout(token: string, layout: StoreLayout): Promise<LayoutScreensOutcome>;
}

export class CloudRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T extends z.ZodType>(
  baseUrl: string,
  path: string,
  schema: T,
  init: RequestInit = {},
): Promise<z.infer<T>> {
  const response = await fetch(new URL(path, baseUrl), init);
  const text = await response.text();
  if (!response.ok) {
    throw new CloudRequestError(
      `${init.method ?? 'GET'} ${path}: ${response.status} ${text}`,
      response.status,
    );
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${path}: unexpected response: ${parsed.error.message}`);
  }
  return parsed.data;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function createCloudAdmin(baseUrl: string): CloudAdmin {
  return {
    login: (email, password) =>
      call(baseUrl, '/v1/auth/login', loginResponseSchema, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }),
    stores: async (token) =>
      (await call(baseUrl, '/v1/stores', storeListSchema, { headers: bearer(token) })).items,
    issueDeviceToken: async (token, storeId) =>
      (
        await call(baseUrl, `/v1/stores/${storeId}/device-tokens`, deviceTokenResponseSchema, {
          method: 'POST',
          headers: { ...bearer(token), 'content-type': 'application/json' },
          body: JSON.stringify({ name: `edge ${storeId}` }),
        })
      ).token,
    registerLayout: (token, layout) =>
      call(baseUrl, `/v1/stores/${layout.store.id}/layout`, layoutScreensOutcomeSchema, {
        method: 'PUT',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify(layout),
      }),
    storeCustomers: async (token, storeId, limit) =>
      (
        await call(
          baseUrl,
          `/v1/stores/${storeId}/customers?limit=${limit}`,
          pageSchema(customerProfileSchema),
          { headers: bearer(token) },
        )
      ).items,
  };
}

/** Resolves once `url` answers a health check, or rejects after `timeoutMs`. */
export async function waitForHealthy(url: string, { timeoutMs = 120_000, intervalMs = 250 } = {}) {
  const deadline = performance.now() + timeoutMs;
  let lastError = 'no answer';
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        healthSchema.loose().safeParse(await response.json());
        return;
      }
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms: ${lastError}`);
}
