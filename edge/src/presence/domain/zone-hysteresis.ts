import type { DeviceState, ZoneScores } from './device-state.ts';
import type { ZoneExitReason } from './presence-types.ts';

export interface HysteresisOptions {
  enterThresholdDbm: number;
  exitThresholdDbm: number;
  ambiguityMarginDb: number;
  switchMarginDb: number;
  minSwitchMs: number;
  enterConfirmMs: number;
}

/** What the device's zone should do now: nothing, leave (and maybe enter another), or enter. */
export type ZoneDecision =
  | { kind: 'stay' }
  | { kind: 'leave'; reason: ZoneExitReason; enter: number }
  | { kind: 'enter'; zone: number };

const STAY: ZoneDecision = Object.freeze({ kind: 'stay' });

/**
 * The hysteresis. Inside a zone: leave when its signal falls below the exit threshold;
 * switch only to a zone that beats it by a margin for a minimum time. Outside any zone:
 * enter the best zone only when it clears the enter threshold and beats the runner-up by
 * the ambiguity margin for a moment, else stay unknown. Keeps the pending candidate on the
 * device; everything else comes in as arguments.
 */
export function decideZone(
  device: DeviceState,
  scores: ZoneScores,
  currentScore: number,
  { currentDark, blockedDark }: { currentDark: boolean; blockedDark: boolean },
  now: number,
  options: HysteresisOptions,
): ZoneDecision {
  const { best, bestScore, secondScore } = scores;
  const clear = bestScore - secondScore >= options.ambiguityMarginDb;
  if (device.zone >= 0) {
    if (currentDark) return { kind: 'leave', reason: 'receivers-offline', enter: -1 };
    const wins = best !== device.zone && bestScore >= options.enterThresholdDbm;
    if (currentScore < options.exitThresholdDbm) {
      return { kind: 'leave', reason: wins ? 'moved' : 'faded', enter: wins && clear ? best : -1 };
    }
    if (!wins || bestScore - currentScore < options.switchMarginDb) {
      device.candidate = -1;
      return STAY;
    }
    if (device.candidate !== best) {
      device.candidate = best;
      device.candidateSince = now;
      return STAY;
    }
    if (now - device.candidateSince < options.minSwitchMs) return STAY;
    return { kind: 'leave', reason: 'moved', enter: best };
  }
  // Right after a zone lost its receivers, only strong evidence may name another zone.
  const needed = blockedDark
    ? options.enterThresholdDbm + options.switchMarginDb
    : options.enterThresholdDbm;
  if (best < 0 || bestScore < needed || !clear) {
    device.candidate = -1;
    return STAY;
  }
  if (device.candidate !== best) {
    device.candidate = best;
    device.candidateSince = now;
  }
  return now - device.candidateSince >= options.enterConfirmMs
    ? { kind: 'enter', zone: best }
    : STAY;
}
