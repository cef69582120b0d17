import {
  type StoreContentFeed,
  signedCodeResponseSchema,
  storeContentFeedSchema,
} from '@vitrine/shared';

export type ContentFeedFetch =
  | { outcome: 'changed'; feed: StoreContentFeed }
  | { outcome: 'unchanged' }
  | { outcome: 'failed'; reason: string };

export interface ContentFeedClientOptions {
  baseUrl: string;
  token: string;
  storeId: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * The store's screen content (`GET /v1/stores/{store}/sync/content`), asked with the
 * version the edge holds so that an unchanged feed costs a 304; a failure is a reason,
 * never a throw.
 */
export function createContentFeedClient(options: ContentFeedClientOptions) {
  const { baseUrl, token, storeId, timeoutMs = 5000, fetch = globalThis.fetch } = options;
  const url = new URL(`/v1/stores/${encodeURIComponent(storeId)}/sync/content`, baseUrl);

  return {
    async fetchFeed(heldVersion: string | null): Promise<ContentFeedFetch> {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${token}`,
            ...(heldVersion === null ? {} : { 'if-none-match': `"${heldVersion}"` }),
          },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        return { outcome: 'failed', reason: timedOut ? 'timeout' : 'network' };
      }
      if (response.status === 304) return { outcome: 'unchanged' };
      if (!response.ok) return { outcome: 'failed', reason: `http_${response.status}` };
      const feed = storeContentFeedSchema.safeParse(await response.json().catch(() => null));
      return feed.success
        ? { outcome: 'changed', feed: feed.data }
        : { outcome: 'failed', reason: 'invalid_feed' };
    },
    /** Tells the cloud the screen's player is alive (its health in the fleet view). */
    async reportSeen(screenId: string): Promise<boolean> {
      const path = `/v1/stores/${encodeURIComponent(storeId)}/screens/${encodeURIComponent(screenId)}/heartbeat`;
      try {
        const response = await fetch(new URL(path, baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: '{}',
          signal: AbortSignal.timeout(timeoutMs),
        });
        return response.ok;
      } catch {
        return false;
      }
    },
    /** A product's signed content code, for its card's QR; null when the cloud gives none. */
    async fetchProductCode(sku: string): Promise<string | null> {
      try {
        const response = await fetch(
          new URL(`/v1/products/${encodeURIComponent(sku)}/code`, baseUrl),
          {
            headers: { accept: 'application/json', authorization: `Bearer ${token}` },
            signal: AbortSignal.timeout(timeoutMs),
          },
        );
        if (!response.ok) return null;
        const body = signedCodeResponseSchema.safeParse(await response.json().catch(() => null));
        return body.success ? body.data.code : null;
      } catch {
        return null;
      }
    },
  };
}

export type ContentFeedClient = ReturnType<typeof createContentFeedClient>;
