import { type IngestEvent, ingestResponseSchema } from '@vitrine/shared';
import { z } from 'zod';
import { parseRetryAfter } from './domain/backoff.ts';
import type { UploadFailure } from './outbox-metrics.ts';

export type UploadResult =
  | { ok: true; accepted: string[]; duplicates: string[] }
  | {
      ok: false;
      reason: UploadFailure;
      detail: string;
      /** From `Retry-After` on 429 or 503; null when the cloud gave none. */
      retryAfterMs: number | null;
      /** On 400: the indexes of the records the cloud named as invalid. */
      rejectedIndexes: number[];
    };

export type SendBatch = (events: IngestEvent[], signal?: AbortSignal) => Promise<UploadResult>;

export interface IngestClientOptions {
  baseUrl: string;
  /** The edge's device token; the cloud stores the events under the token's store. */
  token: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
}

const problemFieldsSchema = z.object({
  error: z.object({ fields: z.array(z.object({ path: z.string() })).optional() }).loose(),
});

function failure(
  reason: UploadFailure,
  detail: string,
  extra: { retryAfterMs?: number | null; rejectedIndexes?: number[] } = {},
): UploadResult {
  return {
    ok: false,
    reason,
    detail,
    retryAfterMs: extra.retryAfterMs ?? null,
    rejectedIndexes: extra.rejectedIndexes ?? [],
  };
}

/** `POST /v1/ingest`: one batch, its answer parsed; every failure typed, never thrown. */
export function createIngestClient({
  baseUrl,
  token,
  timeoutMs = 15_000,
  fetch = globalThis.fetch,
  now = Date.now,
}: IngestClientOptions): SendBatch {
  const url = new URL('/v1/ingest', baseUrl).toString();
  return async (events, signal) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      if (timeout.aborted) return failure('timeout', `no answer within ${timeoutMs} ms`);
      return failure('unreachable', error instanceof Error ? error.message : String(error));
    }
    const status = response.status;
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      return failure('overloaded', `cloud answered ${status}`, { retryAfterMs });
    }
    if (status === 413) return failure('too_large', 'cloud refused the batch as too large');
    if (status === 401 || status === 403) return failure('refused', `cloud answered ${status}`);
    if (status === 400)
      return failure('rejected', text.slice(0, 500), {
        rejectedIndexes: rejectedIndexes(text),
      });
    if (status >= 500) return failure('server_error', `cloud answered ${status}`);
    if (status !== 200) return failure('invalid_response', `unexpected status ${status}`);
    const body = ingestResponseSchema.safeParse(safeJson(text));
    if (!body.success) return failure('invalid_response', body.error.message);
    // Acknowledging records the cloud did not mention would lose them.
    const answered = new Set([...body.data.accepted, ...body.data.duplicates]);
    const missing = events.filter((event) => !answered.has(event.key));
    if (missing.length > 0) {
      return failure('invalid_response', `cloud did not answer for ${missing.length} records`);
    }
    return { ok: true, accepted: body.data.accepted, duplicates: body.data.duplicates };
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `events.3.store` → 3: which records a 400 named. */
function rejectedIndexes(text: string): number[] {
  const problem = problemFieldsSchema.safeParse(safeJson(text));
  if (!problem.success) return [];
  const indexes = new Set<number>();
  for (const field of problem.data.error.fields ?? []) {
    const match = /^events\.(\d+)(\.|$)/.exec(field.path);
    if (match?.[1] !== undefined) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}
