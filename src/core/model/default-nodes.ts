/**
 * Nodes: the default cluster for scenarios that name none, and the fields the node IPAM controller
 * and the kubelet would fill in for Nodes given without them.
 *
 * The default is two worker nodes, node1 and node2, as in the seed blog post: on a kubeadm cluster
 * the control plane registers first and takes the pod subnet's block 0 (10.244.0.0/24), so the
 * workers hold blocks 1 and 2 (10.244.1.0/24, 10.244.2.0/24). The control plane itself is not
 * modelled (it is tainted NoSchedule, so no Service endpoints land on it). Node addresses follow
 * kind's docker network (control plane 172.18.0.2, workers from 172.18.0.3), the same addresses as
 * the kube-proxy conformance fixtures.
 *
 * For given Nodes without `spec.podCIDR`, blocks are handed out as the node IPAM range allocator
 * does (pkg/controller/nodeipam/ipam/cidrset): /24 (IPv4) or /64 (IPv6) blocks in registration
 * (document) order, from the first block not already used by another Node — after block 0,
 * which the (unmodelled) control plane registered first and holds.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import { ModelCode } from './codes.ts';
import { type Cidr, cidrContains, formatCidr, parseCidr, parseIP, subnet } from './ip.ts';
import type { Node } from './types.ts';

const NODE_IP_BASE = '172.18.0.';
/** The first worker's address on kind's network (the control plane has .2). */
const FIRST_WORKER_HOST = 3;

export function defaultNodes(podCidrs: readonly Cidr[], creationTimestamp: string): Node[] {
  return ['node1', 'node2'].map((name, i) => {
    const blocks = podCidrs
      .map((c) => subnet(c, c.family === 4 ? 24 : 64, i + 1))
      .filter((b): b is Cidr => b !== null)
      .map(formatCidr);
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        creationTimestamp,
        labels: {
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
        },
      },
      spec: blocks[0] ? { podCIDR: blocks[0], podCIDRs: blocks } : {},
      status: {
        addresses: [
          { type: 'InternalIP', address: `${NODE_IP_BASE}${FIRST_WORKER_HOST + i}` },
          { type: 'Hostname', address: name },
        ],
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    };
  });
}

/** Fills podCIDR(s), addresses and the hostname label where a given Node lacks them. */
export function completeNodes(
  nodes: readonly Node[],
  podCidrs: readonly Cidr[],
  diagnostics: Diagnostic[],
): Node[] {
  const used = new Set<string>();
  for (const n of nodes) for (const c of n.spec?.podCIDRs ?? [n.spec?.podCIDR ?? '']) used.add(c);
  // Block 0 is the control plane's (see above), as it is in defaultNodes.
  const cursors = podCidrs.map(() => 1);
  const usedIPs = new Set(nodes.flatMap((n) => (n.status?.addresses ?? []).map((a) => a.address)));
  let nextHost = FIRST_WORKER_HOST;
  return nodes.map((node) => {
    const spec = { ...(node.spec ?? {}) };
    if (spec.podCIDR === undefined && (spec.podCIDRs?.length ?? 0) === 0) {
      const blocks: string[] = [];
      podCidrs.forEach((cidr, f) => {
        const size = cidr.family === 4 ? 24 : 64;
        for (;;) {
          const b = subnet(cidr, size, cursors[f] ?? 0);
          cursors[f] = (cursors[f] ?? 0) + 1;
          if (b === null) {
            diagnostics.push(
              diagnostic(
                ModelCode.podIP,
                'warning',
                `Node ${node.metadata.name ?? ''}: no pod CIDR left in ${formatCidr(cidr)}`,
                { object: `Node ${node.metadata.name ?? ''}`, field: 'spec.podCIDR' },
              ),
            );
            return;
          }
          const text = formatCidr(b);
          if (!used.has(text)) {
            used.add(text);
            blocks.push(text);
            return;
          }
        }
      });
      if (blocks[0]) {
        spec.podCIDR = blocks[0];
        spec.podCIDRs = blocks;
      }
    } else if (spec.podCIDR === undefined && spec.podCIDRs?.[0]) {
      spec.podCIDR = spec.podCIDRs[0];
    } else if (spec.podCIDR !== undefined && (spec.podCIDRs?.length ?? 0) === 0) {
      spec.podCIDRs = [spec.podCIDR];
    }
    const status = { ...(node.status ?? {}) };
    const addresses = [...(status.addresses ?? [])];
    if (!addresses.some((a) => a.type === 'InternalIP')) {
      while (usedIPs.has(`${NODE_IP_BASE}${nextHost}`)) nextHost++;
      const ip = `${NODE_IP_BASE}${nextHost++}`;
      usedIPs.add(ip);
      addresses.unshift({ type: 'InternalIP', address: ip });
    }
    const name = node.metadata.name ?? '';
    if (!addresses.some((a) => a.type === 'Hostname'))
      addresses.push({ type: 'Hostname', address: name });
    status.addresses = addresses;
    const labels = { ...(node.metadata.labels ?? {}) };
    if (labels['kubernetes.io/hostname'] === undefined) labels['kubernetes.io/hostname'] = name;
    return { ...node, metadata: { ...node.metadata, labels }, spec, status };
  });
}

/** Whether `ip` lies in one of the node's pod CIDRs. */
export function nodeOwnsIP(node: Node, ip: string): boolean {
  const a = parseIP(ip);
  if (!a) return false;
  return (node.spec?.podCIDRs ?? []).some((c) => {
    const cidr = parseCidr(c);
    return cidr !== null && cidrContains(cidr, a);
  });
}
