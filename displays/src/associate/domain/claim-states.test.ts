import type { ArrivalClaim } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { applyClaim, applyClaimList, type ClaimStates } from './claim-states.ts';

const aiko = { associateId: 'asc_aiko', name: 'Aiko Sato', at: '2026-11-23T05:02:00.000Z' };
const kenji = { associateId: 'asc_kenji', name: 'Kenji Mori', at: '2026-11-23T05:04:00.000Z' };

const claimOf = (change: Partial<ArrivalClaim> = {}): ArrivalClaim => ({
  alertId: 'alr_1',
  customerId: 'cus_000001',
  arrivedAt: '2026-11-23T05:00:00.000Z',
  acknowledged: null,
  claimedBy: null,
  outcomes: [],
  revision: 0,
  ...change,
});

const none: ClaimStates = new Map();

describe('applyClaim', () => {
  it('keeps each change of an arrival as it comes, in order', () => {
    const claimed = applyClaim(none, claimOf({ claimedBy: aiko, revision: 2 }));
    const taken = applyClaim(claimed, claimOf({ claimedBy: kenji, revision: 3 }));
    expect(taken.get('alr_1')?.claimedBy).toEqual(kenji);
  });

  it('ignores a copy older than the one held, as after a resync racing a live change', () => {
    const taken = applyClaim(none, claimOf({ claimedBy: kenji, revision: 3 }));
    const stale = applyClaim(taken, claimOf({ claimedBy: aiko, revision: 2 }));
    expect(stale.get('alr_1')?.claimedBy).toEqual(kenji);
  });

  it('returns the same map for a repeat, so nothing redraws', () => {
    const claimed = applyClaim(none, claimOf({ claimedBy: aiko, revision: 2 }));
    expect(applyClaim(claimed, claimOf({ claimedBy: aiko, revision: 2 }))).toBe(claimed);
  });

  it('keeps arrivals apart', () => {
    const one = applyClaim(none, claimOf({ claimedBy: aiko, revision: 1 }));
    const two = applyClaim(one, claimOf({ alertId: 'alr_2', revision: 0 }));
    expect([...two.keys()]).toEqual(['alr_1', 'alr_2']);
    expect(two.get('alr_1')?.claimedBy).toEqual(aiko);
  });
});

describe('applyClaimList', () => {
  it('brings the changes missed while away, and keeps a claim the edge no longer lists', () => {
    const before = applyClaimList(none, [
      claimOf({ claimedBy: aiko, revision: 1 }),
      claimOf({ alertId: 'alr_old', revision: 4 }),
    ]);
    const after = applyClaimList(before, [claimOf({ claimedBy: null, revision: 2 })]);
    expect(after.get('alr_1')?.claimedBy).toBeNull();
    expect(after.get('alr_old')?.revision).toBe(4);
  });

  it('is idempotent: the same list twice is the same state', () => {
    const list = [claimOf({ claimedBy: aiko, revision: 1 }), claimOf({ alertId: 'alr_2' })];
    const once = applyClaimList(none, list);
    expect(applyClaimList(once, list)).toBe(once);
  });
});
