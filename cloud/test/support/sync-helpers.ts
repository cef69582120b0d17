import { deviceTokenResponseSchema } from '@vitrine/shared';
import type { z } from 'zod';
import type { TestCloud } from './test-app.ts';

/** Calls the app in process and parses the answer with a shared schema. */
export function createCaller(cloud: TestCloud) {
  async function call(
    path: string,
    { token, method = 'GET', body }: { token?: string; method?: string; body?: unknown } = {},
  ) {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return cloud.app.request(path, {
      method,
      headers,
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }
  async function read<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new Error(`unexpected body: ${parsed.error.message}`);
    return parsed.data;
  }
  async function edgeToken(adminToken: string, storeId: string): Promise<string> {
    const response = await call(`/v1/stores/${storeId}/device-tokens`, {
      token: adminToken,
      method: 'POST',
    });
    return (await read(response, deviceTokenResponseSchema)).token;
  }
  return { call, read, edgeToken };
}
