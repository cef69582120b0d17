import type { ArrivalClaim } from '@vitrine/shared';

/** The claim of each arrival as this tablet last heard it, by alert id. */
export type ClaimStates = ReadonlyMap<string, ArrivalClaim>;

/**
 * One `claim` event applied: the edge raises a claim's revision at every change, so a
 * copy older than (or as old as) the one held is a repeat or overtaken, and is ignored.
 * Returns the same map when nothing changed, so the page does not redraw for a repeat.
 */
export function applyClaim(states: ClaimStates, claim: ArrivalClaim): ClaimStates {
  const held = states.get(claim.alertId);
  if (held !== undefined && held.revision >= claim.revision) return states;
  return new Map(states).set(claim.alertId, claim);
}

/**
 * The full list the edge sends at each connect, applied claim by claim: after a
 * reconnect it brings every change missed, and a claim the edge has since forgotten
 * (its customer long gone) stays as it was last seen.
 */
export function applyClaimList(states: ClaimStates, claims: readonly ArrivalClaim[]): ClaimStates {
  return claims.reduce(applyClaim, states);
}
