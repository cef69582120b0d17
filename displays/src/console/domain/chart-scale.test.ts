import { describe, expect, it } from 'vitest';
import { niceScale, pathOf, plotPoints } from './chart-scale.ts';

describe('a chart scale', () => {
  it('rounds the top up to a step that reads well', () => {
    expect(niceScale(10)).toEqual({ top: 10, ticks: [0, 2.5, 5, 7.5, 10] });
    expect(niceScale(73)).toEqual({ top: 80, ticks: [0, 20, 40, 60, 80] });
    expect(niceScale(0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('still draws an axis when every value is zero', () => {
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] });
  });

  it('places values bottom-up across the width, and joins them in order', () => {
    const points = plotPoints([0, 5, 10], { width: 100, height: 50, top: 10 });
    expect(points).toEqual([
      { x: 0, y: 50 },
      { x: 50, y: 25 },
      { x: 100, y: 0 },
    ]);
    expect(pathOf(points)).toBe('M0.0,50.0 L50.0,25.0 L100.0,0.0');
  });
});
