/**
 * What the lessons' checks ask the model, through the core's public API only: where a packet
 * goes (tracePacket), what CoreDNS answers (digInPod), which objects exist.
 */
import {
  type Cluster,
  digInPod,
  type Service,
  type Trace,
  TraceState,
  tracePacket,
  typeName,
} from '../core/index.ts';

export function service(cluster: Cluster, name: string, namespace = 'default'): Service | null {
  return (
    cluster.services.find(
      (s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === namespace,
    ) ?? null
  );
}

/** One packet's walk, or null when the core cannot send it (no such source or address). */
export function trace(
  cluster: Cluster,
  from: string,
  to: string,
  extra: { via?: string; seed?: number; state?: TraceState } = {},
): Trace | null {
  const { state, ...request } = extra;
  const r = tracePacket(cluster, { from, to, ...request }, state ? { state } : {});
  return r.ok ? r.value : null;
}

/** Every endpoint a packet can reach, with its exact probability (from the kernel's rules). */
export function reachable(
  cluster: Cluster,
  from: string,
  to: string,
): { endpoint: string; target: string; probability: number }[] {
  const t = trace(cluster, from, to);
  if (!t) return [];
  return t.distribution.flatMap((d) =>
    d.verdict === 'delivered' && d.endpoint
      ? [{ endpoint: d.endpoint, target: d.target ?? '', probability: d.probability }]
      : [],
  );
}

/** `clusterIP:port` of a Service's first port, or null (headless, ExternalName, missing). */
export function clusterAddress(cluster: Cluster, name: string): string | null {
  const s = service(cluster, name);
  const ip = s?.spec.clusterIP;
  const port = s?.spec.ports?.[0]?.port;
  return ip && ip !== 'None' && port ? `${ip}:${port}` : null;
}

export function lbAddress(cluster: Cluster, name: string): string | null {
  const s = service(cluster, name);
  const ip = s?.status?.loadBalancer?.ingress?.find((i) => i.ip)?.ip;
  const port = s?.spec.ports?.[0]?.port;
  return ip && port ? `${ip}:${port}` : null;
}

export function nodeIPs(cluster: Cluster): { name: string; ip: string }[] {
  return cluster.nodes.flatMap((n) => {
    const ip = n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    return ip ? [{ name: n.metadata.name ?? '', ip }] : [];
  });
}

/** The answer section CoreDNS gives a ClusterFirst Pod for `name`/`type`, as `TYPE data` lines. */
export function dnsAnswers(cluster: Cluster, name: string, type: string): string[] {
  const r = digInPod(cluster, { qname: name, qtype: type });
  if (!r.ok) return [];
  return r.value.response.answers.map((rr) => `${typeName(rr.type)} ${rdataText(rr.data)}`);
}

function rdataText(data: unknown): string {
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    for (const key of ['address', 'target', 'name', 'cname', 'host'])
      if (typeof d[key] === 'string') return d[key] as string;
  }
  return JSON.stringify(data);
}

/** The endpoints `count` connections from one client reach, in order, remembering affinity. */
export function endpointsOverConnections(
  cluster: Cluster,
  from: string,
  to: string,
  count: number,
): string[] {
  const state = new TraceState();
  const out: string[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const t = trace(cluster, from, to, { seed, state });
    out.push(t?.endpoint ?? t?.verdict ?? 'no packet');
  }
  return out;
}

/** Whether the packet reached a Pod (not just the node's own stack, which has no listener here). */
export function reachesPod(t: Trace | null): boolean {
  return t?.verdict === 'delivered' && t.deliveredTo?.kind === 'pod';
}
