/**
 * The packet, drawn over the canvas in flow coordinates (so it pans and zooms with it) and moved
 * by d3 from one step's shape to the next. With prefers-reduced-motion it jumps instead.
 */
import { ViewportPortal } from '@xyflow/react';
import { select } from 'd3';
import { useEffect, useRef } from 'react';
import { useTrace } from '../../store/trace-store.ts';
import { centerOf, type FlowElements } from './to-flow-elements.ts';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function PacketLayer({ elements }: { elements: FlowElements }) {
  const steps = useTrace((s) => s.steps);
  const step = useTrace((s) => s.step);
  const speed = useTrace((s) => s.speed);
  const ref = useRef<SVGGElement>(null);
  const current = steps[step];
  const previous = steps[step - 1];
  const to = current ? centerOf(elements, current.at) : null;
  const from = previous ? centerOf(elements, previous.at) : to;

  const fx = from?.x;
  const fy = from?.y;
  const tx = to?.x;
  const ty = to?.y;
  useEffect(() => {
    const g = ref.current;
    if (!g || fx === undefined || fy === undefined || tx === undefined || ty === undefined) return;
    const sel = select(g);
    sel.interrupt();
    sel.attr('transform', `translate(${fx},${fy})`);
    if (prefersReducedMotion() || (fx === tx && fy === ty)) {
      sel.attr('transform', `translate(${tx},${ty})`);
      return;
    }
    sel
      .transition()
      .duration(Math.round(700 / speed))
      .attr('transform', `translate(${tx},${ty})`);
  }, [fx, fy, tx, ty, speed]);

  if (!current || !to) return null;
  return (
    <ViewportPortal>
      <svg className="packet-layer" aria-hidden="true" style={{ overflow: 'visible' }}>
        <g ref={ref} data-testid="packet" data-at={current.at}>
          <circle r={11} className={current.reply ? 'packet packet-reply' : 'packet'} />
          <text y={-18} textAnchor="middle" className="packet-label">
            {current.src} → {current.dst}
          </text>
        </g>
      </svg>
    </ViewportPortal>
  );
}
