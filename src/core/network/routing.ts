/**
 * A node's routing table as flannel (VXLAN) and the kubelet leave it, and the kernel's lookup:
 *   local:   the node's own addresses
 *   10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1
 *   10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink      (one per other node)
 *   172.18.0.0/24 dev eth0 proto kernel scope link src 172.18.0.3
 *   default via 172.18.0.1 dev eth0
 */
import { inCidr } from '../netfilter/addr.ts';
import {
  type ClusterNetwork,
  isLocalAddress,
  type NodeNetwork,
  nodeOwningPodIp,
} from './cluster-network.ts';

export type Route =
  | { readonly kind: 'local'; readonly text: string }
  | {
      readonly kind: 'bridge';
      readonly dev: 'cni0';
      readonly src: string;
      readonly text: string;
    }
  | {
      readonly kind: 'vxlan';
      readonly dev: 'flannel.1';
      /** The other node's VTEP address (the gateway of the route). */
      readonly via: string;
      /** The node the VXLAN packet is sent to. */
      readonly peer: string;
      readonly src: string;
      readonly text: string;
    }
  | {
      readonly kind: 'link' | 'gateway';
      readonly dev: 'eth0';
      readonly via: string | null;
      readonly src: string;
      readonly text: string;
    };

export function route(net: ClusterNetwork, node: NodeNetwork, dst: string): Route {
  if (isLocalAddress(node, dst)) {
    return { kind: 'local', text: `local ${dst} dev ${localDev(node, dst)} table local` };
  }
  if (node.podCidr && node.bridgeIp && inCidr(node.podCidr, dst)) {
    return {
      kind: 'bridge',
      dev: 'cni0',
      src: node.bridgeIp,
      text: `${node.podCidr} dev cni0 proto kernel scope link src ${node.bridgeIp}`,
    };
  }
  const peer = nodeOwningPodIp(net, dst);
  if (peer?.podCidr && peer.vtepIp && node.vtepIp) {
    return {
      kind: 'vxlan',
      dev: 'flannel.1',
      via: peer.vtepIp,
      peer: peer.name,
      src: node.vtepIp,
      text: `${peer.podCidr} via ${peer.vtepIp} dev flannel.1 onlink`,
    };
  }
  const src = node.ip ?? '0.0.0.0';
  if (inCidr(net.nodeCidr, dst)) {
    return {
      kind: 'link',
      dev: 'eth0',
      via: null,
      src,
      text: `${net.nodeCidr} dev eth0 proto kernel scope link src ${src}`,
    };
  }
  return {
    kind: 'gateway',
    dev: 'eth0',
    via: net.gateway,
    src,
    text: `default via ${net.gateway} dev eth0`,
  };
}

function localDev(node: NodeNetwork, ip: string): string {
  if (ip === node.ip) return 'eth0';
  if (ip === node.bridgeIp) return 'cni0';
  if (ip === node.vtepIp) return 'flannel.1';
  return 'lo';
}

/** The address MASQUERADE picks: the primary address of the interface the packet leaves by. */
export function interfaceAddress(r: Route, node: NodeNetwork): string {
  return r.kind === 'local' ? (node.ip ?? '127.0.0.1') : r.src;
}
