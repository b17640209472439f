/**
 * `kubectl get pods|services|endpointslices`, column-exact (reference §6.1–6.5; kubectl's
 * pkg/printers/internalversion/printers.go: printPod, printService, printEndpointSlice).
 */
import type { Cluster, EndpointSlice, Pod, Service } from '../model/types.ts';
import { resolveNow } from './clock.ts';
import { age, parseTimestamp } from './duration.ts';
import type { LabelSelector } from './label-selector.ts';
import { table } from './tabwriter.ts';

export type GetResource = 'pods' | 'services' | 'endpointslices';

export interface GetOptions {
  /** `-o wide`. */
  readonly wide?: boolean;
  /** `-n NS` (default `default`). */
  readonly namespace?: string;
  /** `-A`. */
  readonly allNamespaces?: boolean;
  /** `kubectl get svc a b`: only these names (in the order given, as kubectl prints them). */
  readonly names?: readonly string[];
  /** ISO timestamp or epoch ms; default: newest creationTimestamp + 9 s. */
  readonly now?: string | number;
  /** `-l SELECTOR`, parsed (parseLabelSelector). */
  readonly selector?: LabelSelector;
  /** `--show-labels`: a LABELS column. */
  readonly showLabels?: boolean;
}

/** What kubectl prints: the table on stdout, or the "No resources found" line on stderr. */
export interface GetOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** Accepts kubectl's names and short names for the three resources. */
export function parseResource(name: string): GetResource | null {
  const n = name.toLowerCase().split('.')[0] ?? '';
  if (['pods', 'pod', 'po'].includes(n)) return 'pods';
  if (['services', 'service', 'svc'].includes(n)) return 'services';
  if (['endpointslices', 'endpointslice'].includes(n)) return 'endpointslices';
  return null;
}

export function inScope<
  T extends { metadata: { namespace?: string; name?: string; labels?: Record<string, string> } },
>(items: readonly T[], opts: GetOptions): T[] {
  const ns = opts.namespace ?? 'default';
  const selector = opts.selector;
  const namespaced = (
    opts.allNamespaces
      ? [...items]
      : items.filter((i) => (i.metadata.namespace ?? 'default') === ns)
  ).filter((i) => !selector || selector(i.metadata.labels ?? {}));
  if (!opts.names) return namespaced;
  return opts.names.flatMap((n) => namespaced.filter((i) => i.metadata.name === n));
}

/**
 * The names asked for that do not exist, each as the API server's NotFound line
 * (`Error from server (NotFound): services "web" not found`), which kubectl prints after the rows
 * it did find.
 */
export function notFoundErrors(cluster: Cluster, resource: GetResource, opts: GetOptions): string {
  const items: ReadonlyArray<{ metadata: { namespace?: string; name?: string } }> =
    resource === 'pods'
      ? cluster.pods
      : resource === 'services'
        ? cluster.services
        : cluster.endpointSlices;
  const found = new Set(inScope(items, opts).map((i) => i.metadata.name));
  return (opts.names ?? [])
    .filter((n) => !found.has(n))
    .map((n) => `Error from server (NotFound): ${resourceKind(resource)} "${n}" not found\n`)
    .join('');
}

function resourceKind(resource: GetResource): string {
  return resource === 'endpointslices' ? 'endpointslices.discovery.k8s.io' : resource;
}

export function kubectlGet(
  cluster: Cluster,
  resource: GetResource,
  opts: GetOptions = {},
): GetOutput {
  const now = resolveNow(cluster, opts.now);
  let header: string[];
  let rows: string[][];
  switch (resource) {
    case 'pods':
      header = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
      if (opts.wide) header.push('IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES');
      rows = inScope(cluster.pods, opts).map((p) => podRow(p, now, opts.wide === true));
      break;
    case 'services':
      header = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'];
      if (opts.wide) header.push('SELECTOR');
      rows = inScope(cluster.services, opts).map((s) => serviceRow(s, now, opts.wide === true));
      break;
    case 'endpointslices':
      header = ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];
      rows = inScope(cluster.endpointSlices, opts).map((s) => sliceRow(s, now));
      break;
  }
  const items: ReadonlyArray<{
    metadata: { namespace?: string; labels?: Record<string, string> };
  }> =
    resource === 'pods'
      ? cluster.pods
      : resource === 'services'
        ? cluster.services
        : cluster.endpointSlices;
  const namespaced = inScope(items, opts);
  const missing = notFoundErrors(cluster, resource, opts);
  if (rows.length === 0) {
    if (opts.names && opts.names.length > 0) return { stdout: '', stderr: missing };
    const where = opts.allNamespaces ? '' : ` in ${opts.namespace ?? 'default'} namespace`;
    return { stdout: '', stderr: `No resources found${where}.\n` };
  }
  if (opts.showLabels) {
    header = [...header, 'LABELS'];
    rows = rows.map((r, i) => [...r, labelsText(namespaced[i]?.metadata.labels)]);
  }
  if (opts.allNamespaces) {
    header = ['NAMESPACE', ...header];
    rows = rows.map((r, i) => [namespaced[i]?.metadata.namespace ?? 'default', ...r]);
  }
  return { stdout: table([header, ...rows]), stderr: missing };
}

// ---- pods ------------------------------------------------------------------------------------

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string };
    terminated?: { reason?: string; exitCode?: number; signal?: number };
  };
  lastState?: { terminated?: { finishedAt?: string } };
}

function podRow(pod: Pod, now: number, wide: boolean): string[] {
  const statuses = (pod.status?.containerStatuses ?? []) as ContainerStatus[];
  const total = pod.spec.containers.length;
  let ready = 0;
  let restarts = 0;
  let lastRestart: number | null = null;
  let reason: string = (pod.status?.reason as string | undefined) || pod.status?.phase || '';
  let hasRunning = false;
  // A Pod held by scheduling gates: {type: PodScheduled, reason: SchedulingGated}.
  if (
    pod.status?.conditions?.some(
      (c) => c.type === 'PodScheduled' && (c as { reason?: string }).reason === 'SchedulingGated',
    )
  )
    reason = 'SchedulingGated';
  for (const cs of [...statuses].reverse()) {
    restarts += cs.restartCount ?? 0;
    const finished = cs.lastState?.terminated?.finishedAt;
    const t = parseTimestamp(finished);
    if (t !== null && (lastRestart === null || t > lastRestart)) lastRestart = t;
    if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state?.terminated?.reason) reason = cs.state.terminated.reason;
    else if (cs.state?.terminated) {
      const t = cs.state.terminated;
      reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`;
    } else if (cs.ready && cs.state && 'running' in cs.state) {
      hasRunning = true;
      ready++;
    }
  }
  // printPod: a Completed container next to running ones shows the Pod as Running (or NotReady).
  if (reason === 'Completed' && hasRunning) {
    const podReady = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    reason = podReady ? 'Running' : 'NotReady';
  }
  // A deleted Pod on an unreachable node shows Unknown; otherwise Terminating until it has ended.
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed')
    reason = 'Terminating';
  const restartText =
    restarts > 0 && lastRestart !== null
      ? `${restarts} (${age(new Date(lastRestart).toISOString(), now)} ago)`
      : String(restarts);
  const row = [
    pod.metadata.name ?? '',
    `${ready}/${total}`,
    reason,
    restartText,
    age(pod.metadata.creationTimestamp, now),
  ];
  if (wide) {
    const ip = pod.status?.podIPs?.[0]?.ip || '<none>';
    const gates = (pod.spec.readinessGates as Array<{ conditionType: string }> | undefined) ?? [];
    let gateText = '<none>';
    if (gates.length > 0) {
      const trueCount = gates.filter((g) =>
        pod.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True'),
      ).length;
      gateText = `${trueCount}/${gates.length}`;
    }
    row.push(
      ip,
      pod.spec.nodeName || '<none>',
      (pod.status?.nominatedNodeName as string | undefined) || '<none>',
      gateText,
    );
  }
  return row;
}

// ---- services --------------------------------------------------------------------------------

/** loadBalancerStatusStringer: de-duplicated, sorted IPs (or hostnames), 16-char limit. */
function loadBalancerText(svc: Service, wide: boolean): string {
  const seen = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) seen.add(ing.ip);
    else if (ing.hostname) seen.add(ing.hostname);
  }
  const r = [...seen].sort().join(',');
  if (!wide && r.length > 16) return `${r.slice(0, 13)}...`;
  return r;
}

/** getServiceExternalIP. */
export function externalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      let lb = loadBalancerText(svc, wide);
      if (externalIPs.length > 0) lb = [lb, ...externalIPs].filter((x) => x !== '').join(',');
      return lb.length > 0 ? lb : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString. */
export function portsText(svc: Service): string {
  const ports = svc.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',');
}

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function labelsText(labels: Record<string, string> | undefined): string {
  return selectorText(labels);
}

export function selectorText(selector: Record<string, string> | undefined): string {
  const keys = Object.keys(selector ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${selector?.[k]}`).join(',');
}

function serviceRow(svc: Service, now: number, wide: boolean): string[] {
  let clusterIP = svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '';
  if (clusterIP === '') clusterIP = '<none>';
  const row = [
    svc.metadata.name ?? '',
    svc.spec.type ?? 'ClusterIP',
    clusterIP,
    externalIP(svc, wide),
    portsText(svc),
    age(svc.metadata.creationTimestamp, now),
  ];
  if (wide) row.push(selectorText(svc.spec.selector));
  return row;
}

// ---- endpointslices --------------------------------------------------------------------------

/** listWithMoreString: the first 3, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}

function sliceRow(slice: EndpointSlice, now: number): string[] {
  const ports = (slice.ports ?? []).map((p) =>
    p.port !== undefined ? String(p.port) : p.name !== undefined ? p.name : '*',
  );
  const addresses = slice.endpoints.flatMap((e) => e.addresses);
  return [
    slice.metadata.name ?? '',
    slice.addressType,
    listWithMore(ports),
    listWithMore(addresses),
    age(slice.metadata.creationTimestamp, now),
  ];
}
