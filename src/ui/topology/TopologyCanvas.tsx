import {
  Background,
  Controls,
  type Edge,
  MarkerType,
  MiniMap,
  type Node,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { Trans } from 'react-i18next';
import { useT } from '../../i18n/index.ts';
import { memoLast2 } from '../../store/memo.ts';
import { useApplied } from '../../store/scenario.ts';
import { useUi } from '../../store/ui-store.ts';
import { EdgeLegend } from './EdgeLegend.tsx';
import { nodeTypes } from './flow-nodes.tsx';
import { PacketLayer } from './PacketLayer.tsx';
import {
  DEFAULT_SIZES,
  type FlowEdge,
  type FlowElements,
  POD_H,
  POD_W,
  toFlowElements,
} from './to-flow-elements.ts';

const elementsOf = memoLast2(toFlowElements);

/** How each endpoint state is drawn: by dash pattern and words, not by colour alone. */
export const EDGE_STYLE: Record<FlowEdge['state'], React.CSSProperties> = {
  ready: { stroke: '#2f7d4f', strokeWidth: 2 },
  'serving-terminating': { stroke: '#b26a00', strokeWidth: 2, strokeDasharray: '8 5' },
  'not-ready': { stroke: '#9aa1ad', strokeWidth: 1.5, strokeDasharray: '2 4' },
  external: { stroke: '#4a5568', strokeWidth: 1.25, strokeDasharray: '12 3 2 3' },
};

function toReactFlow(
  elements: FlowElements,
  highlight: readonly string[],
  edgeLabel: (e: FlowEdge) => string | undefined,
): { nodes: Node[]; edges: Edge[] } {
  // A Pod folded into a group lights its group.
  const lit = new Set(highlight.map((id) => elements.drawnAs.get(id) ?? id));
  const nodes: Node[] = elements.nodes.map((n) => ({
    id: n.id,
    type: n.type,
    position: { ...n.position },
    data: n.data as unknown as Record<string, unknown>,
    draggable: false,
    selectable: false,
    ...(n.parentId ? { parentId: n.parentId, extent: 'parent' as const } : {}),
    ...(n.style ? { style: { ...n.style } } : {}),
    // The minimap draws only nodes whose size it knows; as the flow is controlled and the
    // measured sizes are not fed back, give it the size each shape is laid out with.
    initialWidth: (n.style ?? DEFAULT_SIZES[n.type])?.width ?? POD_W,
    initialHeight: (n.style ?? DEFAULT_SIZES[n.type])?.height ?? POD_H,
    ...(n.type === 'node' ? { zIndex: -1 } : {}),
    ...(lit.has(n.id) ? { className: 'flow-highlight' } : {}),
  }));
  const edges: Edge[] = elements.edges.map((e) => {
    const label = edgeLabel(e);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      style: EDGE_STYLE[e.state],
      // The arrowhead differs too: filled for ready, open for terminating, none for not-ready.
      ...(e.state === 'not-ready'
        ? {}
        : {
            markerEnd: {
              type: e.state === 'serving-terminating' ? MarkerType.Arrow : MarkerType.ArrowClosed,
              color: EDGE_STYLE[e.state].stroke as string,
            },
          }),
      className: `flow-edge-${e.state}${lit.has(e.source) || lit.has(e.target) ? ' flow-edge-lit' : ''}`,
      selectable: false,
      zIndex: 1,
      ...(label ? { label, labelStyle: { fontSize: 11 } } : {}),
    };
  });
  return { nodes, edges };
}

function miniMapColor(n: Node): string {
  if (n.type === 'node') return '#d9dee7';
  if (n.type === 'service') return '#326ce5';
  if (n.type === 'pod' || n.type === 'pod-group') return '#2f7d4f';
  return '#4a5568';
}

function Canvas() {
  const t = useT();
  const applied = useApplied();
  const highlight = useUi((s) => s.highlight);
  const selected = useUi((s) => s.selected);
  const setUi = useUi((s) => s.set);
  const expanded = useUi((s) => s.expandedNodes);
  const elements = applied ? elementsOf(applied.cluster, expanded) : null;
  const flow = useMemo(
    () =>
      elements
        ? toReactFlow(elements, selected ? [...highlight, selected] : highlight, (e) =>
            // Endpoint states are our words; a way in from outside (LB/NodePort) is not.
            e.state === 'not-ready'
              ? t('topology.edgeNotReady')
              : e.state === 'serving-terminating'
                ? t('topology.edgeTerminating')
                : e.label,
          )
        : { nodes: [], edges: [] },
    [elements, highlight, selected, t],
  );
  const { fitView } = useReactFlow();
  // Refit when the layout's outline changes (a Node, a Service, a frame growing or shrinking),
  // not on every readiness toggle.
  const shape = elements
    ? elements.nodes
        .filter((n) => n.type === 'node' || n.type === 'service')
        .map(
          (n) => `${n.position.x},${n.position.y},${n.style?.width ?? 0},${n.style?.height ?? 0}`,
        )
        .join(';')
    : '';
  useEffect(() => {
    if (shape !== '') requestAnimationFrame(() => void fitView({ padding: 0.08 }));
  }, [shape, fitView]);

  if (!applied)
    return (
      <p className="waiting" data-testid="topology-waiting">
        <Trans i18nKey="topology.waiting" components={{ code: <code /> }} />
      </p>
    );
  return (
    <ReactFlow
      nodes={flow.nodes}
      edges={flow.edges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.08 }}
      minZoom={0.05}
      maxZoom={2.5}
      nodesConnectable={false}
      nodesDraggable={false}
      elementsSelectable={false}
      proOptions={{ hideAttribution: true }}
      onNodeClick={(_, n) =>
        setUi({
          selected: n.type === 'pod-group' || n.type === 'client' || n.type === 'dns' ? '' : n.id,
          notice: '',
        })
      }
      aria-label={t('topology.canvas')}
    >
      <Background gap={24} />
      <MiniMap
        pannable
        zoomable
        ariaLabel={t('topology.minimap')}
        nodeColor={miniMapColor}
        nodeStrokeWidth={2}
      />
      <Controls showInteractive={false} />
      <EdgeLegend />
      {elements && <PacketLayer elements={elements} />}
    </ReactFlow>
  );
}

/** The cluster as a graph: nodes hold their pods, Services point at their endpoints. */
export function TopologyCanvas() {
  return (
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>
  );
}
