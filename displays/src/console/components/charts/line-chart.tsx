import type { Series } from '../../domain/analytics-series.ts';
import { niceScale, pathOf, plotPoints } from '../../domain/chart-scale.ts';

const WIDTH = 560;
const HEIGHT = 200;
const MARGIN = { left: 40, right: 28, top: 10, bottom: 28 };
/** Distinct on a light background, in the order series are given. */
export const PALETTE = ['#8a6d1f', '#2f6f8f', '#a2443a', '#4f7a3a', '#6b4f8a', '#8a8a8a'];

export interface LineChartProps {
  title: string;
  /** The x axis: one label per value of every series. */
  labels: string[];
  series: Series[];
}

/** Lines over days, drawn in SVG with no library: a handful of paths and labels. */
export function LineChart({ title, labels, series }: LineChartProps) {
  const plot = {
    width: WIDTH - MARGIN.left - MARGIN.right,
    height: HEIGHT - MARGIN.top - MARGIN.bottom,
  };
  const { top, ticks } = niceScale(Math.max(0, ...series.flatMap((line) => line.values)));
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const xs = plotPoints(
    labels.map(() => 0),
    { ...plot, top },
  );
  return (
    <figure class="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {ticks.map((tick) => {
            const y = plot.height - (tick / top) * plot.height;
            return (
              <g key={tick} class="tick">
                <line x1={0} x2={plot.width} y1={y} y2={y} />
                <text x={-6} y={y} dy="0.32em" text-anchor="end">
                  {tick}
                </text>
              </g>
            );
          })}
          {labels.map((label, index) =>
            index % every === 0 ? (
              <text
                key={label}
                class="x-label"
                x={xs[index]?.x ?? 0}
                y={plot.height + 18}
                text-anchor="middle"
              >
                {label}
              </text>
            ) : null,
          )}
          {series.map((line, index) => (
            <path
              key={line.name}
              class="series"
              d={pathOf(plotPoints(line.values, { ...plot, top }))}
              stroke={PALETTE[index % PALETTE.length]}
              fill="none"
              stroke-width={2}
            />
          ))}
        </g>
      </svg>
      <Legend names={series.map((line) => line.name)} />
    </figure>
  );
}

export function Legend({ names }: { names: string[] }) {
  return (
    <ul class="legend">
      {names.map((name, index) => (
        <li key={name}>
          <span class="swatch" style={{ background: PALETTE[index % PALETTE.length] }} />
          {name}
        </li>
      ))}
    </ul>
  );
}
