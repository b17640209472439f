/**
 * What the walk needs to know about Services beyond the rules: which node a load balancer (or the
 * network, for an external IP) hands a packet to. A health-checking load balancer sends
 * externalTrafficPolicy: Local traffic only to nodes with a ready local endpoint (their
 * healthCheckNodePort answers 200); otherwise any node will do — we take the first.
 */
import type { Cluster, Service } from '../model/types.ts';
import { inCidr } from '../netfilter/addr.ts';

export function serviceForExternalIp(cluster: Cluster, ip: string): Service | undefined {
  return cluster.services.find(
    (s) =>
      (s.spec.externalIPs ?? []).includes(ip) ||
      (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip),
  );
}

export function nodesWithReadyEndpoints(cluster: Cluster, svc: Service): Set<string> {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const nodes = new Set<string>();
  for (const slice of cluster.endpointSlices) {
    if ((slice.metadata.namespace ?? 'default') !== ns) continue;
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== name) continue;
    for (const ep of slice.endpoints) {
      if (ep.conditions.ready !== false && ep.nodeName) nodes.add(ep.nodeName);
    }
  }
  return nodes;
}

/**
 * The node an outside packet for `ip` enters by: `via` when the user says the network routes it
 * there (a static route to the Service CIDR, say); else, for a load-balancer or external IP, the
 * node the load balancer picks; else null (nothing outside routes it into the cluster).
 */
export function entryNodeFor(cluster: Cluster, ip: string, via?: string): string | null {
  if (via) return via;
  const svc = serviceForExternalIp(cluster, ip);
  if (!svc) return null;
  const names = cluster.nodes.map((n) => n.metadata.name ?? '');
  if (svc.spec.externalTrafficPolicy === 'Local') {
    const healthy = nodesWithReadyEndpoints(cluster, svc);
    const first = names.find((n) => healthy.has(n));
    if (first) return first;
  }
  return names[0] ?? null;
}

/**
 * Addresses no machine owns: ClusterIPs, load-balancer and external IPs of Services, and pod
 * addresses no node holds. A packet for one that no rule rewrote and that leaves to the gateway
 * finds nobody there: the connection times out.
 */
export function isVirtualAddress(cluster: Cluster, ip: string): boolean {
  const ranges = [...cluster.serviceSubnet.split(','), ...cluster.podSubnet.split(',')];
  return (
    ranges.some((r) => inCidr(r.trim(), ip)) || serviceForExternalIp(cluster, ip) !== undefined
  );
}
