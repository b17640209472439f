/**
 * From a rule's provenance (`Service default/nginx`, `EndpointSlice default/nginx-abc`
 * `endpoints[2]`) to the shapes on the canvas that stand for it.
 */
import type { Cluster } from '../../core/index.ts';
import { podId, serviceId } from '../topology/to-flow-elements.ts';

export interface SourceRefLike {
  readonly object: string;
  readonly field?: string;
}

function split(nsName: string): [string, string] {
  const i = nsName.indexOf('/');
  return i < 0 ? ['', nsName] : [nsName.slice(0, i), nsName.slice(i + 1)];
}

export function canvasIdsOf(cluster: Cluster, sources: readonly SourceRefLike[]): string[] {
  const ids: string[] = [];
  for (const s of sources) {
    const space = s.object.indexOf(' ');
    const kind = s.object.slice(0, space);
    const [ns, name] = split(s.object.slice(space + 1));
    if (kind === 'Service') ids.push(serviceId(ns, name));
    else if (kind === 'Pod') ids.push(podId(ns, name));
    else if (kind === 'Node') ids.push(`node:${name}`);
    else if (kind === 'EndpointSlice') {
      const slice = cluster.endpointSlices.find(
        (e) => e.metadata.name === name && (e.metadata.namespace ?? 'default') === ns,
      );
      const svc = slice?.metadata.labels?.['kubernetes.io/service-name'];
      if (svc) ids.push(serviceId(ns, svc));
      const m = /^endpoints\[(\d+)\]/.exec(s.field ?? '');
      const ep = m ? slice?.endpoints[Number(m[1])] : undefined;
      if (ep?.targetRef?.kind === 'Pod') ids.push(podId(ns, ep.targetRef.name));
      else if (ep?.addresses[0]) {
        const pod = cluster.pods.find((p) => p.status?.podIP === ep.addresses[0]);
        if (pod) ids.push(podId(pod.metadata.namespace ?? 'default', pod.metadata.name ?? ''));
      }
    }
  }
  return ids;
}
