/**
 * What listens on a node's own addresses in a kubeadm cluster, so a packet delivered to the node
 * itself is answered (or refused, as the kernel does when no socket listens: TCP RST, or ICMP
 * port unreachable for UDP): sshd, the kubelet, kube-proxy's health server and every
 * healthCheckNodePort it serves, the control plane's API server and etcd on control-plane nodes,
 * flannel's VXLAN port, and hostNetwork Pods' declared ports.
 */
import type { Protocol } from '../iptables/types.ts';
import type { Cluster } from '../model/types.ts';

export interface Listener {
  readonly port: number;
  readonly protocol: Protocol;
  readonly what: string;
}

const EVERY_NODE: readonly Listener[] = [
  { port: 22, protocol: 'tcp', what: 'sshd' },
  { port: 10250, protocol: 'tcp', what: 'the kubelet' },
  { port: 10256, protocol: 'tcp', what: "kube-proxy's health server" },
  { port: 8472, protocol: 'udp', what: "flannel's VXLAN (the kernel's vxlan device)" },
];

const CONTROL_PLANE: readonly Listener[] = [
  { port: 6443, protocol: 'tcp', what: 'kube-apiserver' },
  { port: 2379, protocol: 'tcp', what: 'etcd' },
  { port: 2380, protocol: 'tcp', what: 'etcd (peers)' },
];

export function nodeListener(
  cluster: Cluster,
  node: string,
  port: number,
  protocol: Protocol,
): Listener | null {
  const n = cluster.nodes.find((x) => x.metadata.name === node);
  const labels = n?.metadata.labels ?? {};
  const controlPlane =
    'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels;
  const fixed = [...EVERY_NODE, ...(controlPlane ? CONTROL_PLANE : [])];
  const known = fixed.find((l) => l.port === port && l.protocol === protocol);
  if (known) return known;
  if (protocol === 'tcp') {
    const svc = cluster.services.find((s) => s.spec.healthCheckNodePort === port);
    if (svc) {
      return {
        port,
        protocol,
        what: `kube-proxy's health check for ${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`,
      };
    }
  }
  for (const pod of cluster.pods) {
    if (!pod.spec.hostNetwork || pod.spec.nodeName !== node) continue;
    for (const c of pod.spec.containers) {
      for (const p of c.ports ?? []) {
        if (p.containerPort === port && (p.protocol ?? 'TCP').toLowerCase() === protocol) {
          return { port, protocol, what: `hostNetwork pod ${pod.metadata.name ?? ''}` };
        }
      }
    }
  }
  return null;
}
