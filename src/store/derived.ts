/**
 * Derived data, computed by the core once per cluster and shared by every panel: the rules of
 * each node. Keyed by the Cluster object, which applyScenario returns anew for each text, so a
 * cache entry can never be stale.
 */
import type { Cluster } from '../core/index.ts';
import { type NodeRules, nodeRules } from './core-api.ts';

const rulesCache = new WeakMap<Cluster, Map<string, NodeRules | null>>();

export function rulesOf(cluster: Cluster, node: string): NodeRules | null {
  let perNode = rulesCache.get(cluster);
  if (!perNode) {
    perNode = new Map();
    rulesCache.set(cluster, perNode);
  }
  if (!perNode.has(node)) perNode.set(node, nodeRules(cluster, node));
  return perNode.get(node) ?? null;
}
