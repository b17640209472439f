import type { EndpointInfo } from './endpoints.ts';
import type { ProxyProfile } from './profile.ts';
import type { ServicePortInfo } from './service-port.ts';

/**
 * Which endpoints a node uses for a service port (pkg/proxy/topology.go `CategorizeEndpoints`):
 *  - cluster endpoints: the ready ones (narrowed by topology hints when they apply); if none is
 *    ready, the serving-and-terminating ones (never narrowed by hints);
 *  - local endpoints (only for a Local traffic policy): the ready ones on this node, else this
 *    node's serving-and-terminating ones;
 *  - all locally reachable endpoints (one KUBE-SEP chain each): the union, sorted by `ip:port`;
 *  - hasAnyEndpoints: whether any usable endpoint exists anywhere.
 */

export interface NodeTopology {
  readonly nodeName: string;
  /** The Node's `topology.kubernetes.io/zone` label, or ''. */
  readonly zone: string;
}

export interface Categorized {
  readonly cluster: readonly EndpointInfo[];
  readonly local: readonly EndpointInfo[];
  readonly reachable: readonly EndpointInfo[];
  readonly hasAnyEndpoints: boolean;
  /** 'PreferSameZone' / 'PreferSameNode' when hints narrowed the cluster endpoints, else ''. */
  readonly topologyMode: string;
}

export function usesClusterEndpoints(info: ServicePortInfo): boolean {
  // Even with externalTrafficPolicy Local, cluster endpoints serve the short-circuit rules.
  return !info.internalPolicyLocal || info.externallyAccessible;
}

export function usesLocalEndpoints(info: ServicePortInfo): boolean {
  return info.internalPolicyLocal || (info.externalPolicyLocal && info.externallyAccessible);
}

const servingTerminating = (ep: EndpointInfo): boolean => ep.serving && ep.terminating;

function hintsRequested(info: ServicePortInfo, profile: ProxyProfile): boolean {
  const auto = (v: string | undefined) => v === 'Auto' || v === 'auto';
  const a = info.annotations;
  if (profile.topology === 'annotation')
    return auto(a['service.kubernetes.io/topology-aware-hints']);
  if (profile.topology === 'annotation-or-distribution') {
    // servicechangetracker: the topology-mode annotation, or if empty the deprecated one.
    const mode =
      a['service.kubernetes.io/topology-mode'] || a['service.kubernetes.io/topology-aware-hints'];
    return auto(mode) || (profile.minor >= 30 && info.trafficDistribution !== '');
  }
  return true;
}

/** topologyModeFromHints: hints apply only if every ready endpoint has one and one matches. */
function topologyMode(
  info: ServicePortInfo,
  endpoints: readonly EndpointInfo[],
  node: NodeTopology,
  profile: ProxyProfile,
): string {
  if (!hintsRequested(info, profile)) return '';
  if (profile.topology !== 'hints' && node.zone === '') return '';
  let allNode = true;
  let forNode = false;
  let allZone = true;
  let forZone = false;
  for (const ep of endpoints) {
    if (!ep.ready) continue;
    if (ep.nodeHints === null) allNode = false;
    else if (ep.nodeHints.includes(node.nodeName)) forNode = true;
    if (ep.zoneHints === null) allZone = false;
    else if (ep.zoneHints.includes(node.zone)) forZone = true;
  }
  if (profile.nodeHints && allNode && forNode) return 'PreferSameNode';
  if (allZone && forZone) return 'PreferSameZone';
  return '';
}

function availableForTopology(ep: EndpointInfo, mode: string, node: NodeTopology): boolean {
  if (mode === 'PreferSameNode') return ep.nodeHints?.includes(node.nodeName) ?? false;
  if (mode === 'PreferSameZone') return ep.zoneHints?.includes(node.zone) ?? false;
  return true;
}

export function categorizeEndpoints(
  endpoints: readonly EndpointInfo[],
  info: ServicePortInfo,
  node: NodeTopology,
  profile: ProxyProfile,
): Categorized {
  let cluster: readonly EndpointInfo[] = [];
  let local: readonly EndpointInfo[] = [];
  let mode = '';
  let hasAnyEndpoints = false;
  let useServingTerminating = false;
  const isLocal = (ep: EndpointInfo) => ep.nodeName === node.nodeName;

  if (usesClusterEndpoints(info)) {
    mode = topologyMode(info, endpoints, node, profile);
    cluster = endpoints.filter((ep) => ep.ready && availableForTopology(ep, mode, node));
    if (cluster.length === 0) cluster = endpoints.filter(servingTerminating);
    if (cluster.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(info)) {
    return { cluster, local, reachable: cluster, hasAnyEndpoints, topologyMode: mode };
  }
  let localReady = false;
  let localServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (isLocal(ep)) localReady = true;
    } else if (servingTerminating(ep)) {
      hasAnyEndpoints = true;
      if (isLocal(ep)) localServingTerminating = true;
    }
  }
  if (localReady) local = endpoints.filter((ep) => isLocal(ep) && ep.ready);
  else if (localServingTerminating) {
    useServingTerminating = true;
    local = endpoints.filter((ep) => isLocal(ep) && servingTerminating(ep));
  }
  if (!usesClusterEndpoints(info)) {
    return { cluster, local, reachable: local, hasAnyEndpoints, topologyMode: mode };
  }
  if (mode === '' && !useServingTerminating) {
    // Every ready endpoint is in `cluster`, so it is a superset of `local`.
    return { cluster, local, reachable: cluster, hasAnyEndpoints, topologyMode: mode };
  }
  // kube-proxy merges the two lists through a Go map (random order); sorted here by ip:port.
  const merged = new Map<string, EndpointInfo>();
  for (const ep of cluster) merged.set(ep.endpoint, ep);
  for (const ep of local) merged.set(ep.endpoint, ep);
  const reachable = [...merged.values()].sort((a, b) =>
    a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0,
  );
  return { cluster, local, reachable, hasAnyEndpoints, topologyMode: mode };
}
