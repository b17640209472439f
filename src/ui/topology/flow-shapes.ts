/**
 * From the core's objects to what a shape says: a Pod's IP and readiness, an endpoint's state, a
 * Service's ports and ways in, and how a Node's Pods fold into groups.
 */
import type { Endpoint, Pod, Service } from '../../core/index.ts';
import type { EndpointState, ServiceView } from './flow-types.ts';

/** Above this many Pods on one Node, Pods with the same labels are drawn as one group. */
export const GROUP_THRESHOLD = 24;

export function podIP(pod: Pod): string {
  return pod.status?.podIP ?? '';
}

/** The Pod's Ready condition, as `kubectl get pods` derives READY. */
export function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function endpointState(e: Endpoint): EndpointState {
  // EndpointConditions: ready is false while terminating; serving says whether it still answers.
  if (e.conditions.ready !== false) return 'ready';
  if (e.conditions.serving === true && e.conditions.terminating === true)
    return 'serving-terminating';
  return 'not-ready';
}

function portsOf(svc: Service): string[] {
  return (svc.spec.ports ?? []).map((p) =>
    p.nodePort !== undefined
      ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}`
      : `${p.port}/${p.protocol ?? 'TCP'}`,
  );
}

export function serviceView(svc: Service, endpointCount: number): ServiceView {
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  const lbIPs = ingress.map((i) => i.ip ?? i.hostname ?? '').filter((s) => s !== '');
  const type = svc.spec.type ?? 'ClusterIP';
  return {
    kind: 'service',
    name: svc.metadata.name ?? '',
    namespace: svc.metadata.namespace ?? 'default',
    type,
    headless: svc.spec.clusterIP === 'None',
    clusterIP: svc.spec.clusterIP ?? '',
    ports: portsOf(svc),
    lbIPs,
    externalIPs: svc.spec.externalIPs ?? [],
    externalName: svc.spec.externalName ?? '',
    sessionAffinity: svc.spec.sessionAffinity ?? 'None',
    trafficPolicy:
      type === 'NodePort' || type === 'LoadBalancer'
        ? (svc.spec.externalTrafficPolicy ?? 'Cluster')
        : '',
    endpointCount,
  };
}

/** How a client outside the cluster reaches a Service, in words for the line; null if it cannot. */
export function externalEntry(svc: Service): string | null {
  const type = svc.spec.type ?? 'ClusterIP';
  const ways: string[] = [];
  const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '');
  if (type === 'LoadBalancer' && lb.some((a) => a !== ''))
    ways.push(`LB ${lb.filter((a) => a).join(', ')}`);
  if (type === 'NodePort' || type === 'LoadBalancer') {
    const ports = (svc.spec.ports ?? []).flatMap((p) => (p.nodePort ? [String(p.nodePort)] : []));
    if (ports.length > 0) ways.push(`NodePort ${ports.join(', ')}`);
  }
  if ((svc.spec.externalIPs ?? []).length > 0) ways.push(`externalIPs`);
  return ways.length > 0 ? ways.join(' · ') : null;
}

function labelKey(pod: Pod): string {
  const labels = pod.metadata.labels ?? {};
  return Object.keys(labels)
    .filter((k) => k !== 'pod-template-hash')
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

/** At most this many group shapes per Node; the smallest groups beyond it share one shape. */
export const MAX_GROUPS_PER_NODE = 12;
/** The group key (namespace|labels) of the shape that holds the rest. */
export const OTHER_PODS_KEY = '|other Pods';

/**
 * Caps the groups on one Node so that hundreds of differently-labelled Pods still fit: the
 * biggest groups keep their shape (in their first-seen order), the rest fold into one.
 */
export function capGroups(groups: ReadonlyMap<string, Pod[]>): Array<[string, Pod[]]> {
  const all = [...groups];
  if (all.length <= MAX_GROUPS_PER_NODE) return all;
  const keep = new Set(
    [...all]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, MAX_GROUPS_PER_NODE - 1)
      .map(([k]) => k),
  );
  const rest = all.filter(([k]) => !keep.has(k)).flatMap(([, pods]) => pods);
  return [...all.filter(([k]) => keep.has(k)), [OTHER_PODS_KEY, rest]];
}

/** Pods on one Node fold into one group per namespace and label set. */
export function groupKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}|${labelKey(pod)}`;
}

/** How many shapes a Node's Pods take: one each, or one per group past the threshold. */
export function shapeCount(pods: readonly Pod[]): number {
  if (pods.length <= GROUP_THRESHOLD) return pods.length;
  return Math.min(MAX_GROUPS_PER_NODE, new Set(pods.map(groupKey)).size);
}
