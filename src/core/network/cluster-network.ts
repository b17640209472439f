/**
 * The network a kubeadm + flannel (VXLAN) cluster sits on, derived from the Cluster:
 *  - each node has eth0 with its InternalIP on one L2 network, the bridge cni0 holding the first
 *    address of its podCIDR (the pods' gateway), and the VTEP flannel.1 holding the podCIDR's
 *    network address (flannel's convention: 10.244.1.0/32 for 10.244.1.0/24);
 *  - pods sit on their node's cni0 with their status.podIP (hostNetwork pods use the node's
 *    address and are processes of the node);
 *  - an external client sits on the nodes' network.
 * The nodes' network is the smallest block, at most a /24, holding every node address; its first
 * address is the gateway (docker's and kind's convention).
 */
import { type Cidr, cidrSize, formatCidr, formatIP, parseIP } from '../model/ip.ts';
import type { Cluster, Pod } from '../model/types.ts';
import { inCidr } from '../netfilter/addr.ts';

export interface NodeNetwork {
  readonly name: string;
  /** eth0: the node's InternalIP (IPv4), or null when it has none. */
  readonly ip: string | null;
  readonly podCidr: string | null;
  /** cni0: the pods' gateway, the first address of podCIDR. */
  readonly bridgeIp: string | null;
  /** flannel.1: the VTEP address, podCIDR's network address. */
  readonly vtepIp: string | null;
}

export interface PodPlace {
  /** The Pod object; null for an endpoint known only from an EndpointSlice (its Pod not given). */
  readonly pod: Pod | null;
  /** `namespace/name`. */
  readonly key: string;
  readonly node: string;
  readonly ip: string;
}

export interface ClusterNetwork {
  readonly nodes: readonly NodeNetwork[];
  /** The L2 network the nodes (and the external client) share, e.g. 172.18.0.0/24. */
  readonly nodeCidr: string;
  readonly gateway: string;
  /** flannel's network: the cluster's pod subnet. */
  readonly clusterCidr: string;
  /** The external client's default address: host .100 of the nodes' network (or the next free). */
  readonly externalClient: string;
  /** Pods with their own IP (not hostNetwork), by IP. */
  readonly podsByIp: ReadonlyMap<string, PodPlace>;
}

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
}

export function clusterNetwork(cluster: Cluster): ClusterNetwork {
  const nodes: NodeNetwork[] = cluster.nodes.map((n) => {
    const ip =
      (n.status?.addresses ?? []).find((a) => a.type === 'InternalIP' && !a.address.includes(':'))
        ?.address ?? null;
    const podCidr = [...(n.spec?.podCIDRs ?? []), n.spec?.podCIDR ?? ''].find(
      (c) => c !== '' && !c.includes(':'),
    );
    const block = podCidr ? parseCidrOrNull(podCidr) : null;
    return {
      name: n.metadata.name ?? '',
      ip,
      podCidr: block ? formatCidr(block) : null,
      bridgeIp: block ? formatIP(4, block.base + 1n) : null,
      vtepIp: block ? formatIP(4, block.base) : null,
    };
  });
  const nodeCidr = nodesNetwork(nodes.flatMap((n) => (n.ip ? [n.ip] : [])));
  const block = parseCidrOrNull(nodeCidr) as Cidr;
  const gateway = formatIP(4, block.base + 1n);
  const used = new Set(nodes.map((n) => n.ip));
  let offset = 100n;
  while (used.has(formatIP(4, block.base + offset)) && offset < cidrSize(block) - 2n) offset++;
  const podsByIp = new Map<string, PodPlace>();
  for (const pod of cluster.pods) {
    if (pod.spec.hostNetwork) continue;
    const ip = pod.status?.podIP;
    const node = pod.spec.nodeName;
    if (ip && node && !ip.includes(':')) podsByIp.set(ip, { pod, key: podKey(pod), node, ip });
  }
  // Scenarios may give EndpointSlices without their Pods (as kube-proxy sees them): an endpoint
  // on a node's pod range is a pod there all the same.
  for (const slice of cluster.endpointSlices) {
    for (const ep of slice.endpoints) {
      const ip = ep.addresses[0];
      if (!ip || ip.includes(':') || podsByIp.has(ip)) continue;
      const owner = nodes.find((n) => n.podCidr !== null && inCidr(n.podCidr, ip));
      const node = ep.nodeName ?? owner?.name;
      if (!node || !owner || owner.name !== node) continue;
      const ref = ep.targetRef;
      const key = ref
        ? `${ref.namespace ?? slice.metadata.namespace ?? 'default'}/${ref.name}`
        : `${slice.metadata.namespace ?? 'default'}/${ip}`;
      podsByIp.set(ip, { pod: null, key, node, ip });
    }
  }
  return {
    nodes,
    nodeCidr,
    gateway,
    clusterCidr: cluster.podSubnet,
    externalClient: formatIP(4, block.base + offset),
    podsByIp,
  };
}

function parseCidrOrNull(text: string): Cidr | null {
  const [ip, prefix] = text.split('/');
  const a = parseIP(ip ?? '');
  const bits = Number(prefix);
  if (a?.family !== 4 || !Number.isInteger(bits) || bits < 0 || bits > 32) return null;
  const mask = (1n << BigInt(32 - bits)) - 1n;
  return { family: 4, base: a.value & ~mask, prefix: bits, hostBitsSet: false };
}

/** The smallest block of at most /24 holding every address (172.18.0.0/24 for kind's nodes). */
function nodesNetwork(ips: readonly string[]): string {
  const first = ips[0] ?? '172.18.0.2';
  for (let prefix = 24; prefix >= 8; prefix--) {
    const block = parseCidrOrNull(`${first}/${prefix}`) as Cidr;
    const text = formatCidr(block);
    if (ips.every((ip) => inCidr(text, ip))) return text;
  }
  return '0.0.0.0/0';
}

export function nodeByName(net: ClusterNetwork, name: string): NodeNetwork | undefined {
  return net.nodes.find((n) => n.name === name);
}

/** The node whose podCIDR holds the address (flannel routes it to that node's VTEP). */
export function nodeOwningPodIp(net: ClusterNetwork, ip: string): NodeNetwork | undefined {
  return net.nodes.find((n) => n.podCidr !== null && inCidr(n.podCidr, ip));
}

export function nodeWithIp(net: ClusterNetwork, ip: string): NodeNetwork | undefined {
  return net.nodes.find((n) => n.ip === ip);
}

/** The node's own addresses: what `-m addrtype --dst-type LOCAL` matches. */
export function isLocalAddress(node: NodeNetwork, ip: string): boolean {
  return (
    ip === node.ip ||
    ip === node.bridgeIp ||
    ip === node.vtepIp ||
    inCidr('127.0.0.0/8', ip) ||
    ip === '::1'
  );
}
