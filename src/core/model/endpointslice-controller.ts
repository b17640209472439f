/**
 * The EndpointSlice controller (reference §4; staging/src/k8s.io/endpointslice/reconciler.go,
 * utils.go; pkg/controller/endpointslice): for every Service with a selector (not ExternalName),
 * the Pods it selects become endpoints, grouped by their resolved port list, at most 100 per
 * slice, one set of slices per IP family, and one placeholder slice when there is nothing.
 *
 * Simplification (allowed by the reference, §4.6): endpoints are sorted (by IP) and chunked by
 * 100 instead of replaying the reconciler's history. Slice names come from the real
 * generateName (`<service>-`) plus a 5-character suffix from the same alphabet as the
 * controller's random one, derived from a hash of the slice's identity, so names are stable.
 */
import { parseIP } from './ip.ts';
import { isPodReady } from './pods.ts';
import { nameSuffix } from './seed.ts';
import type {
  Endpoint,
  EndpointPort,
  EndpointSlice,
  IPFamily,
  Node,
  Pod,
  Service,
} from './types.ts';

export const MAX_ENDPOINTS_PER_SLICE = 100;
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
const LABEL_HEADLESS = 'service.kubernetes.io/headless';
const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** Whether the controller manages slices for this Service (§4.1). */
export function hasManagedSlices(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && Object.keys(svc.spec.selector ?? {}).length > 0;
}

function selects(svc: Service, pod: Pod): boolean {
  if (pod.metadata.namespace !== svc.metadata.namespace) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(svc.spec.selector ?? {}).every(([k, v]) => labels[k] === v);
}

/** ShouldPodBeInEndpoints(pod, includeTerminating=true). */
function shouldBeEndpoint(pod: Pod): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  return Boolean(pod.status?.podIP);
}

function podIPOf(pod: Pod, family: IPFamily): string | undefined {
  const ips = [pod.status?.podIP, ...(pod.status?.podIPs ?? []).map((p) => p.ip)];
  const want = family === 'IPv6' ? 6 : 4;
  return ips.find((ip) => ip !== undefined && parseIP(ip)?.family === want);
}

/** findPort: a named targetPort resolves per Pod, matching name and protocol. */
function resolvePorts(svc: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const protocol = sp.protocol ?? 'TCP';
    let port: number | undefined;
    const target = sp.targetPort ?? sp.port;
    if (typeof target === 'number') port = target;
    else {
      const containers = [
        ...(pod.spec.containers ?? []),
        ...(((pod.spec.initContainers as Pod['spec']['containers'] | undefined) ?? []).filter(
          (c) => c.restartPolicy === 'Always',
        ) as Pod['spec']['containers']),
      ];
      for (const c of containers) {
        const found = c.ports?.find((p) => p.name === target && (p.protocol ?? 'TCP') === protocol);
        if (found) {
          port = found.containerPort;
          break;
        }
      }
    }
    if (port === undefined) continue; // no such named port on this Pod: no endpoint port
    out.push({
      name: sp.name ?? '',
      port,
      protocol,
      ...(sp.appProtocol !== undefined ? { appProtocol: sp.appProtocol } : {}),
    });
  }
  return out;
}

function endpointFor(svc: Service, pod: Pod, ip: string, node: Node | undefined): Endpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = svc.spec.publishNotReadyAddresses === true || (serving && !terminating);
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  const ep: Endpoint = {
    addresses: [ip],
    conditions: { ready, serving, terminating },
    ...(pod.spec.hostname && pod.spec.subdomain === svc.metadata.name
      ? { hostname: pod.spec.hostname }
      : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(zone !== undefined ? { zone } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name ?? '',
      ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}),
    },
  };
  // trafficDistribution hints (§4.9): ready endpoints with a zone.
  const td = svc.spec.trafficDistribution;
  if (ready && (td === 'PreferClose' || td === 'PreferSameZone' || td === 'PreferSameNode')) {
    const hints: NonNullable<Endpoint['hints']> = {};
    if (zone !== undefined) hints.forZones = [{ name: zone }];
    if (td === 'PreferSameNode' && pod.spec.nodeName)
      hints.forNodes = [{ name: pod.spec.nodeName }];
    if (hints.forZones || hints.forNodes) ep.hints = hints;
  }
  return ep;
}

function compareIP(a: string, b: string): number {
  const x = parseIP(a)?.value ?? 0n;
  const y = parseIP(b)?.value ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** names.SimpleNameGenerator: the base is cut to 58 characters before the 5-character suffix. */
function generatedName(prefix: string, seed: string): string {
  return `${prefix.slice(0, 58)}${nameSuffix(seed)}`;
}

const RESERVED_LABELS = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS]);

function sliceMeta(svc: Service, name: string, time: string): EndpointSlice['metadata'] {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {}))
    if (!RESERVED_LABELS.has(k)) labels[k] = v;
  labels[LABEL_SERVICE_NAME] = svc.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  if (svc.spec.clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  return {
    name,
    generateName: `${svc.metadata.name}-`,
    namespace: svc.metadata.namespace ?? 'default',
    creationTimestamp: time,
    generation: 1,
    labels,
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': time },
    ownerReferences: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: svc.metadata.name ?? '',
        ...(svc.metadata.uid ? { uid: svc.metadata.uid } : {}),
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
}

/** The slices the controller writes for one Service. */
export function slicesForService(
  svc: Service,
  pods: readonly Pod[],
  nodes: readonly Node[],
  fallbackTime: string,
): EndpointSlice[] {
  if (!hasManagedSlices(svc)) return [];
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name ?? '', n]));
  const selected = pods.filter((p) => selects(svc, p) && shouldBeEndpoint(p));
  const times = [
    svc.metadata.creationTimestamp,
    ...selected.map((p) => p.metadata.creationTimestamp),
  ]
    .filter((t): t is string => t !== undefined)
    .sort();
  const time = times[times.length - 1] ?? fallbackTime;
  const svcKey = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const slices: EndpointSlice[] = [];
  const families: IPFamily[] = svc.spec.ipFamilies?.length ? [...svc.spec.ipFamilies] : ['IPv4'];
  for (const family of families) {
    // Group Pods by their resolved port list (§4.5).
    const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
    for (const pod of selected) {
      const node = pod.spec.nodeName ? nodeByName.get(pod.spec.nodeName) : undefined;
      if (!node && svc.spec.publishNotReadyAddresses !== true) continue;
      const ip = podIPOf(pod, family);
      if (!ip) continue;
      const ports = resolvePorts(svc, pod);
      const key = JSON.stringify(ports);
      const group = groups.get(key) ?? { ports, endpoints: [] };
      group.endpoints.push(endpointFor(svc, pod, ip, node));
      groups.set(key, group);
    }
    const keys = [...groups.keys()].sort();
    for (const key of keys) {
      const group = groups.get(key);
      if (!group) continue;
      group.endpoints.sort(
        (a, b) =>
          compareIP(a.addresses[0] ?? '', b.addresses[0] ?? '') ||
          (a.targetRef?.name ?? '').localeCompare(b.targetRef?.name ?? ''),
      );
      for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
        const name = generatedName(
          `${svc.metadata.name}-`,
          `${svcKey}/${family}/${key}/${i / MAX_ENDPOINTS_PER_SLICE}`,
        );
        slices.push({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: sliceMeta(svc, name, time),
          addressType: family,
          endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE),
          ports: group.ports.length > 0 ? group.ports : null,
        });
      }
    }
  }
  if (slices.length === 0) {
    // The placeholder: a Service with a selector always has at least one slice (§4.6).
    const family = families[0] ?? 'IPv4';
    slices.push({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: sliceMeta(
        svc,
        generatedName(`${svc.metadata.name}-`, `${svcKey}/placeholder`),
        time,
      ),
      addressType: family,
      endpoints: [],
      ports: null,
    });
  }
  return slices;
}

/** Slices that belong to a Service, by the `kubernetes.io/service-name` label. */
export function slicesOf(svc: Service, slices: readonly EndpointSlice[]): EndpointSlice[] {
  return slices.filter(
    (s) =>
      s.metadata.namespace === svc.metadata.namespace &&
      s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name,
  );
}
