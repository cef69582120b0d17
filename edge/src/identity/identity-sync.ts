import {
  type OrganisationJwks,
  organisationJwksSchema,
  type PassRevocation,
  revocationFeedSchema,
} from '@vitrine/shared';
import type { z } from 'zod';
import type { Logger } from '../observability/logger.ts';
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
  /** One round with the cloud; true when both feeds answered. */
  syncNow(): Promise<boolean>;
  stop(): void;
}

type Fetched<T> = { ok: true; value: T } | { ok: false; detail: string };

/**
 * Keeps the edge's key set and revocation list in step with the cloud (the JWKS, and
 * the revocation feed by watermark) and on disk, so that a restarted edge with no cloud
 * still verifies with what it last knew.
 */
export function createIdentitySync({
  cloudUrl,
  token,
  storeId,
  file,
  verifier,
  metrics,
  logger,
  intervalMs = 60_000,
  timeoutMs = 2000,
  maxPages = 20,
  fetch = globalThis.fetch,
  now = Date.now,
}: IdentitySyncOptions): IdentitySync {
  let state: IdentityState = EMPTY_IDENTITY_STATE;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<boolean> | undefined;

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

  async function revocationsAfter(
    watermark: number,
  ): Promise<Fetched<{ items: PassRevocation[]; watermark: number }>> {
    const items: PassRevocation[] = [];
    let since = watermark;
    for (let page = 0; page < maxPages; page++) {
      const feed = await get(
        `/v1/stores/${encodeURIComponent(storeId)}/sync/revocations?since=${since}`,
        revocationFeedSchema,
      );
      if (!feed.ok) return page === 0 ? feed : { ok: true, value: { items, watermark: since } };
      items.push(...feed.value.items);
      since = feed.value.watermark;
      if (!feed.value.hasMore) break;
    }
    return { ok: true, value: { items, watermark: since } };
  }

  async function round(): Promise<boolean> {
    const [jwks, revocations] = await Promise.all([
      get('/.well-known/jwks.json', organisationJwksSchema),
      revocationsAfter(state.watermark),
    ]);
    metrics.syncs.inc({ feed: 'keys', outcome: jwks.ok ? 'ok' : 'failed' });
    metrics.syncs.inc({ feed: 'revocations', outcome: revocations.ok ? 'ok' : 'failed' });
    if (!jwks.ok) logger.warn({ detail: jwks.detail }, 'key set not refreshed from the cloud');
    if (!revocations.ok) {
      logger.warn({ detail: revocations.detail }, 'revocations not refreshed from the cloud');
    }
    if (!jwks.ok && !revocations.ok) return false;
    const at = now();
    const known = new Map(state.revocations.map((item) => [item.passId, item]));
    if (revocations.ok) for (const item of revocations.value.items) known.set(item.passId, item);
    const next: IdentityState = {
      jwks: jwks.ok ? (jwks.value satisfies OrganisationJwks) : state.jwks,
      // A revoked pass that has expired is refused as expired: no need to keep it.
      revocations: [...known.values()].filter((item) => Date.parse(item.passExpiresAt) > at),
      watermark: revocations.ok ? revocations.value.watermark : state.watermark,
      syncedAt: new Date(at).toISOString(),
    };
    await file.write(next);
    await verifier.load(next);
    state = next;
    return jwks.ok && revocations.ok;
  }

  function syncNow(): Promise<boolean> {
    running ??= round()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'identity sync failed');
        return false;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    async start() {
      const stored = await file.read();
      if (stored.outcome === 'loaded') {
        state = stored.state;
        await verifier.load(state);
        logger.info(
          {
            keys: state.jwks.keys.length,
            revocations: state.revocations.length,
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
      await syncNow();
      timer = setInterval(() => void syncNow(), intervalMs);
      timer.unref?.();
    },
    syncNow,
    stop() {
      clearInterval(timer);
    },
  };
}
