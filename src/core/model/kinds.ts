/**
 * Which kinds the simulator reads, under which apiVersions, and how a document becomes a typed
 * object: look at apiVersion/kind, then run the API server's decode stage for that type.
 * Anything else is kept as given (an OtherObject) with a warning, and never breaks the rest.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import { ModelCode } from './codes.ts';
import { decode } from './decode.ts';
import type { RawDocument } from './manifest.ts';
import { isRecord } from './manifest.ts';
import type { Schema } from './schema.ts';
import * as schemas from './schema.ts';
import type {
  ClusterConfiguration,
  EndpointSlice,
  KubeProxyConfiguration,
  Node,
  OtherObject,
  Pod,
  Service,
} from './types.ts';

interface KindInfo {
  readonly apiVersions: readonly string[];
  readonly schema: Schema;
  readonly namespaced: boolean;
  /** Configuration files are not API objects; they have no metadata.name. */
  readonly config: boolean;
}

export const KINDS: Readonly<Record<string, KindInfo>> = {
  Node: { apiVersions: ['v1'], schema: schemas.node, namespaced: false, config: false },
  Pod: { apiVersions: ['v1'], schema: schemas.pod, namespaced: true, config: false },
  Service: { apiVersions: ['v1'], schema: schemas.service, namespaced: true, config: false },
  EndpointSlice: {
    apiVersions: ['discovery.k8s.io/v1'],
    schema: schemas.endpointSlice,
    namespaced: true,
    config: false,
  },
  KubeProxyConfiguration: {
    apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
    schema: schemas.kubeProxyConfiguration,
    namespaced: false,
    config: true,
  },
  ClusterConfiguration: {
    apiVersions: ['kubeadm.k8s.io/v1beta3', 'kubeadm.k8s.io/v1beta4'],
    schema: schemas.clusterConfiguration,
    namespaced: false,
    config: true,
  },
};

export type Typed =
  | { readonly kind: 'Node'; readonly object: Node }
  | { readonly kind: 'Pod'; readonly object: Pod }
  | { readonly kind: 'Service'; readonly object: Service }
  | { readonly kind: 'EndpointSlice'; readonly object: EndpointSlice }
  | { readonly kind: 'KubeProxyConfiguration'; readonly object: KubeProxyConfiguration }
  | { readonly kind: 'ClusterConfiguration'; readonly object: ClusterConfiguration }
  | { readonly kind: 'Other'; readonly object: OtherObject };

/** `Service default/web`, `Node node1`, `ClusterConfiguration` — how diagnostics name objects. */
export function describeObject(kind: string, metadata: unknown): string {
  const meta = isRecord(metadata) ? metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : undefined;
  const ns = typeof meta.namespace === 'string' ? meta.namespace : undefined;
  if (name === undefined) return kind;
  const info = KINDS[kind];
  if (info && !info.namespaced) return `${kind} ${name}`;
  return `${kind} ${ns ?? 'default'}/${name}`;
}

function where(
  doc: RawDocument,
  object?: string,
): Omit<Diagnostic, 'code' | 'severity' | 'message'> {
  return { document: doc.document, line: doc.line, ...(object ? { object } : {}) };
}

/** `document 3` or `document 3, item 0`, 1-based as people count. */
export function documentLabel(doc: RawDocument): string {
  return doc.item === undefined
    ? `document ${doc.document + 1}`
    : `document ${doc.document + 1}, item ${doc.item}`;
}

/** Types one document; returns null (with diagnostics) when it cannot be used at all. */
export function typeDocument(doc: RawDocument, diagnostics: Diagnostic[]): Typed | null {
  const { apiVersion, kind } = doc.value;
  if (
    typeof kind !== 'string' ||
    kind === '' ||
    typeof apiVersion !== 'string' ||
    apiVersion === ''
  ) {
    const missing = typeof kind !== 'string' || kind === '' ? 'kind' : 'apiVersion';
    diagnostics.push(
      diagnostic(
        ModelCode.missingTypeMeta,
        'error',
        `error validating data: ${missing} not set (${documentLabel(doc)})`,
        where(doc),
      ),
    );
    return null;
  }
  const info = KINDS[kind];
  const label = describeObject(kind, doc.value.metadata);
  if (!info) {
    diagnostics.push(
      diagnostic(
        ModelCode.unknownKind,
        'warning',
        `${label} (${apiVersion}, ${documentLabel(doc)}): kind ${kind} is not modelled by the simulator; kept as given`,
        where(doc, label),
      ),
    );
    return { kind: 'Other', object: doc.value as OtherObject };
  }
  if (!info.apiVersions.includes(apiVersion)) {
    const name = isRecord(doc.value.metadata) ? doc.value.metadata.name : undefined;
    const ns = isRecord(doc.value.metadata) ? doc.value.metadata.namespace : undefined;
    const message = info.config
      ? `${kind} (${documentLabel(doc)}): no kind "${kind}" is registered for version "${apiVersion}" (expected ${info.apiVersions.map((v) => `"${v}"`).join(' or ')}); ignored`
      : `resource mapping not found for name: "${typeof name === 'string' ? name : ''}" namespace: "${typeof ns === 'string' ? ns : ''}" (${documentLabel(doc)}): no matches for kind "${kind}" in version "${apiVersion}" (expected "${info.apiVersions[0]}"); kept as given`;
    diagnostics.push(diagnostic(ModelCode.wrongApiVersion, 'warning', message, where(doc, label)));
    return info.config ? null : { kind: 'Other', object: doc.value as OtherObject };
  }
  const decoded = decode(doc.value, info.schema);
  if (decoded.error !== undefined) {
    // apimachinery's codec: `Service in version "v1" cannot be handled as a Service: <err>`.
    const version = apiVersion.includes('/')
      ? apiVersion.slice(apiVersion.indexOf('/') + 1)
      : apiVersion;
    diagnostics.push(
      diagnostic(
        ModelCode.decode,
        'error',
        `${kind} in version "${version}" cannot be handled as a ${kind}: ${decoded.error}`,
        where(doc, label),
      ),
    );
    return null;
  }
  const value = decoded.value;
  switch (kind) {
    case 'Node':
      return { kind, object: { ...value, metadata: value.metadata ?? {} } as Node };
    case 'Pod':
      return {
        kind,
        object: {
          ...value,
          metadata: value.metadata ?? {},
          spec: { containers: [], ...(isRecord(value.spec) ? value.spec : {}) },
        } as unknown as Pod,
      };
    case 'Service':
      return {
        kind,
        object: { ...value, metadata: value.metadata ?? {}, spec: value.spec ?? {} } as Service,
      };
    case 'EndpointSlice':
      return {
        kind,
        object: {
          ...value,
          metadata: value.metadata ?? {},
          endpoints: value.endpoints ?? [],
        } as EndpointSlice,
      };
    case 'KubeProxyConfiguration':
      return { kind, object: value as KubeProxyConfiguration };
    case 'ClusterConfiguration':
      return { kind, object: value as ClusterConfiguration };
    default:
      return { kind: 'Other', object: value as OtherObject };
  }
}
