import { niceScale } from '../../domain/chart-scale.ts';
import { PALETTE } from './line-chart.tsx';

const WIDTH = 560;
const ROW = 26;
const LABEL = 150;

export interface BarChartProps {
  title: string;
  unit: string;
  bars: { label: string; value: number }[];
}

/** Horizontal bars, one per label, in SVG. */
export function BarChart({ title, unit, bars }: BarChartProps) {
  const { top } = niceScale(Math.max(0, ...bars.map((bar) => bar.value)));
  const plotWidth = WIDTH - LABEL - 60;
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <figure class="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {bars.map((bar, index) => {
          const width = (bar.value / top) * plotWidth;
          const y = index * ROW;
          return (
            <g key={bar.label} class="bar">
              <text x={LABEL - 8} y={y + ROW / 2} dy="0.32em" text-anchor="end">
                {bar.label}
              </text>
              <rect
                x={LABEL}
                y={y + 4}
                width={Math.max(1, width)}
                height={ROW - 8}
                fill={PALETTE[0]}
              />
              <text x={LABEL + width + 6} y={y + ROW / 2} dy="0.32em">
                {bar.value} {unit}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
