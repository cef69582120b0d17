import { describe, expect, it } from 'vitest';
import { createRecentArrivals } from './recent-arrivals.ts';

describe('recent arrivals', () => {
  it('remembers an announcement for the given window only', () => {
    const arrivals = createRecentArrivals();
    arrivals.note('cus_000001', 1_000);
    expect(arrivals.announcedWithin('cus_000001', 60_000, 30_000)).toBe(true);
    expect(arrivals.announcedWithin('cus_000001', 60_000, 61_000)).toBe(false);
    expect(arrivals.announcedWithin('cus_000002', 60_000, 30_000)).toBe(false);
  });

  it('forgets the customers announced longest ago first when full', () => {
    const arrivals = createRecentArrivals(2);
    arrivals.note('cus_000001', 0);
    arrivals.note('cus_000002', 1);
    arrivals.note('cus_000001', 2);
    arrivals.note('cus_000003', 3);
    expect(arrivals.announcedWithin('cus_000002', 60_000, 10)).toBe(false);
    expect(arrivals.announcedWithin('cus_000001', 60_000, 10)).toBe(true);
  });
});
