import { type ProfileSyncPage, profileSyncPageSchema } from '@vitrine/shared';

export type FeedFailure =
  | 'unreachable'
  | 'timeout'
  | 'server_error'
  | 'refused'
  | 'invalid_response';

export type FeedFetch =
  | { ok: true; page: ProfileSyncPage }
  | { ok: false; reason: FeedFailure; detail: string };

export interface ProfileFeed {
  fetchPage(since: string, limit: number): Promise<FeedFetch>;
}

export interface ProfileFeedClientOptions {
  baseUrl: string;
  /** The edge's device token, bound to its store. */
  token: string;
  storeId: string;
  /** A page of a snapshot is larger than a lookup: a longer timeout than the lookup's. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** `GET /v1/stores/{storeId}/sync/profiles`, every answer parsed with the shared schema. */
export function createProfileFeedClient({
  baseUrl,
  token,
  storeId,
  timeoutMs = 15_000,
  fetch = globalThis.fetch,
}: ProfileFeedClientOptions): ProfileFeed {
  return {
    async fetchPage(since, limit) {
      const url = new URL(`/v1/stores/${encodeURIComponent(storeId)}/sync/profiles`, baseUrl);
      url.searchParams.set('since', since);
      url.searchParams.set('limit', String(limit));
      let body: unknown;
      try {
        const response = await fetch(url, {
          headers: { accept: 'application/json', authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status >= 500) {
          return { ok: false, reason: 'server_error', detail: `HTTP ${response.status}` };
        }
        if (!response.ok) {
          return { ok: false, reason: 'refused', detail: `HTTP ${response.status}` };
        }
        body = await response.json();
      } catch (error) {
        if (error instanceof DOMException && error.name === 'TimeoutError') {
          return { ok: false, reason: 'timeout', detail: `no page within ${timeoutMs} ms` };
        }
        if (error instanceof SyntaxError) {
          return { ok: false, reason: 'invalid_response', detail: 'body is not JSON' };
        }
        return {
          ok: false,
          reason: 'unreachable',
          detail: error instanceof Error ? error.message : String(error),
        };
      }
      const parsed = profileSyncPageSchema.safeParse(body);
      if (!parsed.success) {
        return { ok: false, reason: 'invalid_response', detail: parsed.error.message };
      }
      return { ok: true, page: parsed.data };
    },
  };
}
