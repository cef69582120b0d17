import type { z } from 'zod';
import { type Problem, readProblem } from '../domain/problem.ts';

export type ApiResult<T> = { ok: true; data: T } | ({ ok: false } & Problem);

export interface CloudClientOptions {
  token: string;
  /** Told when the cloud refuses the token: the console goes back to its login. */
  onExpired: () => void;
  /** Same origin by default: the cloud serves the console and its API together. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export interface CloudClient {
  get<T extends z.ZodType>(path: string, schema: T): Promise<ApiResult<z.infer<T>>>;
  send<T extends z.ZodType>(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    body: unknown,
    schema: T,
  ): Promise<ApiResult<z.infer<T>>>;
  /** A file the cloud makes (a CSV export), fetched with the token a plain link cannot carry. */
  download(path: string): Promise<ApiResult<Blob>>;
}

const UNREACHABLE: Problem = {
  status: 0,
  message: 'The Vitrine cloud cannot be reached. Check the network.',
  fields: {},
};

/** The cloud's API with the marketer's token; every answer is parsed with its schema. */
export function createCloudClient({
  token,
  onExpired,
  baseUrl = '',
  fetch = globalThis.fetch,
}: CloudClientOptions): CloudClient {
  async function call<T extends z.ZodType>(
    path: string,
    init: RequestInit,
    schema: T,
  ): Promise<ApiResult<z.infer<T>>> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${token}` },
      });
    } catch {
      return { ok: false, ...UNREACHABLE };
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      if (response.status === 401) onExpired();
      return { ok: false, ...readProblem(response.status, body) };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      return {
        ok: false,
        status: response.status,
        message: `The cloud sent an unreadable answer to ${path}.`,
        fields: {},
      };
    }
    return { ok: true, data: parsed.data };
  }

  async function download(path: string): Promise<ApiResult<Blob>> {
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.ok) return { ok: true, data: await response.blob() };
      if (response.status === 401) onExpired();
      return {
        ok: false,
        ...readProblem(response.status, await response.json().catch(() => null)),
      };
    } catch {
      return { ok: false, ...UNREACHABLE };
    }
  }

  return {
    download,
    get: (path, schema) => call(path, {}, schema),
    send: (method, path, body, schema) =>
      call(
        path,
        { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
        schema,
      ),
  };
}
