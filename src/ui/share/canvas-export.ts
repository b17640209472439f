/**
 * The topology canvas as PNG or SVG, through html-to-image (the approach the @xyflow/react docs
 * show). Loaded on demand: most sessions never export. The canvas's own controls and minimap are
 * left out; the picture is what the viewer sees of the graph.
 */
import { download } from './download.ts';

const LEFT_OUT = ['react-flow__controls', 'react-flow__minimap', 'react-flow__panel'];

function canvasElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="topology"] .react-flow');
}

export async function exportCanvas(format: 'png' | 'svg'): Promise<void> {
  const el = canvasElement();
  if (!el) throw new Error('the topology canvas is not on screen');
  const { toPng, toSvg } = await import('html-to-image');
  const options = {
    backgroundColor: getComputedStyle(document.body).backgroundColor || '#ffffff',
    pixelRatio: 2,
    filter: (node: HTMLElement) =>
      !(node.classList && LEFT_OUT.some((c) => node.classList.contains(c))),
  };
  const url = format === 'png' ? await toPng(el, options) : await toSvg(el, options);
  download(`k8s-service-lab.${format}`, url);
}
