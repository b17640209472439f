import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import type { Match } from '../iptables/types.ts';
import type { Cluster, Node } from '../model/types.ts';
import { cidrContains, isLoopback, isZeroCidr } from './cidr.ts';
import { KubeProxyCode } from './codes.ts';
import type { Family } from './endpoints.ts';
import type { ProxyProfile } from './profile.ts';

/**
 * Everything node- and configuration-specific that kube-proxy's rules depend on: the node's name
 * (kube-proxy's hostname), its IP (the first InternalIP), its local addresses (127.0.0.1, ::1 and
 * its InternalIPs), its zone, and the KubeProxyConfiguration (clusterCIDR, masquerade, mark,
 * nodePortAddresses, localhostNodePorts).
 */
export interface NodeContext {
  readonly nodeName: string;
  readonly nodeIP: string | null;
  readonly localAddresses: readonly string[];
  readonly zone: string;
  readonly family: Family;
  readonly profile: ProxyProfile;
  readonly masqueradeAll: boolean;
  /** 1 << masqueradeBit. */
  readonly mark: number;
  readonly localhostNodePorts: boolean;
  /** nodePortAddresses of this family ([] = all local addresses). */
  readonly nodePortAddresses: readonly string[];
  /** The local-traffic detector (`-s CLUSTERCIDR`), or null when not configured. */
  readonly ifLocal: readonly Match[] | null;
  readonly ifNotLocal: readonly Match[] | null;
  /** Whether KUBE-NODEPORTS rules are written (1.26: only if some local address matches). */
  readonly writeNodePorts: boolean;
  /**
   * The KUBE-SERVICES tail jumps to KUBE-NODEPORTS: one per entry, each the matches that select
   * node-port traffic (`-m addrtype --dst-type LOCAL`, or `-d ADDRESS` per matching address).
   */
  readonly nodePortDestinations: readonly (readonly Match[])[];
  /** The clusterCIDR (or pod CIDR) the detector uses, for sentences. */
  readonly localCidr: string;
  /** What the context was made from, for cache keys. */
  readonly key: string;
}

export const KUBE_PROXY_CONFIG = 'KubeProxyConfiguration';

const familyOf = (a: string): Family => (a.includes(':') ? 'IPv6' : 'IPv4');

export function nodeContext(
  cluster: Cluster,
  node: Node,
  profile: ProxyProfile,
  family: Family,
  diagnostics: Diagnostic[],
): NodeContext {
  const proxy = cluster.proxy;
  const internal = (node.status?.addresses ?? [])
    .filter((a) => a.type === 'InternalIP')
    .map((a) => a.address);
  const nodeIP = internal.find((a) => familyOf(a) === family) ?? null;
  const bit = proxy.iptables?.masqueradeBit ?? 14;
  const mode = typeof proxy.detectLocalMode === 'string' ? proxy.detectLocalMode : 'ClusterCIDR';
  let localCidr = '';
  if (mode === 'ClusterCIDR' || mode === '') {
    // clusterCIDR may list one CIDR per family, comma-separated.
    localCidr =
      (proxy.clusterCIDR ?? '')
        .split(',')
        .map((c) => c.trim())
        .find((c) => c !== '' && familyOf(c) === family) ?? '';
  } else if (mode === 'NodeCIDR') {
    localCidr =
      (node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : [])).find(
        (c) => familyOf(c) === family,
      ) ?? '';
  } else {
    diagnostics.push(
      diagnostic(
        KubeProxyCode.UnmodelledSetting,
        'warning',
        `detectLocalMode "${mode}" is not modelled; rules are written as if no local-traffic detector were configured`,
        { object: KUBE_PROXY_CONFIG, field: 'detectLocalMode' },
      ),
    );
  }
  const nodePortAddresses = (proxy.nodePortAddresses ?? []).filter(
    (a) => (profile.nodePortAddressPrimary && a === 'primary') || familyOf(a) === family,
  );
  const localAddresses = family === 'IPv4' ? ['127.0.0.1', ...internal] : ['::1', ...internal];
  // 1.27+: localhost NodePorts are switched off when nodePortAddresses leaves out 127.0.0.1
  // (NewProxier: `if !nodePortAddresses.ContainsIPv4Loopback() { localhostNodePorts = false }`).
  const localhostNodePorts =
    (proxy.iptables?.localhostNodePorts ?? true) &&
    (profile.minor <= 26 ||
      nodePortAddresses.length === 0 ||
      nodePortAddresses.some((c) => c !== 'primary' && cidrContains(c, '127.0.0.1')));
  const { writeNodePorts, nodePortDestinations } = nodePortTargets(
    nodePortAddresses,
    localAddresses,
    nodeIP,
    family,
    localhostNodePorts,
    profile,
  );
  const ctx = {
    nodeName: node.metadata.name ?? '',
    nodeIP,
    localAddresses,
    zone: node.metadata.labels?.['topology.kubernetes.io/zone'] ?? '',
    family,
    profile,
    masqueradeAll: proxy.iptables?.masqueradeAll ?? false,
    mark: (1 << bit) >>> 0,
    localhostNodePorts,
    nodePortAddresses,
    writeNodePorts,
    nodePortDestinations,
    ifLocal: localCidr ? [{ kind: 'source', cidr: localCidr, negated: false } as const] : null,
    ifNotLocal: localCidr ? [{ kind: 'source', cidr: localCidr, negated: true } as const] : null,
    localCidr,
  };
  return { ...ctx, key: JSON.stringify({ ...ctx, profile: profile.label }) };
}

/**
 * Which destinations reach KUBE-NODEPORTS (proxier.go, the tail of syncProxyRules): with no
 * nodePortAddresses (or a zero CIDR) every LOCAL address, minus 127.0.0.0/8 when
 * localhostNodePorts is off (and ::1 always for IPv6); otherwise one `-d` rule per local address
 * inside the listed CIDRs (loopback skipped when localhostNodePorts is off).
 */
function nodePortTargets(
  cidrs: readonly string[],
  localAddresses: readonly string[],
  nodeIP: string | null,
  family: Family,
  localhostNodePorts: boolean,
  profile: ProxyProfile,
): { writeNodePorts: boolean; nodePortDestinations: Match[][] } {
  if (cidrs.length === 0 || cidrs.some(isZeroCidr)) {
    const m: Match[] = [{ kind: 'addrtype', dstType: 'LOCAL', negated: false }];
    if (family === 'IPv6') m.push({ kind: 'dest', cidr: '::1/128', negated: true });
    else if (!localhostNodePorts) m.push({ kind: 'dest', cidr: '127.0.0.0/8', negated: true });
    return { writeNodePorts: true, nodePortDestinations: [m] };
  }
  const addresses = localAddresses.filter(
    (a, i) =>
      localAddresses.indexOf(a) === i &&
      familyOf(a) === family &&
      cidrs.some((c) => (c === 'primary' ? a === nodeIP : cidrContains(c, a))),
  );
  const destinations: Match[][] = [];
  for (const a of addresses) {
    if (isLoopback(a) && (family === 'IPv6' || !localhostNodePorts)) continue;
    destinations.push([{ kind: 'dest', cidr: a, negated: false }]);
  }
  return {
    writeNodePorts: profile.nodePortsWithoutAddresses || addresses.length > 0,
    nodePortDestinations: destinations,
  };
}
