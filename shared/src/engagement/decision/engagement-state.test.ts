import { describe, expect, it } from 'vitest';
import {
  customerEngagement,
  emptyEngagementState,
  endVisit,
  engagedCustomers,
  LONGEST_LOOKBACK_MS,
  mergeBudgetCounts,
  pruneEngagementState,
  recordDeliveries,
  shardOf,
  startVisit,
} from './engagement-state.ts';

const T0 = Date.parse('2026-11-20T11:00:00Z');
const DAY = 86_400_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const delivered = (customerId: string, at: number, ...campaignIds: string[]) => ({
  customerId,
  at,
  campaigns: campaignIds.map((campaignId) => ({ campaignId, keep: 2 })),
});

describe('engagement state', () => {
  it('opens a visit once and keeps it open on a second store enter', () => {
    const open = startVisit(emptyEngagementState(), 'cus_a', T0);
    expect(startVisit(open, 'cus_a', T0 + 60_000)).toBe(open);
    expect(customerEngagement(open, 'cus_a').visit).toEqual({
      startedAt: T0,
      delivered: {},
      count: 0,
    });
  });

  it('records deliveries in the visit, the history and the budget, changing nothing given', () => {
    const before = deepFreeze(startVisit(emptyEngagementState(), 'cus_a', T0));
    const after = recordDeliveries(before, delivered('cus_a', T0 + 1000, 'cmp_x', 'cmp_y'));
    expect(customerEngagement(after, 'cus_a')).toEqual({
      visit: { startedAt: T0, delivered: { cmp_x: 1, cmp_y: 1 }, count: 2 },
      campaigns: {
        cmp_x: { total: 1, recent: [T0 + 1000] },
        cmp_y: { total: 1, recent: [T0 + 1000] },
      },
    });
    expect(after.budgets).toEqual({ cmp_x: 1, cmp_y: 1 });
    expect(customerEngagement(before, 'cus_a').visit?.count).toBe(0);
  });

  it('opens the visit with the first delivery when no store enter was seen', () => {
    const after = recordDeliveries(emptyEngagementState(), delivered('cus_a', T0, 'cmp_x'));
    expect(customerEngagement(after, 'cus_a').visit).toEqual({
      startedAt: T0,
      delivered: { cmp_x: 1 },
      count: 1,
    });
  });

  it('remembers only as many delivery instants as the caps read', () => {
    let state = emptyEngagementState();
    for (let i = 0; i < 5; i++)
      state = recordDeliveries(state, delivered('cus_a', T0 + i, 'cmp_x'));
    expect(customerEngagement(state, 'cus_a').campaigns.cmp_x).toEqual({
      total: 5,
      recent: [T0 + 3, T0 + 4],
    });
  });

  it('resets per-visit counts on store exit and keeps the campaign history', () => {
    const state = recordDeliveries(
      startVisit(emptyEngagementState(), 'cus_a', T0),
      delivered('cus_a', T0, 'cmp_x'),
    );
    const left = endVisit(state, 'cus_a');
    expect(customerEngagement(left, 'cus_a')).toEqual({
      visit: null,
      campaigns: { cmp_x: { total: 1, recent: [T0] } },
    });
    expect(endVisit(startVisit(emptyEngagementState(), 'cus_b', T0), 'cus_b').customers).toEqual(
      {},
    );
  });

  it('takes the cloud budget count when it is higher than the edge count', () => {
    const state = recordDeliveries(
      emptyEngagementState(),
      delivered('cus_a', T0, 'cmp_x', 'cmp_y'),
    );
    expect(mergeBudgetCounts(state, { cmp_x: 40, cmp_y: 0 }).budgets).toEqual({
      cmp_x: 40,
      cmp_y: 1,
    });
  });

  it('prunes old instants, campaigns that left the catalogue, stale visits and empty customers', () => {
    let state = emptyEngagementState();
    state = recordDeliveries(state, delivered('cus_old', T0 - 40 * DAY, 'cmp_gone'));
    state = recordDeliveries(state, delivered('cus_a', T0 - 40 * DAY, 'cmp_x'));
    state = endVisit(state, 'cus_a');
    state = recordDeliveries(state, delivered('cus_a', T0 - DAY, 'cmp_x'));
    const pruned = pruneEngagementState(state, { now: T0, liveCampaignIds: new Set(['cmp_x']) });
    expect([...engagedCustomers(pruned)]).toEqual([
      ['cus_a', { visit: null, campaigns: { cmp_x: { total: 2, recent: [T0 - DAY] } } }],
    ]);
    expect(pruned.budgets).toEqual({ cmp_x: 2 });
    expect(LONGEST_LOOKBACK_MS).toBe(30 * DAY);
  });

  it('spreads customers over shards, so that an update leaves the other shards as they were', () => {
    let state = emptyEngagementState();
    for (let i = 0; i < 1000; i++) state = startVisit(state, `cus_${i}`, T0);
    expect(Object.keys(state.customers).length).toBeGreaterThan(200);
    const next = recordDeliveries(state, delivered('cus_7', T0, 'cmp_x'));
    const changed = Object.keys(next.customers).filter(
      (key) => next.customers[key] !== state.customers[key],
    );
    expect(changed).toEqual([shardOf('cus_7')]);
    expect([...engagedCustomers(next)]).toHaveLength(1000);
  });

  it('survives a JSON round trip unchanged', () => {
    const state = recordDeliveries(
      startVisit(emptyEngagementState(), 'cus_a', T0),
      delivered('cus_a', T0, 'cmp_x'),
    );
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
