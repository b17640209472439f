/**
 * The DNS tab's one door into the core's DNS area. Everything the panel shows comes from here,
 * so switching to the resolv.conf / search-walk API later means editing this file only.
 *
 * Today: `dig NAME TYPE` run inside the chosen Pod. dig does not apply the search list
 * (`+nosearch` is its default), so it asks exactly the name typed, of the first nameserver in
 * the Pod's /etc/resolv.conf — the kube-dns ClusterIP for the default dnsPolicy ClusterFirst.
 */
import { type Cluster, ClusterDns, type Pod, parseDigArgs, runDig } from '../../core/index.ts';

/** The types the tab offers, in dig's spelling. */
export const DNS_TYPES = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'ANY'] as const;

export interface DigQuery {
  /** `namespace/name` of the Pod dig runs in. */
  readonly pod: string;
  /** A name (or, with PTR, an IP address, asked as `dig -x`); extra `+options` are passed on. */
  readonly name: string;
  readonly type: string;
}

export type DigOutcome =
  | {
      readonly ok: true;
      /** What the user would type: `kubectl exec POD -- dig ...`. */
      readonly command: string;
      readonly nameserver: string;
      readonly text: string;
    }
  | { readonly ok: false; readonly command: string; readonly error: string };

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
}

/** Pods dig can run in: those with an IP (a Pod that is not running has no shell to exec into). */
export function sourcePods(cluster: Cluster): Pod[] {
  return cluster.pods.filter((p) => (p.status?.podIP ?? '') !== '');
}

/**
 * The first nameserver of the Pod's resolv.conf as the kubelet writes it, or why it is not the
 * cluster's DNS (kubelet's dns.go: ClusterFirst on hostNetwork falls back to Default).
 */
function nameserverOf(cluster: Cluster, pod: Pod): { server: string } | { error: string } {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const host = pod.spec.hostNetwork === true;
  if (policy === 'None') {
    const first = pod.spec.dnsConfig?.nameservers?.[0];
    return first
      ? { server: first }
      : { error: 'dnsPolicy None with no dnsConfig.nameservers: resolv.conf has no nameserver' };
  }
  if (policy === 'Default' || (policy === 'ClusterFirst' && host))
    return {
      error: `dnsPolicy ${policy}${host ? ' on hostNetwork' : ''}: the Pod uses its Node's resolv.conf, which svclab does not model`,
    };
  return { server: cluster.clusterDNS };
}

/** Splits the typed text into dig's words; a PTR query for an IP address becomes `-x IP`. */
function digWords(q: DigQuery): string[] {
  const words = q.name
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const first = words[0] ?? '';
  if (q.type === 'PTR' && /^[0-9.]+$|:/.test(first) && !first.endsWith('.arpa'))
    return ['-x', ...words];
  return [...words, q.type];
}

/**
 * Names worth asking about in this cluster, for the name field's suggestions: each Service's
 * FQDN, the SRV name of each named port, and each headless Service's per-Pod hostnames.
 */
export function suggestedNames(cluster: Cluster): string[] {
  const names: string[] = [];
  const zone = cluster.dnsDomain;
  for (const svc of cluster.services) {
    const ns = svc.metadata.namespace ?? 'default';
    const fqdn = `${svc.metadata.name}.${ns}.svc.${zone}`;
    names.push(fqdn);
    for (const p of svc.spec.ports ?? [])
      if (p.name) names.push(`_${p.name}._${(p.protocol ?? 'TCP').toLowerCase()}.${fqdn}`);
    if (svc.spec.clusterIP === 'None')
      for (const pod of cluster.pods)
        if (
          pod.spec.subdomain === svc.metadata.name &&
          pod.spec.hostname &&
          (pod.metadata.namespace ?? 'default') === ns
        )
          names.push(`${pod.spec.hostname}.${fqdn}`);
  }
  return names;
}

const dnsOf = new WeakMap<Cluster, ClusterDns>();

export function digFromPod(cluster: Cluster, q: DigQuery): DigOutcome {
  const pod = cluster.pods.find((p) => podKey(p) === q.pod);
  const words = digWords(q);
  const command = `kubectl exec ${pod?.metadata.name ?? q.pod}${
    pod && (pod.metadata.namespace ?? 'default') !== 'default'
      ? ` -n ${pod.metadata.namespace}`
      : ''
  } -- dig ${words.join(' ')}`;
  if (!pod)
    return { ok: false, command, error: `Error from server (NotFound): pods "${q.pod}" not found` };
  const ns = nameserverOf(cluster, pod);
  if ('error' in ns) return { ok: false, command, error: ns.error };
  if (ns.server !== cluster.clusterDNS)
    return {
      ok: false,
      command,
      error: `the Pod's nameserver ${ns.server} is not the cluster DNS (${cluster.clusterDNS}); svclab models only CoreDNS`,
    };
  const parsed = parseDigArgs(words);
  if ('error' in parsed) return { ok: false, command, error: parsed.error };
  if (parsed.server !== undefined && parsed.server !== cluster.clusterDNS)
    return {
      ok: false,
      command,
      error: `svclab models only the cluster DNS (${cluster.clusterDNS})`,
    };
  let dns = dnsOf.get(cluster);
  if (!dns) {
    dns = new ClusterDns(cluster);
    dnsOf.set(cluster, dns);
  }
  const run = runDig(dns, {
    args: words,
    name: parsed.name,
    type: parsed.type,
    server: parsed.server ?? ns.server,
    serverGiven: parsed.server !== undefined,
    short: parsed.short,
    tcp: parsed.tcp,
    query: {
      edns: parsed.edns,
      rd: parsed.recurse,
      ad: parsed.adflag,
      cd: parsed.cdflag,
      ...(parsed.cookie ? {} : { cookie: null }),
    },
    ...(parsed.port !== undefined ? { port: parsed.port } : {}),
  });
  return { ok: true, command, nameserver: ns.server, text: run.text };
}
