import { PROOF_STEP_SECONDS, proofStep } from '@vitrine/shared';

/**
 * When the rotating loyalty QR must be drawn again: a proof is bound to one time step, so
 * the QR changes at each step boundary, and the countdown says how long the one shown lasts.
 */
export interface QrTiming {
  /** The time step the QR shown now is bound to. */
  step: number;
  /** Milliseconds until the next step begins. */
  msUntilNext: number;
  /** Whole seconds left, for the countdown (never 0 while the step lasts). */
  secondsLeft: number;
}

export function qrTiming(nowMs: number, stepSeconds = PROOF_STEP_SECONDS): QrTiming {
  const step = proofStep(nowMs, stepSeconds);
  const msUntilNext = (step + 1) * stepSeconds * 1000 - nowMs;
  return { step, msUntilNext, secondsLeft: Math.ceil(msUntilNext / 1000) };
}
