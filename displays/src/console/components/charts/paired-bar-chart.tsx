import { niceScale } from '../../domain/chart-scale.ts';
import { PALETTE } from './line-chart.tsx';

const WIDTH = 560;
const ROW = 40;
const LABEL = 170;

export interface PairedBarChartProps {
  title: string;
  /** The two measures compared, in the order of each bar's values. */
  legend: [string, string];
  bars: { label: string; values: [number, number] }[];
}

/** Two horizontal bars per label (say, RSVP yes against attended), in SVG. */
export function PairedBarChart({ title, legend, bars }: PairedBarChartProps) {
  const { top } = niceScale(Math.max(0, ...bars.flatMap((bar) => bar.values)));
  const plotWidth = WIDTH - LABEL - 60;
  const height = Math.max(ROW, bars.length * ROW) + 20;
  return (
    <figure class="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {legend.map((name, index) => (
          <g key={name} class="legend">
            <rect x={LABEL + index * 150} y={2} width={10} height={10} fill={PALETTE[index]} />
            <text x={LABEL + index * 150 + 14} y={7} dy="0.32em">
              {name}
            </text>
          </g>
        ))}
        {bars.map((bar, row) => {
          const y = 20 + row * ROW;
          return (
            <g key={bar.label} class="bar-pair">
              <text x={LABEL - 8} y={y + ROW / 2} dy="0.32em" text-anchor="end">
                {bar.label}
              </text>
              {bar.values.map((value, index) => {
                const width = top === 0 ? 0 : (value / top) * plotWidth;
                const barY = y + 4 + index * ((ROW - 8) / 2);
                return (
                  <g key={legend[index]} class="bar" data-measure={legend[index]}>
                    <rect
                      x={LABEL}
                      y={barY}
                      width={Math.max(1, width)}
                      height={(ROW - 8) / 2 - 2}
                      fill={PALETTE[index]}
                    />
                    <text x={LABEL + width + 6} y={barY + (ROW - 8) / 4} dy="0.32em">
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
