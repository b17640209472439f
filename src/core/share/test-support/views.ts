/**
 * Everything a user sees of a scenario, as one text: the objects as the API server stores them,
 * every node's `iptables-save`, `kubectl get` (wide, all namespaces) of each resource and
 * `kubectl describe` of every Service. Two scenarios with the same views are the same to a user.
 */

import { printSave } from '../../iptables/save.ts';
import { compileKubeProxy } from '../../kube-proxy/compile.ts';
import { nodeRuleset } from '../../kube-proxy/node-view.ts';
import { describeService } from '../../kubectl/describe-service.ts';
import { type GetResource, kubectlGet } from '../../kubectl/get.ts';
import { kubectlGetOutput } from '../../kubectl/objects.ts';
import { applyScenario } from '../../model/apply.ts';
import { stableStringify, withoutBookkeeping } from '../prune.ts';

const RESOURCES: readonly GetResource[] = ['pods', 'services', 'endpointslices'];

/**
 * Apart from the server's bookkeeping (last-applied-configuration, resourceVersion: see
 * `withoutBookkeeping`), everything must be the same.
 */
export function userViews(scenario: string): string {
  const applied = applyScenario(scenario);
  const cluster = {
    ...applied.cluster,
    pods: applied.cluster.pods.map(withoutBookkeeping),
    services: applied.cluster.services.map(withoutBookkeeping),
    endpointSlices: applied.cluster.endpointSlices.map(withoutBookkeeping),
    nodes: applied.cluster.nodes.map(withoutBookkeeping),
  };
  const out: string[] = [`objects: ${stableStringify(applied.objects.map(withoutBookkeeping))}`];
  for (const node of cluster.nodes) {
    const name = node.metadata.name ?? '';
    const compiled = compileKubeProxy(cluster, { node: name });
    out.push(
      `# iptables-save on ${name}`,
      compiled.ok ? printSave(nodeRuleset(compiled.value)) : stableStringify(compiled.diagnostics),
    );
  }
  for (const resource of RESOURCES) {
    const got = kubectlGet(cluster, resource, { wide: true, allNamespaces: true });
    out.push(`# kubectl get ${resource} -A -o wide`, got.stdout, got.stderr);
    out.push(
      `# kubectl get ${resource} -A -o yaml`,
      kubectlGetOutput(cluster, resource, 'yaml', { allNamespaces: true }),
    );
  }
  for (const svc of cluster.services)
    out.push(`# kubectl describe service ${svc.metadata.name}`, describeService(svc, cluster));
  return out.join('\n');
}
