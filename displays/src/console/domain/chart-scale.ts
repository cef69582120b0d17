/**
 * The scale of a chart's value axis: a round top at or above the largest value, and the
 * ticks that divide it, so that axes read 0, 5, 10, 15 rather than 0, 4.3, 8.6.
 */
export function niceScale(max: number, tickCount = 4): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const rough = max / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision: 0.1 + 0.2 must read 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let value = 0; value <= top + step / 2; value += step)
    ticks.push(Number(value.toFixed(digits)));
  return { top, ticks };
}

export interface Point {
  x: number;
  y: number;
}

/** The points of a series in a plot `width` × `height`, values from 0 (bottom) to `top`. */
export function plotPoints(
  values: number[],
  { width, height, top }: { width: number; height: number; top: number },
): Point[] {
  const stepX = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((value, index) => ({
    x: values.length > 1 ? index * stepX : width / 2,
    y: height - (Math.max(0, value) / top) * height,
  }));
}

/** An SVG path through the points, in order. */
export function pathOf(points: Point[]): string {
  return points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`)
    .join(' ');
}
