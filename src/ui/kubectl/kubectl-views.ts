/**
 * The kubectl tab's views: which command it shows and what kubectl prints for it, computed by the
 * core's kubectl printers (src/core/kubectl) from the current Cluster. Pure, so it is unit-tested
 * without a browser.
 */
import { type Cluster, describeService, type GetResource, kubectlGet } from '../../core/index.ts';

export type KubectlView = 'pods' | 'services' | 'endpointslices' | 'describe';

export const VIEWS: readonly { readonly id: KubectlView; readonly label: string }[] = [
  { id: 'pods', label: 'get pods -o wide' },
  { id: 'services', label: 'get svc -o wide' },
  { id: 'endpointslices', label: 'get endpointslices' },
  { id: 'describe', label: 'describe svc' },
];

/** The namespace picker's value for `-A`. */
export const ALL_NAMESPACES = '*';

export interface KubectlQuery {
  readonly view: KubectlView;
  /** A namespace, or ALL_NAMESPACES. */
  readonly namespace: string;
  /** For describe: `namespace/name` of the Service. */
  readonly service: string;
}

export interface KubectlRun {
  /** The command as a user would type it. */
  readonly command: string;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every namespace that holds a Pod or a Service, `default` first. */
export function namespacesOf(cluster: Cluster): string[] {
  const names = new Set<string>(['default']);
  for (const o of [...cluster.pods, ...cluster.services, ...cluster.endpointSlices])
    names.add(o.metadata.namespace ?? 'default');
  return [...names].sort((a, b) =>
    a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b),
  );
}

export function serviceKeys(cluster: Cluster): string[] {
  return cluster.services.map(
    (s) => `${s.metadata.namespace ?? 'default'}/${s.metadata.name ?? ''}`,
  );
}

function scopeFlag(namespace: string): string {
  if (namespace === ALL_NAMESPACES) return ' -A';
  return namespace === 'default' ? '' : ` -n ${namespace}`;
}

const SHORT: Record<GetResource, string> = {
  pods: 'pods',
  services: 'svc',
  endpointslices: 'endpointslices',
};

export function runKubectl(cluster: Cluster, q: KubectlQuery): KubectlRun {
  if (q.view === 'describe') {
    const slash = q.service.indexOf('/');
    const ns = q.service.slice(0, slash);
    const name = q.service.slice(slash + 1);
    const command = `kubectl describe svc ${name}${scopeFlag(ns)}`;
    const svc = cluster.services.find(
      (s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === ns,
    );
    if (!svc)
      return {
        command: q.service ? command : 'kubectl describe svc',
        stdout: '',
        stderr: q.service
          ? `Error from server (NotFound): services "${name}" not found\n`
          : 'error: there are no Services to describe\n',
      };
    return { command, stdout: describeService(svc, cluster), stderr: '' };
  }
  const wide = q.view !== 'endpointslices';
  const all = q.namespace === ALL_NAMESPACES;
  const out = kubectlGet(cluster, q.view, {
    wide,
    ...(all ? { allNamespaces: true } : { namespace: q.namespace }),
  });
  return {
    command: `kubectl get ${SHORT[q.view]}${wide ? ' -o wide' : ''}${scopeFlag(q.namespace)}`,
    stdout: out.stdout,
    stderr: out.stderr,
  };
}
