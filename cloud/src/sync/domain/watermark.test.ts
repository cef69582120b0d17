import { describe, expect, it } from 'vitest';
import { formatWatermark, parseWatermark } from './watermark.ts';

describe('watermark', () => {
  it('reads 0 as the start of a snapshot', () => {
    expect(parseWatermark('0')).toEqual({ phase: 'snapshot', sequence: 0, after: null });
  });

  it('reads a paged snapshot and a delta position', () => {
    expect(parseWatermark('17:cus_000042')).toEqual({
      phase: 'snapshot',
      sequence: 17,
      after: 'cus_000042',
    });
    expect(parseWatermark('17')).toEqual({ phase: 'delta', sequence: 17 });
  });

  it('round-trips every position', () => {
    for (const text of ['0', '5', '5:cus_000001']) {
      expect(formatWatermark(parseWatermark(text))).toBe(text);
    }
  });
});
