import { Background, Controls, MiniMap, type Node, ReactFlow } from '@xyflow/react';

const initialNodes: Node[] = [
  {
    id: 'external-client',
    position: { x: 0, y: 0 },
    data: { label: 'External client' },
    type: 'input',
  },
];

/** The cluster as a graph: nodes hold their pods, Services point at their endpoints. */
export function TopologyCanvas() {
  return (
    <ReactFlow
      defaultNodes={initialNodes}
      defaultEdges={[]}
      fitView
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <MiniMap pannable zoomable />
      <Controls />
    </ReactFlow>
  );
}
