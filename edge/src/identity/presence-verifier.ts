import type { IdentityRejection, PassAndProof } from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import { createAppKeyCache } from './domain/app-key-cache.ts';
import { importKeySet, type KeySet } from './domain/key-set.ts';
import { createRateLimiter, type RateLimiterOptions } from './domain/rate-limiter.ts';
import { createReplayCache } from './domain/replay-cache.ts';
import { createVerifiedPassCache } from './domain/verified-pass-cache.ts';
import { type LateWindow, type PresenceVerdict, verifyPresence } from './domain/verify-presence.ts';
import type { IdentityState } from './identity-file.ts';
import type { IdentityMetrics } from './identity-metrics.ts';

/** Where a pass and proof came from, for the counters and the log. */
export type PresenceSource =
  | 'check-in'
  | 'kiosk-scan'
  | 'associate-scan'
  | 'content-scan'
  | 'offer-opened'
  | 'ranging';

export interface PresenceVerifierOptions {
  storeId: string;
  /** The organisation of this edge, when known: passes of another one are refused. */
  organisationId?: string | undefined;
  metrics: IdentityMetrics;
  logger: Logger;
  now?: () => number;
  /** Time steps of clock difference tolerated between a phone and the edge. */
  skewSteps?: number;
  rateLimit?: RateLimiterOptions;
  /**
   * Ranging reports come about once a second from every phone in the store: they have a
   * bucket of their own, so that ranging neither trips nor spends the check-in limit.
   */
  rangingRateLimit?: RateLimiterOptions;
  /**
   * The window in which a check-in's proof past its time is still taken, as late (the edge
   * was down while the broker held it); null when there is none. Check-ins only.
   */
  lateCheckIns?: () => LateWindow | null;
}

export interface PresenceVerifier {
  /** Verifies offline; a refusal is counted by reason and logged. */
  verify(presented: PassAndProof, source: PresenceSource): Promise<PresenceVerdict>;
  /** Counts and logs a refusal found before verification (an unreadable loyalty QR). */
  refuse(reason: IdentityRejection, detail: string, source: PresenceSource): void;
  /** Takes a new key set and revocation list (from the cloud, or from disk at start). */
  load(state: IdentityState): Promise<void>;
  readonly keyCount: number;
}

/**
 * The edge's verifier with its state: the organisation's keys, the passes the cloud
 * revoked, the nonces already used, a token bucket per pass, and the passes already
 * verified. Verification itself is the pure `verifyPresence`.
 */
export function createPresenceVerifier({
  storeId,
  organisationId,
  metrics,
  logger,
  now = Date.now,
  skewSteps = 1,
  rateLimit = {},
  rangingRateLimit = { burst: 10, perMinute: 120 },
  lateCheckIns = () => null,
}: PresenceVerifierOptions): PresenceVerifier {
  let keys: KeySet = new Map();
  // Pass id → when the pass expires: an expired pass is refused anyway, so it can go.
  let revoked = new Map<string, number>();
  const replay = createReplayCache();
  const rateLimiter = createRateLimiter(rateLimit);
  const rangingRateLimiter = createRateLimiter(rangingRateLimit);
  const passCache = createVerifiedPassCache();
  const appKeys = createAppKeyCache();

  function refused(
    reason: IdentityRejection,
    detail: string,
    source: PresenceSource,
    passId?: string,
  ) {
    metrics.rejected.inc({ reason });
    logger.warn({ reason, detail, source, passId }, 'pass or proof refused');
  }

  return {
    async verify({ pass, proof }, source) {
      const verdict = await verifyPresence({
        pass,
        proof,
        storeId,
        organisationId,
        now: now(),
        keys,
        revoked,
        replay,
        rateLimiter: source === 'ranging' ? rangingRateLimiter : rateLimiter,
        passCache,
        appKeys,
        skewSteps,
        lateWindow: source === 'check-in' ? lateCheckIns() : null,
      });
      if (verdict.ok) metrics.verified.inc({ source });
      else refused(verdict.reason, verdict.detail, source, verdict.passId);
      return verdict;
    },
    refuse(reason, detail, source) {
      refused(reason, detail, source);
    },
    async load(state) {
      keys = await importKeySet(state.jwks);
      const at = now();
      revoked = new Map(
        state.revocations
          .map((revocation) => [revocation.passId, Date.parse(revocation.passExpiresAt)] as const)
          .filter(([, expiresAt]) => expiresAt > at),
      );
      metrics.publishedKeys.set(keys.size);
      metrics.revokedPasses.set(revoked.size);
    },
    get keyCount() {
      return keys.size;
    },
  };
}
