import { describe, expect, it } from 'vitest';
import { createRecentBuffer } from './recent-alerts.ts';

describe('recent buffer', () => {
  it('returns what was pushed, newest first', () => {
    const buffer = createRecentBuffer<number>(5);
    for (const n of [1, 2, 3]) buffer.push(n);
    expect(buffer.newestFirst()).toEqual([3, 2, 1]);
  });

  it('keeps only the last items once full', () => {
    const buffer = createRecentBuffer<number>(3);
    for (let n = 1; n <= 10; n++) buffer.push(n);
    expect(buffer.newestFirst()).toEqual([10, 9, 8]);
  });

  it('is empty before anything is pushed', () => {
    expect(createRecentBuffer<number>().newestFirst()).toEqual([]);
  });
});
