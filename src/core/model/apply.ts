/**
 * `applyScenario`: a scenario's text in, the Cluster out — what the API server and its controllers
 * make of `kubectl apply -f scenario.yaml` on a fresh kubeadm cluster.
 *
 * Pipeline (reference §0): read documents → type and decode each → cluster settings (kubeadm and
 * kube-proxy defaults) → Nodes (default cluster or completed) → per object: default, allocate,
 * validate → controllers (pod IPs, EndpointSlices). A document that fails costs only itself:
 * every valid object is kept, every problem is a Diagnostic. Nothing throws.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import { ModelCode } from './codes.ts';
import { completeNodes, defaultNodes } from './default-nodes.ts';
import { describeObject, type Typed, typeDocument } from './kinds.ts';
import { type RawDocument, readManifests } from './manifest.ts';
import { byNamespaceAndName } from './order.ts';
import { resolveSettings } from './settings.ts';
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

function failed(e: unknown): Applied {
  const settings = resolveSettings(undefined, undefined, {}, []);
  return {
    cluster: {
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
    },
    diagnostics: [
      diagnostic('SVCLAB-1999', 'error', `internal error in the simulator: ${String(e)}`),
    ],
    documents: [],
  };
}

interface Entry {
  readonly doc: RawDocument;
  readonly typed: Typed;
}

export function applyDocuments(
  docs: readonly RawDocument[],
  options: ApplyOptions,
  diagnostics: Diagnostic[],
): Applied {
  const documents: AppliedDocument[] = [];
  const entries: Entry[] = [];
  for (const doc of docs) {
    const typed = typeDocument(doc, diagnostics);
    const kind = typeof doc.value.kind === 'string' ? doc.value.kind : undefined;
    const apiVersion = typeof doc.value.apiVersion === 'string' ? doc.value.apiVersion : undefined;
    const object = kind ? describeObject(kind, doc.value.metadata) : undefined;
    const base = {
      document: doc.document,
      ...(doc.item !== undefined ? { item: doc.item } : {}),
      line: doc.line,
      ...(kind ? { kind } : {}),
      ...(apiVersion ? { apiVersion } : {}),
      ...(object ? { object } : {}),
    };
    if (!typed) {
      documents.push({ ...base, status: 'rejected' });
      continue;
    }
    documents.push({ ...base, status: typed.kind === 'Other' ? 'kept' : 'applied' });
    entries.push({ doc, typed });
  }

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

  const objects = latestByIdentity(entries, diagnostics);
  const pick = <T>(kind: string) =>
    objects.filter((e) => e.typed.kind === kind).map((e) => e.typed.object as T);

  let nodes = pick<Node>('Node');
  if (nodes.length === 0) {
    nodes = defaultNodes(settings.podCidrs, DEFAULT_CREATION_TIMESTAMP);
    diagnostics.push(
      diagnostic(
        ModelCode.defaultNodes,
        'info',
        'the scenario has no Nodes: using the default two-node cluster (node1, node2)',
      ),
    );
  } else {
    nodes = completeNodes(nodes, settings.podCidrs, diagnostics);
  }
  const pods = pick<Pod>('Pod');
  const services = pick<Service>('Service');
  const endpointSlices = pick<EndpointSlice>('EndpointSlice');
  const others = objects
    .filter((e) => e.typed.kind === 'Other')
    .map((e) => e.typed.object as OtherObject);

  const cluster: Cluster = {
    kubernetesVersion: settings.kubernetesVersion,
    serviceSubnet: settings.serviceSubnet,
    podSubnet: settings.podSubnet,
    dnsDomain: settings.dnsDomain,
    clusterDNS: settings.clusterDNS,
    proxy: settings.proxy,
    clusterConfiguration: settings.clusterConfiguration,
    nodes: [...nodes].sort(byNamespaceAndName),
    pods: [...pods].sort(byNamespaceAndName),
    services: [...services].sort(byNamespaceAndName),
    endpointSlices: [...endpointSlices].sort(byNamespaceAndName),
    others,
  };
  return { cluster, diagnostics, documents };
}

/**
 * API objects get their namespace ("default" when omitted, as kubectl apply does) and a name
 * check; when two documents describe the same object, the later one wins (as a second
 * `kubectl apply` would), with a warning.
 */
function latestByIdentity(entries: readonly Entry[], diagnostics: Diagnostic[]): Entry[] {
  const out = new Map<string, Entry>();
  let anonymous = 0;
  for (const entry of entries) {
    const t = entry.typed;
    if (t.kind === 'ClusterConfiguration' || t.kind === 'KubeProxyConfiguration') continue;
    if (t.kind === 'Other') {
      out.set(`other#${anonymous++}`, entry);
      continue;
    }
    const meta = t.object.metadata;
    if (!meta.name) {
      diagnostics.push(
        diagnostic(
          ModelCode.invalid,
          'error',
          'metadata.name: Required value: name or generateName is required',
          {
            document: entry.doc.document,
            line: entry.doc.line,
            object: t.kind,
            field: 'metadata.name',
          },
        ),
      );
      continue;
    }
    const namespaced = t.kind !== 'Node';
    const object = namespaced
      ? { ...t.object, metadata: { ...meta, namespace: meta.namespace || 'default' } }
      : t.object;
    const key = `${t.kind}/${namespaced ? object.metadata.namespace : ''}/${meta.name}`;
    const label = describeObject(t.kind, object.metadata);
    if (out.has(key)) {
      diagnostics.push(
        diagnostic(
          ModelCode.duplicateObject,
          'warning',
          `${label} appears more than once; the later document (${entry.doc.document + 1}) wins, as a second kubectl apply would`,
          { document: entry.doc.document, line: entry.doc.line, object: label },
        ),
      );
      out.delete(key);
    }
    out.set(key, { doc: entry.doc, typed: { kind: t.kind, object } as Typed });
  }
  return [...out.values()];
}

export type { KubeObject };
