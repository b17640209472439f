/**
 * What the Service → endpoint lines mean. The states differ by dash pattern, arrowhead and the
 * words on the line, so the key reads without colour.
 */
import { Panel } from '@xyflow/react';
import { useT } from '../../i18n/index.ts';

const ROWS = [
  { state: 'ready', words: 'topology.legendReady', dash: undefined, head: 'filled arrow' },
  {
    state: 'serving-terminating',
    words: 'topology.legendTerminating',
    dash: '8 5',
    head: 'open arrow',
  },
  { state: 'not-ready', words: 'topology.legendNotReady', dash: '2 4', head: 'no arrow' },
  { state: 'external', words: 'topology.legendExternal', dash: '12 3 2 3', head: 'filled arrow' },
] as const;

const STROKE: Record<(typeof ROWS)[number]['state'], string> = {
  ready: '#2f7d4f',
  'serving-terminating': '#b26a00',
  'not-ready': '#9aa1ad',
  external: '#4a5568',
};

export function EdgeLegend() {
  const t = useT();
  return (
    <Panel position="top-right" className="edge-legend" aria-label={t('topology.legend')}>
      <ul>
        {ROWS.map((r) => (
          <li key={r.state} data-testid={`legend-${r.state}`}>
            <svg width="44" height="10" aria-hidden="true">
              <line
                x1="2"
                y1="5"
                x2="34"
                y2="5"
                stroke={STROKE[r.state]}
                strokeWidth="2"
                strokeDasharray={r.dash}
              />
              {r.head === 'filled arrow' && <path d="M34 1 L42 5 L34 9 Z" fill={STROKE[r.state]} />}
              {r.head === 'open arrow' && (
                <path
                  d="M34 1 L42 5 L34 9"
                  fill="none"
                  stroke={STROKE[r.state]}
                  strokeWidth="1.5"
                />
              )}
            </svg>
            <span>{t(r.words)}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
