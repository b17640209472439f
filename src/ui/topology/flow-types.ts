/** What each shape on the canvas shows, and the graph toFlowElements builds from a Cluster. */

export type EndpointState = 'ready' | 'serving-terminating' | 'not-ready';

export interface PodView {
  readonly kind: 'pod';
  readonly name: string;
  readonly namespace: string;
  readonly ip: string;
  readonly ready: boolean;
  readonly terminating: boolean;
}

export interface PodGroupView {
  readonly kind: 'pod-group';
  /** The labels every Pod in the group shares, as `k=v` pairs. */
  readonly selector: string;
  readonly count: number;
  readonly readyCount: number;
  readonly pods: readonly string[];
}

export interface NodeFrameView {
  readonly kind: 'node';
  readonly name: string;
  readonly internalIP: string;
  readonly podCIDR: string;
  readonly podCount: number;
  /** More Pods than GROUP_THRESHOLD: the frame can fold them into groups. */
  readonly groupable: boolean;
  /** The Pods are drawn as groups (not expanded by the user). */
  readonly grouped: boolean;
}

export interface ServiceView {
  readonly kind: 'service';
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly headless: boolean;
  readonly clusterIP: string;
  /** One line per port, as kubectl's PORT(S) column spells it: `80/TCP`, `80:30080/TCP`. */
  readonly ports: readonly string[];
  /** status.loadBalancer.ingress: the addresses the cloud's load balancer got. */
  readonly lbIPs: readonly string[];
  readonly externalIPs: readonly string[];
  readonly externalName: string;
  readonly sessionAffinity: string;
  readonly trafficPolicy: string;
  readonly endpointCount: number;
}

export interface ClientView {
  readonly kind: 'client';
  readonly label: string;
}

export interface DnsView {
  readonly kind: 'dns';
  readonly ip: string;
}

export type FlowNodeData =
  | PodView
  | PodGroupView
  | NodeFrameView
  | ServiceView
  | ClientView
  | DnsView;

export interface FlowNode {
  readonly id: string;
  readonly type: FlowNodeData['kind'];
  readonly position: { readonly x: number; readonly y: number };
  readonly data: FlowNodeData;
  readonly parentId?: string;
  readonly extent?: 'parent';
  readonly style?: { readonly width: number; readonly height: number };
}

export interface FlowEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** An endpoint's state, or `external` for the outside client's ways in (NodePort, LB IP). */
  readonly state: EndpointState | 'external';
  /** Words on the edge, so the state is not told by colour alone. */
  readonly label?: string;
}

export interface FlowElements {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  /** Pod id → the shape it is drawn as (itself, or the group it was folded into). */
  readonly drawnAs: ReadonlyMap<string, string>;
}
