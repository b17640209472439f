/** Small pieces several lessons' checks share. */
import type { Cluster } from '../core/index.ts';
import { clusterAddress, reachable } from './probes.ts';
import type { CheckOutcome, Localized } from './types.ts';

export function firstNodeSource(cluster: Cluster): string {
  return `node:${cluster.nodes[0]?.metadata.name ?? ''}`;
}

export function outcome(passed: boolean, observed: Localized): CheckOutcome {
  return { passed, observed };
}

export const NO_SERVICE = (name: string): Localized => ({
  en: `There is no Service \`${name}\` with a ClusterIP in the scenario.`,
  zh: `场景中没有带 ClusterIP 的 Service \`${name}\`。`,
});

/** "A packet to ADDR can reach N Pods: p1, p2…" for a Service's ClusterIP from the first node. */
export function spread(cluster: Cluster, name: string) {
  const to = clusterAddress(cluster, name);
  const ends = to ? reachable(cluster, firstNodeSource(cluster), to) : [];
  const list = ends.map((e) => `${e.endpoint} (${e.probability.toFixed(3)})`).join(', ');
  const observed: Localized = to
    ? {
        en: `A packet to ${to} can reach ${ends.length} Pod${ends.length === 1 ? '' : 's'}${list ? `: ${list}` : ''}.`,
        zh: `发往 ${to} 的数据包可以到达 ${ends.length} 个 Pod${list ? `：${list}` : ''}。`,
      }
    : NO_SERVICE(name);
  return { to, ends, observed };
}
