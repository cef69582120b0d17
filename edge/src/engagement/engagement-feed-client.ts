import {
  type BudgetCounts,
  budgetCountsSchema,
  type EngagementFeed,
  engagementFeedSchema,
} from '@vitrine/shared';

export type FeedFetch =
  | { outcome: 'ok'; feed: EngagementFeed }
  | { outcome: 'failed'; reason: string };

export type BudgetFetch =
  | { outcome: 'ok'; counts: BudgetCounts }
  | { outcome: 'failed'; reason: string };

export interface EngagementFeedClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * The store's engagement feed (`GET /v1/stores/{store}/sync/engagement`), parsed; any
 * failure is a reason, never a throw.
 */
export function createEngagementFeedClient(options: EngagementFeedClientOptions) {
  const { baseUrl, token, timeoutMs = 5000, fetch = globalThis.fetch } = options;

  async function getJson(
    path: string,
  ): Promise<{ ok: true; body: unknown } | { ok: false; reason: string }> {
    try {
      const response = await fetch(new URL(path, baseUrl), {
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return { ok: false, reason: `http_${response.status}` };
      return { ok: true, body: await response.json() };
    } catch (error) {
      return {
        ok: false,
        reason: error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network',
      };
    }
  }

  return {
    async fetchFeed(storeId: string): Promise<FeedFetch> {
      const fetched = await getJson(`/v1/stores/${encodeURIComponent(storeId)}/sync/engagement`);
      if (!fetched.ok) return { outcome: 'failed', reason: fetched.reason };
      const feed = engagementFeedSchema.safeParse(fetched.body);
      return feed.success
        ? { outcome: 'ok', feed: feed.data }
        : { outcome: 'failed', reason: 'invalid_feed' };
    },
    /** The organisation's delivery counts of the store's budgeted campaigns. */
    async fetchBudgets(storeId: string): Promise<BudgetFetch> {
      const fetched = await getJson(`/v1/stores/${encodeURIComponent(storeId)}/sync/budgets`);
      if (!fetched.ok) return { outcome: 'failed', reason: fetched.reason };
      const counts = budgetCountsSchema.safeParse(fetched.body);
      return counts.success
        ? { outcome: 'ok', counts: counts.data }
        : { outcome: 'failed', reason: 'invalid_budgets' };
    },
  };
}

export type EngagementFeedClient = ReturnType<typeof createEngagementFeedClient>;
