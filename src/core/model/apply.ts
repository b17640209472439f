/**
 * `applyScenario`: a scenario's text in, the Cluster out — what the API server and its controllers
 * make of `kubectl apply -f scenario.yaml` on a fresh kubeadm cluster.
 *
 * Pipeline (reference §0): read documents → type and decode each (HTTP 400 stage) → cluster
 * settings (kubeadm and kube-proxy defaults) → Nodes (default cluster, or completed) → each Service
 * in document order: default → allocate (errors alone) → validate (errors aggregated; allocations
 * released on failure) → Pods: default, validate, schedule, start, address → EndpointSlices: the
 * given ones, and the controller's for selector Services that have none given.
 *
 * A document that fails costs only itself: every valid object is kept, every problem is a
 * Diagnostic. Nothing throws past this function.
 *
 * Scenario versus Cluster: the scenario is what the user wrote (the source of truth the UI edits
 * and saves); `Applied.objects` is that scenario as the server returns it — defaults filled in and
 * allocated values (clusterIPs, nodePorts, healthCheckNodePort, Pod IPs, node pod CIDRs, uids)
 * written into the objects — so saving `Applied.objects` keeps every address stable, and applying
 * it again gives the same Cluster. Controller output (derived EndpointSlices) is not part of the
 * scenario: it is derived again on every apply.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import {
  type Entry,
  failureDiagnostics,
  invalid,
  latestByIdentity,
  makeAllocators,
} from './apply-entries.ts';
import { ModelCode } from './codes.ts';
import { completeNodes, defaultNodes } from './default-nodes.ts';
import {
  hasManagedSlices,
  LABEL_SERVICE_NAME,
  slicesForService,
} from './endpointslice-controller.ts';
import type { FieldError } from './field-error.ts';
import { describeObject, typeDocument } from './kinds.ts';
import { LAST_APPLIED, lastAppliedConfiguration } from './last-applied.ts';
import { type RawDocument, readManifests } from './manifest.ts';
import { byNamespaceAndName } from './order.ts';
import { defaultPod, runPods } from './pods.ts';
import { allocateService, type Failure, ownerKey } from './service-alloc.ts';
import { defaultService } from './service-defaults.ts';
import { patchAllocatedValues, validateServiceUpdate } from './service-update.ts';
import { minorVersion, resolveSettings, type Settings } from './settings.ts';
import type {
  Cluster,
  ClusterConfiguration,
  EndpointSlice,
  KubeObject,
  KubeProxyConfiguration,
  Node,
  OtherObject,
  Pod,
  Service,
} from './types.ts';
import { uidFor } from './uid.ts';
import { validateEndpointSlice, validateNode, validatePod } from './validate-objects.ts';
import { validateService } from './validate-service.ts';

export interface ApplyOptions {
  /** Overrides the ClusterConfiguration's kubernetesVersion (e.g. `v1.26.0`). */
  readonly kubernetesVersion?: string;
}

/** What became of one object read from the scenario. */
export interface AppliedDocument {
  /** 0-based YAML document index (List items share their document's index). */
  readonly document: number;
  readonly item?: number;
  readonly line: number;
  readonly kind?: string;
  readonly apiVersion?: string;
  /** `Service default/web`, `Node node1`, ... */
  readonly object?: string;
  /** applied: in the Cluster; kept: an unmodelled kind kept as given; rejected: not applied. */
  readonly status: 'applied' | 'kept' | 'rejected';
}

export interface Applied {
  readonly cluster: Cluster;
  readonly diagnostics: readonly Diagnostic[];
  readonly documents: readonly AppliedDocument[];
  /**
   * The scenario as the server returns it, in document order: configuration first, then every
   * applied or kept object with defaults and allocations written in. Saving these keeps the
   * allocated values; derived EndpointSlices are not included (see `cluster.endpointSlices`).
   */
  readonly objects: readonly (KubeObject | OtherObject)[];
}

/** A creationTimestamp for objects the scenario does not date: a fixed instant, for reproducibility. */
export const DEFAULT_CREATION_TIMESTAMP = '2024-07-14T08:00:00Z';

export function applyScenario(text: string, options: ApplyOptions = {}): Applied {
  try {
    const read = readManifests(typeof text === 'string' ? text : '');
    return applyDocuments(read.documents, options, [...read.diagnostics]);
  } catch (e) {
    // A bug, not a user error; still data, never an exception past the core API.
    return failed(e);
  }
}

/** Applies already-parsed objects (the UI's edits work on these). */
export function applyObjects(objects: readonly unknown[], options: ApplyOptions = {}): Applied {
  try {
    const docs: RawDocument[] = [];
    const diagnostics: Diagnostic[] = [];
    objects.forEach((value, i) => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        docs.push({ document: i, line: 1, value: value as Record<string, unknown> });
      else
        diagnostics.push(
          diagnostic(ModelCode.notAnObject, 'error', `object ${i + 1} is not an object`, {
            document: i,
          }),
        );
    });
    return applyDocuments(docs, options, diagnostics);
  } catch (e) {
    return failed(e);
  }
}

function emptyCluster(settings: Settings): Cluster {
  return {
    kubernetesVersion: settings.kubernetesVersion,
    serviceSubnet: settings.serviceSubnet,
    podSubnet: settings.podSubnet,
    dnsDomain: settings.dnsDomain,
    clusterDNS: settings.clusterDNS,
    proxy: settings.proxy,
    clusterConfiguration: settings.clusterConfiguration,
    nodes: [],
    pods: [],
    services: [],
    endpointSlices: [],
    others: [],
  };
}

function failed(e: unknown): Applied {
  const settings = resolveSettings(undefined, undefined, {}, []);
  return {
    cluster: emptyCluster(settings),
    diagnostics: [
      diagnostic('SVCLAB-1999', 'error', `internal error in the simulator: ${String(e)}`),
    ],
    documents: [],
    objects: [],
  };
}

export function applyDocuments(
  docs: readonly RawDocument[],
  options: ApplyOptions,
  diagnostics: Diagnostic[],
): Applied {
  const entries: Entry[] = [];
  const status = new Map<RawDocument, AppliedDocument['status']>();
  for (const doc of docs) {
    const typed = typeDocument(doc, diagnostics);
    if (!typed) {
      status.set(doc, 'rejected');
      continue;
    }
    status.set(doc, typed.kind === 'Other' ? 'kept' : 'applied');
    entries.push({ doc, typed });
  }
  const reject = (doc: RawDocument) => status.set(doc, 'rejected');

  const firstConfig = <K extends 'ClusterConfiguration' | 'KubeProxyConfiguration'>(kind: K) => {
    const all = entries.filter((e) => e.typed.kind === kind);
    for (const extra of all.slice(1)) {
      diagnostics.push(
        diagnostic(
          ModelCode.duplicateConfiguration,
          'warning',
          `a second ${kind} (document ${extra.doc.document + 1}) is ignored; the first one is used`,
          { document: extra.doc.document, line: extra.doc.line, object: kind },
        ),
      );
    }
    return all[0]?.typed.object;
  };
  const settings = resolveSettings(
    firstConfig('ClusterConfiguration') as ClusterConfiguration | undefined,
    firstConfig('KubeProxyConfiguration') as KubeProxyConfiguration | undefined,
    options,
    diagnostics,
  );
  const minor = minorVersion(settings.kubernetesVersion);
  const created = DEFAULT_CREATION_TIMESTAMP;

  const objects = latestByIdentity(entries, diagnostics, reject);
  /** Server-set metadata: uid and creationTimestamp where the scenario has none. */
  /** Server-set metadata; with the document it came from, kubectl apply's annotation too. */
  const stamp = <T extends KubeObject>(kind: string, o: T, doc?: RawDocument): T => {
    const meta = (o as { metadata: Node['metadata'] }).metadata;
    // A manifest that already carries the annotation (a saved `kubectl get -o yaml`) keeps it.
    const applied =
      doc && meta.annotations?.[LAST_APPLIED] === undefined
        ? {
            annotations: {
              ...meta.annotations,
              [LAST_APPLIED]: lastAppliedConfiguration(
                doc.value,
                kind === 'Node' ? undefined : (meta.namespace ?? 'default'),
              ),
            },
          }
        : {};
    return {
      ...o,
      metadata: {
        ...meta,
        ...applied,
        uid: meta.uid ?? uidFor(kind, meta.namespace ?? '', meta.name ?? ''),
        // metav1.Time reads RFC 3339 text; anything else leaves the server's own time.
        creationTimestamp:
          typeof meta.creationTimestamp === 'string' && meta.creationTimestamp !== ''
            ? meta.creationTimestamp
            : created,
      },
    };
  };
  const label = (e: Entry) =>
    describeObject(e.typed.kind, (e.typed.object as { metadata?: unknown }).metadata);
  const reportInvalid = (e: Entry, errors: FieldError[]) => {
    diagnostics.push(
      ...failureDiagnostics(invalid(errors), ModelCode.invalid, label(e), e.doc, minor),
    );
    reject(e.doc);
  };
  const results = new Map<Entry, KubeObject | OtherObject>();

  // Nodes.
  const nodeEntries = objects.filter((e) => e.typed.kind === 'Node');
  const validNodes: Array<{ e: Entry; node: Node }> = [];
  for (const e of nodeEntries) {
    const node = e.typed.object as Node;
    const errs = validateNode(node);
    if (errs.length > 0) reportInvalid(e, errs);
    else validNodes.push({ e, node: stamp('Node', node, e.doc) });
  }
  let nodes: Node[];
  if (validNodes.length === 0) {
    nodes = defaultNodes(settings.podCidrs, created).map((n) => stamp('Node', n));
    diagnostics.push(
      diagnostic(
        ModelCode.defaultNodes,
        'info',
        'the scenario has no Nodes: using the default two-node cluster (node1, node2)',
      ),
    );
  } else {
    nodes = completeNodes(
      validNodes.map((v) => v.node),
      settings.podCidrs,
      diagnostics,
    );
    validNodes.forEach((v, i) => {
      const n = nodes[i];
      if (n) results.set(v.e, n);
    });
  }

  // Services, in document order, against one set of allocators. A Service given more than once
  // is created from its first document and updated by each later one, as repeated applies are.
  const allocators = makeAllocators(settings, objects);
  const services: Service[] = [];
  interface Current {
    readonly entry: Entry;
    readonly svc: Service;
    release: () => void;
  }
  const fail = (e: Entry, failure: Failure, code: string) => {
    diagnostics.push(...failureDiagnostics(failure, code, label(e), e.doc, minor));
    reject(e.doc);
  };
  const create = (e: Entry): Current | null => {
    const svc = defaultService(
      stamp('Service', e.typed.object as Service, e.doc),
      settings.kubernetesVersion,
    );
    const outcome = allocateService(svc, allocators, minor);
    if (!outcome.ok) {
      fail(e, outcome.failure, ModelCode.allocation);
      return null;
    }
    const errs = validateService(outcome.service, minor);
    if (errs.length > 0) {
      outcome.release();
      reportInvalid(e, errs);
      return null;
    }
    return { entry: e, svc: outcome.service, release: outcome.release };
  };
  const update = (current: Current, e: Entry): Current | null => {
    const given = e.typed.object as Service;
    // An update keeps the object's identity: its uid and creationTimestamp.
    const { uid, creationTimestamp } = current.svc.metadata;
    const meta = {
      ...given.metadata,
      ...(uid ? { uid } : {}),
      ...(creationTimestamp ? { creationTimestamp } : {}),
    };
    const next = patchAllocatedValues(
      defaultService(
        stamp('Service', { ...given, metadata: meta }, e.doc),
        settings.kubernetesVersion,
      ),
      current.svc,
    );
    const immutable = validateServiceUpdate(current.svc, next);
    if (immutable.length > 0) {
      reportInvalid(e, [...immutable, ...validateService(next, minor)]);
      return null;
    }
    current.release();
    const restore = () => {
      const again = allocateService(current.svc, allocators, minor);
      if (again.ok) current.release = again.release;
    };
    const outcome = allocateService(next, allocators, minor);
    if (!outcome.ok) {
      restore();
      fail(e, outcome.failure, ModelCode.allocation);
      return null;
    }
    const errs = validateService(outcome.service, minor);
    if (errs.length > 0) {
      outcome.release();
      restore();
      reportInvalid(e, errs);
      return null;
    }
    return { entry: e, svc: outcome.service, release: outcome.release };
  };
  for (const e of objects.filter((x) => x.typed.kind === 'Service')) {
    let current: Current | null = null;
    for (const version of [...(e.earlier ?? []), e]) {
      const next: Current | null = current ? update(current, version) : create(version);
      if (next) current = next;
    }
    if (!current) continue;
    // A refused update leaves the Service as the earlier document made it.
    for (const version of e.earlier ?? []) reject(version.doc);
    reject(e.doc);
    status.set(current.entry.doc, 'applied');
    services.push(current.svc);
    results.set(e, current.svc);
  }

  // Pods.
  const podEntries: Array<{ e: Entry; pod: Pod }> = [];
  for (const e of objects.filter((x) => x.typed.kind === 'Pod')) {
    const pod = defaultPod(stamp('Pod', e.typed.object as Pod, e.doc));
    const errs = validatePod(pod);
    if (errs.length > 0) reportInvalid(e, errs);
    else podEntries.push({ e, pod });
  }
  const pods = runPods(
    podEntries.map((p) => p.pod),
    nodes,
    created,
    diagnostics,
  );
  podEntries.forEach((p, i) => {
    const pod = pods[i];
    if (pod) results.set(p.e, pod);
  });

  // EndpointSlices: given ones as kube-proxy reads them; the controller's for the rest.
  const givenSlices: EndpointSlice[] = [];
  for (const e of objects.filter((x) => x.typed.kind === 'EndpointSlice')) {
    const slice = e.typed.object as EndpointSlice;
    const withDefaults: EndpointSlice = stamp(
      'EndpointSlice',
      {
        ...slice,
        endpoints: slice.endpoints.map((ep) => ({ ...ep, conditions: ep.conditions ?? {} })),
        ...(slice.ports
          ? {
              ports: slice.ports.map((p) => ({
                ...p,
                name: p.name ?? '',
                protocol: p.protocol ?? 'TCP',
              })),
            }
          : {}),
      },
      e.doc,
    );
    const errs = validateEndpointSlice(withDefaults);
    if (errs.length > 0) reportInvalid(e, errs);
    else {
      givenSlices.push(withDefaults);
      results.set(e, withDefaults);
    }
  }
  // Services that were given their slices (indexed once: a filter per Service is quadratic).
  const sliced = new Set(
    givenSlices.map((x) => `${x.metadata.namespace}/${x.metadata.labels?.[LABEL_SERVICE_NAME]}`),
  );
  const derived = services
    .filter((s) => hasManagedSlices(s) && !sliced.has(`${s.metadata.namespace}/${s.metadata.name}`))
    .flatMap((s) => slicesForService(s, pods, nodes, created));

  const others: OtherObject[] = [];
  for (const e of objects.filter((x) => x.typed.kind === 'Other')) {
    others.push(e.typed.object as OtherObject);
    results.set(e, e.typed.object as OtherObject);
  }

  const versioned = withResourceVersions([
    ...nodes,
    ...services,
    ...pods,
    ...givenSlices,
    ...derived,
  ]);
  const rv = <T extends KubeObject | OtherObject>(o: T): T =>
    (versioned.get(o) as T | undefined) ?? o;
  const cluster: Cluster = {
    ...emptyCluster(settings),
    nodes: nodes.map(rv).sort(byNamespaceAndName),
    pods: pods.map(rv).sort(byNamespaceAndName),
    services: services.map(rv).sort(byNamespaceAndName),
    endpointSlices: [...givenSlices, ...derived].map(rv).sort(byNamespaceAndName),
    others,
  };
  const applied: Array<KubeObject | OtherObject> = [
    settings.clusterConfiguration,
    settings.proxy,
    ...(validNodes.length === 0 ? nodes.map(rv) : []),
  ];
  for (const e of objects) {
    const r = results.get(e);
    if (r) applied.push(rv(r));
  }
  const documents: AppliedDocument[] = docs.map((doc) => {
    const kind = typeof doc.value.kind === 'string' ? doc.value.kind : undefined;
    const apiVersion = typeof doc.value.apiVersion === 'string' ? doc.value.apiVersion : undefined;
    const object = kind ? describeObject(kind, doc.value.metadata) : undefined;
    return {
      document: doc.document,
      ...(doc.item !== undefined ? { item: doc.item } : {}),
      line: doc.line,
      ...(kind ? { kind } : {}),
      ...(apiVersion ? { apiVersion } : {}),
      ...(object ? { object } : {}),
      status: status.get(doc) ?? 'rejected',
    };
  });
  return { cluster, diagnostics, documents, objects: applied };
}

export { ownerKey };

/**
 * Every stored object has a resourceVersion (etcd's revision when it was last written). Objects
 * the scenario gives one keep it; the others get the next revisions after the highest given (at
 * least 1000, about where a fresh kubeadm cluster's own objects leave etcd), in creation order:
 * Nodes, Services, Pods, EndpointSlices. Re-applying the printed objects keeps them all.
 */
function withResourceVersions(
  objects: ReadonlyArray<{ metadata: { resourceVersion?: string } }>,
): Map<unknown, unknown> {
  let next = 1000;
  for (const o of objects) {
    const n = Number(o.metadata.resourceVersion);
    if (Number.isSafeInteger(n) && n >= next) next = n + 1;
  }
  const out = new Map<unknown, unknown>();
  for (const o of objects) {
    if (o.metadata.resourceVersion) continue;
    out.set(o, { ...o, metadata: { ...o.metadata, resourceVersion: String(next++) } });
  }
  return out;
}
