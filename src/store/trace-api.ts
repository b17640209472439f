/**
 * The Trace tab's door into the core's packet walk: what can send (sources), what it can send to
 * (destinations suggested from the cluster), one walk, and many walks for "send 100". A world
 * (each node's compiled netfilter) is built once per Cluster and shared.
 */
import {
  type Cluster,
  type Diagnostic,
  type Trace,
  type TraceRequest,
  TraceState,
  type TraceWorld,
  tracePacket,
  traceWorld,
} from '../core/index.ts';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

const worlds = new WeakMap<Cluster, TraceWorld>();
function worldOf(cluster: Cluster): TraceWorld {
  let w = worlds.get(cluster);
  if (!w) {
    w = traceWorld(cluster);
    worlds.set(cluster, w);
  }
  return w;
}

/** Session-affinity state lives across sends, as the nodes' `recent` lists would. */
let affinity = new TraceState();
export function resetAffinity(): void {
  affinity = new TraceState();
}

export function traceSources(cluster: Cluster): Choice[] {
  const out: Choice[] = [];
  for (const p of cluster.pods) {
    const key = `${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`;
    const ip = p.spec.hostNetwork ? 'host network' : (p.status?.podIP ?? 'no IP');
    out.push({
      value: `pod:${key}`,
      label: `pod ${key} (${ip}, ${p.spec.nodeName ?? 'unscheduled'})`,
    });
  }
  for (const n of cluster.nodes) {
    out.push({ value: `node:${n.metadata.name ?? ''}`, label: `node ${n.metadata.name ?? ''}` });
  }
  out.push({
    value: 'external',
    label: `external client (${worldOf(cluster).net.externalClient})`,
  });
  return out;
}

export function traceDestinations(cluster: Cluster): Choice[] {
  const out: Choice[] = [];
  const zone = cluster.dnsDomain;
  const nodes = cluster.nodes.flatMap((n) => {
    const ip = n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    return ip ? [{ name: n.metadata.name ?? '', ip }] : [];
  });
  for (const s of cluster.services) {
    const ns = s.metadata.namespace ?? 'default';
    const name = s.metadata.name ?? '';
    const fqdn = `${name}.${ns}.svc.${zone}`;
    const ports = s.spec.ports ?? [];
    if (s.spec.type === 'ExternalName') {
      out.push({
        value: `${fqdn}:${ports[0]?.port ?? 80}`,
        label: `${fqdn} (ExternalName → ${s.spec.externalName ?? ''})`,
      });
      continue;
    }
    for (const p of ports) {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      const tag = `${ns}/${name}:${p.name || p.port}`;
      out.push({ value: `${fqdn}:${p.port}`, label: `${fqdn}:${p.port} (DNS name)` });
      if (s.spec.clusterIP && s.spec.clusterIP !== 'None') {
        out.push({
          value: `${s.spec.clusterIP}:${p.port}`,
          label: `${s.spec.clusterIP}:${p.port} (ClusterIP ${tag}/${proto})`,
        });
      }
      if (p.nodePort) {
        for (const n of nodes) {
          out.push({
            value: `${n.ip}:${p.nodePort}`,
            label: `${n.ip}:${p.nodePort} (NodePort ${tag} on ${n.name})`,
          });
        }
      }
      for (const ing of s.status?.loadBalancer?.ingress ?? []) {
        if (ing.ip)
          out.push({
            value: `${ing.ip}:${p.port}`,
            label: `${ing.ip}:${p.port} (LoadBalancer ${tag})`,
          });
      }
      for (const ext of s.spec.externalIPs ?? []) {
        out.push({ value: `${ext}:${p.port}`, label: `${ext}:${p.port} (externalIP ${tag})` });
      }
    }
  }
  for (const p of cluster.pods) {
    const ip = p.status?.podIP;
    const port = p.spec.containers.flatMap((c) => c.ports ?? [])[0]?.containerPort ?? 80;
    if (ip && !p.spec.hostNetwork) {
      out.push({ value: `${ip}:${port}`, label: `${ip}:${port} (pod ${p.metadata.name ?? ''})` });
    }
  }
  return out;
}

export type TraceOutcome =
  | { readonly ok: true; readonly trace: Trace; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function runTrace(cluster: Cluster, req: TraceRequest): TraceOutcome {
  const r = tracePacket(cluster, req, { world: worldOf(cluster), state: affinity });
  return r.ok ? { ok: true, trace: r.value, diagnostics: r.diagnostics } : r;
}

/** `n` walks with seeds 1..n: how often each endpoint (or refusal, drop) comes up. */
export function sampleTraces(cluster: Cluster, req: TraceRequest, n: number): Map<string, number> {
  const counts = new Map<string, number>();
  const world = worldOf(cluster);
  for (let seed = 1; seed <= n; seed++) {
    const r = tracePacket(
      cluster,
      { ...req, seed },
      { world, state: affinity.clone(), skipDistribution: true },
    );
    if (!r.ok) break;
    const key = r.value.endpoint ?? r.value.verdict;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
