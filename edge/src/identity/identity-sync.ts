import {
  type OrganisationJwks,
  organisationJwksSchema,
  revocationFeedSchema,
  ticketRevocationFeedSchema,
} from '@vitrine/shared';
import type { z } from 'zod';
import type { Logger } from '../observability/logger.ts';
import { periodicTask } from '../sync/periodic-task.ts';
import { EMPTY_IDENTITY_STATE, type IdentityFile, type IdentityState } from './identity-file.ts';
import type { IdentityMetrics } from './identity-metrics.ts';
import type { PresenceVerifier } from './presence-verifier.ts';

export interface IdentitySyncOptions {
  cloudUrl: string;
  /** The edge's device token. */
  token: string;
  storeId: string;
  file: IdentityFile;
  verifier: Pick<PresenceVerifier, 'load'>;
  /** Also given every state the pass verifier takes: the signed QR code verifier. */
  codeVerifier?: Pick<PresenceVerifier, 'load'>;
  metrics: IdentityMetrics;
  logger: Logger;
  intervalMs?: number;
  timeoutMs?: number;
  /** Pages of the revocation feed read per round at most. */
  maxPages?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
}

export interface IdentitySync {
  /** Loads the state kept on disk, then tries the cloud once, then keeps syncing. */
  start(): Promise<void>;
  /** One round with the cloud; true when every feed answered. */
  syncNow(): Promise<boolean>;
  /** When every feed last answered in one round (epoch ms); null since start. */
  lastSyncedAt(): number | null;
  /** No more rounds; resolves once a round under way is over. */
  stop(): Promise<void>;
}

type Fetched<T> = { ok: true; value: T } | { ok: false; detail: string };

/** A feed read by watermark: revoked passes, revoked tickets. */
type FeedSchema = z.ZodType<{ items: unknown[]; watermark: number; hasMore: boolean }>;

/**
 * Keeps the edge's key set and revocation lists in step with the cloud (the JWKS, and the
 * feeds of revoked passes and of this store's revoked tickets, by watermark) and on disk,
 * so that a restarted edge with no cloud still verifies with what it last knew.
 */
export function createIdentitySync({
  cloudUrl,
  token,
  storeId,
  file,
  verifier,
  codeVerifier,
  metrics,
  logger,
  intervalMs = 60_000,
  timeoutMs = 2000,
  maxPages = 20,
  fetch = globalThis.fetch,
  now = Date.now,
}: IdentitySyncOptions): IdentitySync {
  let state: IdentityState = EMPTY_IDENTITY_STATE;

  async function load(loaded: IdentityState): Promise<void> {
    await verifier.load(loaded);
    await codeVerifier?.load(loaded);
  }

  async function get<T extends z.ZodType>(path: string, schema: T): Promise<Fetched<z.infer<T>>> {
    try {
      const response = await fetch(new URL(path, cloudUrl), {
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return { ok: false, detail: `HTTP ${response.status}` };
      const parsed = schema.safeParse(await response.json());
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, detail: parsed.error.message };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async function feedAfter<T extends FeedSchema>(
    feed: string,
    schema: T,
    watermark: number,
  ): Promise<Fetched<{ items: z.infer<T>['items']; watermark: number }>> {
    const items: z.infer<T>['items'] = [];
    let since = watermark;
    for (let page = 0; page < maxPages; page++) {
      const answer = await get(
        `/v1/stores/${encodeURIComponent(storeId)}/sync/${feed}?since=${since}`,
        schema,
      );
      if (!answer.ok) return page === 0 ? answer : { ok: true, value: { items, watermark: since } };
      items.push(...answer.value.items);
      since = answer.value.watermark;
      if (!answer.value.hasMore) break;
    }
    return { ok: true, value: { items, watermark: since } };
  }

  async function round(): Promise<boolean> {
    const [jwks, revocations, tickets] = await Promise.all([
      get('/.well-known/jwks.json', organisationJwksSchema),
      feedAfter('revocations', revocationFeedSchema, state.watermark),
      feedAfter('ticket-revocations', ticketRevocationFeedSchema, state.ticketWatermark),
    ]);
    const feeds = [
      ['keys', jwks],
      ['revocations', revocations],
      ['ticket-revocations', tickets],
    ] as const;
    for (const [feed, answer] of feeds) {
      metrics.syncs.inc({ feed, outcome: answer.ok ? 'ok' : 'failed' });
      if (!answer.ok) logger.warn({ feed, detail: answer.detail }, 'not refreshed from the cloud');
    }
    if (feeds.every(([, answer]) => !answer.ok)) return false;
    const at = now();
    // A revoked pass or ticket that has expired is refused as expired: no need to keep it.
    const known = new Map(state.revocations.map((item) => [item.passId, item]));
    if (revocations.ok) for (const item of revocations.value.items) known.set(item.passId, item);
    const knownTickets = new Map(state.ticketRevocations.map((item) => [item.ticketId, item]));
    if (tickets.ok) for (const item of tickets.value.items) knownTickets.set(item.ticketId, item);
    const next: IdentityState = {
      jwks: jwks.ok ? (jwks.value satisfies OrganisationJwks) : state.jwks,
      revocations: [...known.values()].filter((item) => Date.parse(item.passExpiresAt) > at),
      watermark: revocations.ok ? revocations.value.watermark : state.watermark,
      ticketRevocations: [...knownTickets.values()].filter(
        (item) => Date.parse(item.ticketExpiresAt) > at,
      ),
      ticketWatermark: tickets.ok ? tickets.value.watermark : state.ticketWatermark,
      syncedAt: new Date(at).toISOString(),
    };
    await file.write(next);
    await load(next);
    state = next;
    return feeds.every(([, answer]) => answer.ok);
  }

  let lastSyncedAt: number | null = null;
  const task = periodicTask(intervalMs, () =>
    round().then(
      (complete) => {
        if (complete) lastSyncedAt = now();
        return complete;
      },
      (error: unknown) => {
        logger.error({ err: error }, 'identity sync failed');
        return false;
      },
    ),
  );

  return {
    async start() {
      const stored = await file.read();
      if (stored.outcome === 'loaded') {
        state = stored.state;
        await load(state);
        logger.info(
          {
            keys: state.jwks.keys.length,
            revocations: state.revocations.length,
            ticketRevocations: state.ticketRevocations.length,
            syncedAt: state.syncedAt,
          },
          'identity state loaded from disk',
        );
      } else if (stored.outcome === 'invalid') {
        logger.error(
          { path: file.path, detail: stored.detail },
          'identity state on disk is unreadable; starting empty',
        );
      }
      await task.start();
    },
    syncNow: task.runNow,
    lastSyncedAt: () => lastSyncedAt,
    stop: task.stop,
  };
}
