/**
 * "Send 100": how the sampled walks spread over the endpoints against the exact probabilities the
 * rules give (d3 scales, drawn as SVG by React).
 */
import { scaleBand, scaleLinear } from 'd3';
import type { Trace } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import type { Samples } from '../../store/trace-store.ts';

const W = 440;
const ROW = 34;
const LEFT = 150;

export function DistributionChart({ trace, samples }: { trace: Trace; samples: Samples }) {
  const t = useT();
  const keys = [
    ...new Set([
      ...trace.distribution.map((d) => d.endpoint ?? d.verdict),
      ...samples.counts.keys(),
    ]),
  ];
  const expected = new Map(trace.distribution.map((d) => [d.endpoint ?? d.verdict, d.probability]));
  const height = keys.length * ROW + 24;
  const y = scaleBand<string>()
    .domain(keys)
    .range([0, keys.length * ROW])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, 1])
    .range([0, W - LEFT - 60]);
  return (
    <figure className="trace-chart" data-testid="trace-chart">
      <figcaption>{t('trace.chartCaption', { total: samples.total })}</figcaption>
      <svg width={W} height={height} role="img" aria-label={t('trace.chartLabel')}>
        {keys.map((k) => {
          const top = y(k) ?? 0;
          const band = y.bandwidth();
          const sampled = (samples.counts.get(k) ?? 0) / samples.total;
          const exact = expected.get(k) ?? 0;
          return (
            <g key={k} transform={`translate(0,${top})`}>
              <text x={LEFT - 8} y={band / 2} dy="0.35em" textAnchor="end" className="chart-label">
                {k === 'delivered' || k === 'refused' || k === 'dropped'
                  ? t(`trace.verdict.${k}`)
                  : k}
              </text>
              <rect x={LEFT} y={0} width={x(sampled)} height={band} className="chart-sampled" />
              <rect x={LEFT} y={0} width={x(exact)} height={band} className="chart-expected" />
              <text
                x={LEFT + x(Math.max(sampled, exact)) + 6}
                y={band / 2}
                dy="0.35em"
                className="chart-value"
              >
                {Math.round(sampled * samples.total)} · {(exact * 100).toFixed(1)}%
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
