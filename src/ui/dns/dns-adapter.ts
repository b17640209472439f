/**
 * The DNS tab's one door into the core's DNS area. Everything the panel shows comes from here,
 * so switching to the resolv.conf / search-walk API later means editing this file only.
 *
 * `dig NAME TYPE` run inside the chosen Pod: dig asks the first nameserver of the Pod's
 * /etc/resolv.conf for exactly the name typed (`+nosearch` is its default; `+search` walks the
 * search list). Beside it, the walk a program's getaddrinfo makes for the same name.
 */
import {
  type Cluster,
  ClusterDns,
  digInPod,
  formatWalk,
  type Pod,
  resolveInPod,
} from '../../core/index.ts';

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
      /** The Pod's /etc/resolv.conf. */
      readonly resolvConf: string;
      /** The names getaddrinfo asks for, in order (null for a reverse lookup). */
      readonly walk: string | null;
    }
  | { readonly ok: false; readonly command: string; readonly error: string };

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
}

/** Pods dig can run in: those with an IP (a Pod that is not running has no shell to exec into). */
export function sourcePods(cluster: Cluster): Pod[] {
  return cluster.pods.filter((p) => (p.status?.podIP ?? '') !== '');
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
function dnsFor(cluster: Cluster): ClusterDns {
  let dns = dnsOf.get(cluster);
  if (!dns) {
    dns = new ClusterDns(cluster);
    dnsOf.set(cluster, dns);
  }
  return dns;
}

/**
 * `dig` inside the Pod, through the DNS area's digInPod: the Pod's resolv.conf as the kubelet
 * writes it picks the server, and with `+search` dig walks its search list. Also: the resolv.conf
 * itself, and the walk getaddrinfo makes for the same name (what a program in the Pod does).
 */
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
  const dns = dnsFor(cluster);
  const dig = digInPod(cluster, { pod, args: words, dns });
  if (!dig.ok) {
    return { ok: false, command, error: dig.diagnostics.map((d) => d.message).join('\n') };
  }
  const name = dig.value.args.name;
  const walk = words.includes('-x') ? null : resolveInPod(cluster, { pod, name, dns });
  return {
    ok: true,
    command,
    nameserver: dig.value.server,
    text: dig.value.text,
    resolvConf: dig.value.resolv.text,
    walk: walk?.ok ? formatWalk(walk.value, q.pod) : null,
  };
}
