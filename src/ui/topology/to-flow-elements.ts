/**
 * The cluster as a graph, computed from the core's Cluster only: Nodes are frames holding their
 * Pods, Services are their own shapes, and each Service has one edge per endpoint of its
 * EndpointSlices (the EndpointSlice controller's view, not the selector's — a Pod that matches
 * the selector but is not ready is still an endpoint, drawn as not-ready).
 *
 * Pure and deterministic, so it is unit-tested without a browser. Layout is a simple grid: the
 * Services in rows above the Node frames (which wrap into a near-square grid), the external
 * client above them on the left, kube-dns on the right of the Services.
 */
import type { Cluster, Pod } from '../../core/index.ts';
import {
  capGroups,
  endpointState,
  externalEntry,
  GROUP_THRESHOLD,
  groupKey,
  podIP,
  podReady,
  serviceView,
  shapeCount,
} from './flow-shapes.ts';
import type { FlowEdge, FlowElements, FlowNode } from './flow-types.ts';

export {
  endpointState,
  GROUP_THRESHOLD,
  MAX_GROUPS_PER_NODE,
  OTHER_PODS_KEY,
  podIP,
  podReady,
} from './flow-shapes.ts';
export type {
  ClientView,
  DnsView,
  EndpointState,
  FlowEdge,
  FlowElements,
  FlowNode,
  FlowNodeData,
  NodeFrameView,
  PodGroupView,
  PodView,
  ServiceView,
} from './flow-types.ts';

export const POD_W = 196;
export const POD_H = 54;
const POD_GAP = 10;
/** Pods per row in a frame: two for small clusters, up to four for big ones. */
function podColumns(maxPodsOnANode: number): number {
  return Math.max(2, Math.min(4, Math.ceil(Math.sqrt(maxPodsOnANode))));
}
const FRAME_PAD = 14;
const FRAME_HEADER = 48;
const NODE_GAP = 48;
const SERVICE_W = 210;
const SERVICE_H = 104;
const SERVICE_GAP = 28;
const SIDE_W = 200;
/** How far above the Services the external client sits. */
const CLIENT_RISE = 130;

export const podId = (namespace: string, name: string): string => `pod:${namespace}/${name}`;
export const serviceId = (namespace: string, name: string): string => `svc:${namespace}/${name}`;
export const nodeId = (name: string): string => `node:${name}`;
export const CLIENT_ID = 'client:external';
export const DNS_ID = 'dns:kube-dns';

function gridPosition(i: number, columns: number): { x: number; y: number } {
  return {
    x: FRAME_PAD + (i % columns) * (POD_W + POD_GAP),
    y: FRAME_HEADER + Math.floor(i / columns) * (POD_H + POD_GAP),
  };
}

/**
 * Maps a Cluster to React Flow nodes and edges. `expanded` lists Node frames (by canvas id) whose
 * Pods the user asked to see one by one even past the threshold.
 */
export function toFlowElements(cluster: Cluster, expanded: readonly string[] = []): FlowElements {
  const open = new Set(expanded);
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  // Where each Pod is drawn: its own shape, or the group shape it was folded into.
  const drawnAs = new Map<string, string>();
  const podsByIP = new Map<string, Pod>();
  for (const pod of cluster.pods) {
    const ip = podIP(pod);
    if (ip !== '' && !pod.spec.hostNetwork) podsByIP.set(ip, pod);
  }

  // Row 0: the external client, the Services (wrapping), kube-dns. Below: the Node frames.
  // Columns follow the most shapes any Node holds (its Pods, or its groups once folded).
  const shapesPerNode = cluster.nodes.map((n) =>
    open.has(nodeId(n.metadata.name ?? ''))
      ? cluster.pods.filter((p) => p.spec.nodeName === n.metadata.name).length
      : shapeCount(cluster.pods.filter((p) => p.spec.nodeName === n.metadata.name)),
  );
  const columns = podColumns(Math.max(1, ...shapesPerNode));
  const frameWidth = FRAME_PAD * 2 + columns * POD_W + (columns - 1) * POD_GAP;
  // Node frames wrap into a near-square grid, so three or more Nodes still fill a tall canvas.
  const framesPerRow = Math.max(1, Math.ceil(Math.sqrt(cluster.nodes.length)));
  const framesSpan =
    Math.min(Math.max(1, cluster.nodes.length), framesPerRow) * (frameWidth + NODE_GAP) - NODE_GAP;
  const leftX = 0;
  const servicesLeft = SIDE_W + SERVICE_GAP;
  const perRow = Math.max(
    2,
    Math.floor((framesSpan - servicesLeft - SIDE_W) / (SERVICE_W + SERVICE_GAP)),
  );
  const serviceRows = Math.max(1, Math.ceil(cluster.services.length / perRow));
  const servicesTop = 0;
  const framesTop = serviceRows * (SERVICE_H + SERVICE_GAP) + 60;

  nodes.push({
    id: CLIENT_ID,
    type: 'client',
    // Above the Services' row, so its lines come down onto the Services' tops with room for words.
    position: { x: 0, y: servicesTop - CLIENT_RISE },
    data: { kind: 'client', label: 'External client' },
  });
  const rowEnd =
    servicesLeft +
    Math.min(perRow, Math.max(1, cluster.services.length)) * (SERVICE_W + SERVICE_GAP);
  nodes.push({
    id: DNS_ID,
    type: 'dns',
    position: { x: Math.max(rowEnd, framesSpan - SIDE_W), y: servicesTop },
    data: { kind: 'dns', ip: cluster.clusterDNS },
  });

  let column = 0;
  let x = leftX;
  let y = framesTop;
  let rowHeight = 0;
  const nodeNames = new Set(cluster.nodes.map((n) => n.metadata.name ?? ''));
  const unscheduled = cluster.pods.filter((p) => !nodeNames.has(p.spec.nodeName ?? ''));
  const frames: Array<{ name: string; internalIP: string; podCIDR: string; pods: Pod[] }> =
    cluster.nodes.map((n) => {
      const name = n.metadata.name ?? '';
      return {
        name,
        internalIP: n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
        podCIDR: n.spec?.podCIDR ?? '',
        pods: cluster.pods.filter((p) => p.spec.nodeName === name),
      };
    });
  if (unscheduled.length > 0)
    frames.push({ name: '', internalIP: '', podCIDR: '', pods: unscheduled });

  for (const frame of frames) {
    const id = frame.name === '' ? 'node:(unscheduled)' : nodeId(frame.name);
    const children: FlowNode[] = [];
    const groupable = frame.pods.length > GROUP_THRESHOLD;
    const grouped = groupable && !open.has(id);
    if (grouped) {
      const groups = new Map<string, Pod[]>();
      for (const pod of frame.pods) {
        const key = groupKey(pod);
        groups.set(key, [...(groups.get(key) ?? []), pod]);
      }
      let i = 0;
      for (const [key, pods] of capGroups(groups)) {
        const gid = `${id}|group:${key}`;
        for (const p of pods)
          drawnAs.set(podId(p.metadata.namespace ?? 'default', p.metadata.name ?? ''), gid);
        children.push({
          id: gid,
          type: 'pod-group',
          parentId: id,
          extent: 'parent',
          position: gridPosition(i++, columns),
          data: {
            kind: 'pod-group',
            selector: key.slice(key.indexOf('|') + 1),
            count: pods.length,
            readyCount: pods.filter(podReady).length,
            pods: pods.map((p) => p.metadata.name ?? ''),
          },
        });
      }
    } else {
      frame.pods.forEach((pod, i) => {
        const ns = pod.metadata.namespace ?? 'default';
        const pid = podId(ns, pod.metadata.name ?? '');
        drawnAs.set(pid, pid);
        children.push({
          id: pid,
          type: 'pod',
          parentId: id,
          extent: 'parent',
          position: gridPosition(i, columns),
          data: {
            kind: 'pod',
            name: pod.metadata.name ?? '',
            namespace: ns,
            ip: podIP(pod),
            ready: podReady(pod),
            terminating: pod.metadata.deletionTimestamp !== undefined,
          },
        });
      });
    }
    const rows = Math.max(1, Math.ceil(children.length / columns));
    const width = frameWidth;
    const height = FRAME_HEADER + rows * (POD_H + POD_GAP) + FRAME_PAD - POD_GAP;
    if (column === framesPerRow) {
      column = 0;
      x = leftX;
      y += rowHeight + NODE_GAP;
      rowHeight = 0;
    }
    nodes.push({
      id,
      type: 'node',
      position: { x, y },
      style: { width, height },
      data: {
        kind: 'node',
        name: frame.name === '' ? '(not scheduled)' : frame.name,
        internalIP: frame.internalIP,
        podCIDR: frame.podCIDR,
        podCount: frame.pods.length,
        groupable,
        grouped,
      },
    });
    nodes.push(...children);
    x += width + NODE_GAP;
    rowHeight = Math.max(rowHeight, height);
    column++;
  }

  // Services in a row above the frames; their EndpointSlices give the edges.
  cluster.services.forEach((svc, i) => {
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name ?? '';
    const sid = serviceId(ns, name);
    const slices = cluster.endpointSlices.filter(
      (s) =>
        (s.metadata.namespace ?? 'default') === ns &&
        s.metadata.labels?.['kubernetes.io/service-name'] === name,
    );
    const seen = new Map<string, FlowEdge>();
    let endpointCount = 0;
    for (const slice of slices) {
      for (const ep of slice.endpoints) {
        endpointCount++;
        const ref = ep.targetRef;
        const pod =
          ref?.kind === 'Pod'
            ? cluster.pods.find(
                (p) => p.metadata.name === ref.name && (p.metadata.namespace ?? 'default') === ns,
              )
            : ep.addresses[0] !== undefined
              ? podsByIP.get(ep.addresses[0])
              : undefined;
        if (!pod) continue;
        const target = drawnAs.get(
          podId(pod.metadata.namespace ?? 'default', pod.metadata.name ?? ''),
        );
        if (target === undefined) continue;
        const state = endpointState(ep);
        const eid = `${sid}->${target}`;
        // A group stands for several endpoints: it is drawn as ready if any of them is.
        const prev = seen.get(eid);
        if (prev && prev.state === 'ready') continue;
        seen.set(eid, {
          id: eid,
          source: sid,
          target,
          state,
          ...(state === 'ready'
            ? {}
            : { label: state === 'not-ready' ? 'not ready' : 'terminating' }),
        });
      }
    }
    edges.push(...seen.values());
    const entry = externalEntry(svc);
    if (entry)
      edges.push({
        id: `${CLIENT_ID}->${sid}`,
        source: CLIENT_ID,
        target: sid,
        state: 'external',
        label: entry,
      });
    nodes.push({
      id: sid,
      type: 'service',
      position: {
        x: servicesLeft + (i % perRow) * (SERVICE_W + SERVICE_GAP),
        y: servicesTop + Math.floor(i / perRow) * (SERVICE_H + SERVICE_GAP),
      },
      data: serviceView(svc, endpointCount),
    });
  });

  return { nodes, edges, drawnAs };
}

/** The centre of a shape in flow coordinates (a child's position is relative to its frame). */
export function centerOf(
  elements: FlowElements,
  id: string,
  sizes: Readonly<Record<string, { width: number; height: number }>> = DEFAULT_SIZES,
): { x: number; y: number } | null {
  const n = elements.nodes.find((e) => e.id === id);
  if (!n) return null;
  const parent = n.parentId ? elements.nodes.find((e) => e.id === n.parentId) : undefined;
  const size = n.style ?? sizes[n.type] ?? { width: 0, height: 0 };
  return {
    x: (parent?.position.x ?? 0) + n.position.x + size.width / 2,
    y: (parent?.position.y ?? 0) + n.position.y + size.height / 2,
  };
}

/** The drawn size of each shape type (the CSS in app.css uses the same numbers). */
export const DEFAULT_SIZES: Readonly<Record<string, { width: number; height: number }>> = {
  pod: { width: POD_W, height: POD_H },
  'pod-group': { width: POD_W, height: POD_H },
  service: { width: SERVICE_W, height: SERVICE_H },
  client: { width: SIDE_W, height: 48 },
  dns: { width: SIDE_W, height: 56 },
};
