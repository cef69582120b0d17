import { PROOF_STEP_SECONDS, proofStep } from '@vitrine/shared';
import type { LateWindow } from '../identity/domain/verify-presence.ts';
import type { Downtime } from './downtime-record.ts';

export interface LateCheckInPolicyOptions {
  /** The edge's downtime before this start; null on a first start. */
  downtime: Downtime | null;
  /**
   * For how long after the start a late check-in is still taken: a broker hands over what
   * it held as soon as the edge reconnects, so this bounds what an old proof can do.
   */
  graceMs?: number;
  /** A late arrival younger than this is still announced to the associates. */
  alertWithinMs?: number;
  skewSteps?: number;
  stepSeconds?: number;
}

export interface LateCheckInPolicy {
  /** The steps a check-in proof may carry and be taken as late, now; null when none. */
  window(now: number): LateWindow | null;
  /** Whether a late check-in made at `at` is still worth an arrival alert at `now`. */
  alertable(at: string, now: number): boolean;
}

/**
 * Which check-ins verified after their proof's time are still the customer's own act: a
 * proof signed while the edge was down (so never seen by it, and held by the broker),
 * verified soon after the edge came back. Such a check-in is a visit; announced only if
 * the customer may still be at the door. Anything else past its time stays stale, and a
 * late proof's nonce is remembered until the grace ends, so it counts once.
 */
export function createLateCheckInPolicy({
  downtime,
  graceMs = 5 * 60_000,
  alertWithinMs = 2 * 60_000,
  skewSteps = 1,
  stepSeconds = PROOF_STEP_SECONDS,
}: LateCheckInPolicyOptions): LateCheckInPolicy {
  const window: LateWindow | null = downtime && {
    fromStep: proofStep(downtime.lastAliveAt, stepSeconds) - skewSteps,
    toStep: proofStep(downtime.startedAt, stepSeconds) + skewSteps,
    rememberUntil: downtime.startedAt + graceMs,
  };
  return {
    window: (now) => (window !== null && now < window.rememberUntil ? window : null),
    alertable: (at, now) => now - Date.parse(at) <= alertWithinMs,
  };
}
