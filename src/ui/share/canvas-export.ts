/**
 * The topology canvas as PNG or SVG, through html-to-image, as the @xyflow/react docs show it:
 * the viewport (nodes and edges, without the dotted background, controls and minimap) is drawn
 * at zoom 1, framed on the nodes' bounds — so the picture is the whole graph at full size,
 * whatever part of it the user has scrolled or zoomed to. Loaded on demand.
 */
import { download } from './download.ts';

const PADDING = 24;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A node's box in flow coordinates, from the `translate(x px, y px)` React Flow sets on it. */
function nodeBox(el: HTMLElement): Box | null {
  const m = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px\s*\)/.exec(el.style.transform);
  if (!m) return null;
  return { x: Number(m[1]), y: Number(m[2]), width: el.offsetWidth, height: el.offsetHeight };
}

export function graphBounds(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export async function exportCanvas(format: 'png' | 'svg'): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-testid="topology"] .react-flow');
  const viewport = root?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!root || !viewport) throw new Error('the topology canvas is not on screen');
  const boxes = [...viewport.querySelectorAll<HTMLElement>('.react-flow__node')].flatMap((el) => {
    const b = nodeBox(el);
    return b ? [b] : [];
  });
  const bounds = graphBounds(boxes);
  if (!bounds) throw new Error('the canvas has nothing to export');
  const width = Math.ceil(bounds.width + 2 * PADDING);
  const height = Math.ceil(bounds.height + 2 * PADDING);
  const { toPng, toSvg } = await import('html-to-image');
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    pixelRatio: 2,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${PADDING - bounds.x}px, ${PADDING - bounds.y}px) scale(1)`,
    },
  };
  const url = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  download(`k8s-service-lab.${format}`, url);
}
