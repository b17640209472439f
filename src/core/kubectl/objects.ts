/** The objects `kubectl get RESOURCE -o yaml|json` prints, in kubectl's order. */
import type { Cluster } from '../model/types.ts';
import { type GetOptions, type GetResource, inScope } from './get.ts';
import { asList, toJson, toYaml } from './output.ts';

export function kubectlGetObjects(
  cluster: Cluster,
  resource: GetResource,
  opts: GetOptions = {},
): unknown[] {
  switch (resource) {
    case 'pods':
      return inScope(cluster.pods, opts);
    case 'services':
      return inScope(cluster.services, opts);
    case 'endpointslices':
      return inScope(cluster.endpointSlices, opts);
  }
}

/**
 * `kubectl get RESOURCE -o yaml|json`: a List, as kubectl prints for a resource type; one named
 * object (`get svc web -o yaml`) is printed on its own, as kubectl does.
 */
export function kubectlGetOutput(
  cluster: Cluster,
  resource: GetResource,
  format: 'yaml' | 'json',
  opts: GetOptions = {},
): string {
  const items = kubectlGetObjects(cluster, resource, opts);
  if (opts.names?.length === 1 && items.length === 1) {
    return format === 'yaml' ? toYaml(items[0]) : toJson(items[0]);
  }
  const list = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  return format === 'yaml' ? toYaml(list) : toJson(list);
}

export { asList };
