/**
 * Everything a walk needs about the cluster, built once per Cluster: its network, and each node's
 * netfilter — kube-proxy's rules for that node (exactly what the Rules view prints) plus flannel's.
 */
import { KubeProxyCompiler } from '../kube-proxy/compile.ts';
import { nodeRuleset } from '../kube-proxy/node-view.ts';
import type { Cluster } from '../model/types.ts';
import { indexNetfilter, type NodeNetfilter } from '../netfilter/ruleset-index.ts';
import { type ClusterNetwork, clusterNetwork, nodeByName } from '../network/cluster-network.ts';
import { flannelRules } from '../network/flannel-rules.ts';

export interface TraceWorld {
  readonly cluster: Cluster;
  readonly net: ClusterNetwork;
  /** The node's netfilter, or null when kube-proxy cannot run there (no such node). */
  netfilter(node: string): NodeNetfilter | null;
}

export function traceWorld(cluster: Cluster, compiler = new KubeProxyCompiler()): TraceWorld {
  const net = clusterNetwork(cluster);
  const cache = new Map<string, NodeNetfilter | null>();
  return {
    cluster,
    net,
    netfilter(node) {
      let nf = cache.get(node);
      if (nf === undefined) {
        const compiled = compiler.compile(cluster, { node });
        const n = nodeByName(net, node);
        nf =
          compiled.ok && n
            ? indexNetfilter(
                node,
                nodeRuleset(compiled.value),
                flannelRules(net.clusterCidr, n.podCidr),
              )
            : null;
        cache.set(node, nf);
      }
      return nf;
    },
  };
}
