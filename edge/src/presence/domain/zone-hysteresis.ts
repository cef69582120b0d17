import type { DeviceState, ZoneScores } from './device-state.ts';
import type { ZoneExitReason } from './presence-types.ts';

export interface HysteresisOptions {
  enterThresholdDbm: number;
  exitThresholdDbm: number;
  ambiguityMarginDb: number;
  switchMarginDb: number;
  switchEvidenceDbS: number;
  minSwitchMs: number;
  enterConfirmMs: number;
  /** For this long after the first zone of a visit was named, a clearly better zone replaces it at once. */
  firstZoneGraceMs: number;
  /** Standard deviations of the estimates' difference a new zone must also win by. */
  confidence: number;
}

/** What the device's zone should do now: nothing, leave (and maybe enter another), or enter. */
export type ZoneDecision =
  | { kind: 'stay' }
  | { kind: 'leave'; reason: ZoneExitReason; enter: number }
  | { kind: 'enter'; zone: number };

const STAY: ZoneDecision = Object.freeze({ kind: 'stay' });

/**
 * The hysteresis. Inside a zone: leave when its signal falls below the exit threshold;
 * switch only to a zone that beats it by more than a margin, for a minimum time, and
 * long and far enough that the advantage beyond the margin adds up to the evidence needed. Outside any zone:
 * enter the best zone only when it clears the enter threshold and beats the runner-up by
 * the ambiguity margin for a moment, else stay unknown. Keeps the pending candidate on the
 * device; everything else comes in as arguments.
 */
export function decideZone(
  device: DeviceState,
  scores: ZoneScores,
  currentScore: number,
  /** The current zone has no receiver online / the zone left for that reason still has none. */
  dark: { current: boolean; blocked: boolean },
  now: number,
  options: HysteresisOptions,
  fromReading: boolean,
): ZoneDecision {
  const { best, bestScore, secondScore } = scores;
  // Two readings are not a fact: while the estimates are young their variance widens the margin.
  const doubt = options.confidence * Math.sqrt(scores.bestVariance + scores.secondVariance);
  const clear = bestScore - secondScore >= options.ambiguityMarginDb + doubt;
  if (device.zone >= 0) {
    if (dark.current) return { kind: 'leave', reason: 'receivers-offline', enter: -1 };
    const wins = best !== device.zone && bestScore >= options.enterThresholdDbm;
    // A faded zone is left at once, but the next one is entered only through the unknown
    // state's confirmation: a dip of the current zone must not be a shortcut past the margin.
    if (currentScore < options.exitThresholdDbm) {
      return { kind: 'leave', reason: wins ? 'moved' : 'faded', enter: -1 };
    }
    // The first zone of a visit was named on a few readings: while it is young, a zone ahead
    // by the ambiguity margin (as for a first entry) replaces it on a little evidence, at once.
    const provisional =
      device.zonesEntered === 1 && now - device.zoneSince < options.firstZoneGraceMs;
    const margin = provisional ? options.ambiguityMarginDb + doubt : options.switchMarginDb;
    const advantage = bestScore - currentScore - margin;
    if (!wins || advantage <= 0) {
      device.candidate = -1;
      return STAY;
    }
    if (device.candidate !== best) {
      device.candidate = best;
      device.candidateSince = now;
      device.evidence = 0;
      return STAY;
    }
    // Evidence accumulates as advantage × time: walking into a zone (a large advantage)
    // switches within a few seconds, standing on a boundary (a small one) rarely does.
    device.evidence += (advantage * Math.max(0, now - device.evaluatedAt)) / 1000;
    // A young first zone needs no more than a second reading that agrees.
    if (provisional) return fromReading ? { kind: 'leave', reason: 'moved', enter: best } : STAY;
    if (now - device.candidateSince < options.minSwitchMs) return STAY;
    if (device.evidence < options.switchEvidenceDbS) return STAY;
    return { kind: 'leave', reason: 'moved', enter: best };
  }
  // Right after a zone lost its receivers, only strong evidence may name another zone.
  const needed = dark.blocked
    ? options.enterThresholdDbm + options.switchMarginDb
    : options.enterThresholdDbm;
  if (best < 0 || bestScore < needed || !clear) {
    device.candidate = -1;
    return STAY;
  }
  // Only a new reading confirms: a tick with nothing new proves nothing.
  if (!fromReading) return STAY;
  if (device.candidate !== best) {
    device.candidate = best;
    device.candidateSince = now;
    return STAY;
  }
  // The first zone of a visit is named on the next reading that agrees (a wrong one is soon
  // replaced, above); later entries, from a zone left or faded, wait for the confirmation time.
  const firstZone = device.zonesEntered === 0 && options.firstZoneGraceMs > 0;
  if (!firstZone && now - device.candidateSince < options.enterConfirmMs) return STAY;
  return { kind: 'enter', zone: best };
}
