/**
 * applyScenario's bookkeeping: the entries it works on (one per document, a Service's earlier
 * versions attached), the identity rule (the later document for an object wins, as a second
 * `kubectl apply` would), the allocators it shares across Services, and how a refused object's
 * field errors become Diagnostics.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import { IPAllocator, PortAllocator } from './allocators.ts';
import { ModelCode } from './codes.ts';
import { type FieldError, renderFieldError } from './field-error.ts';
import { describeObject, type Typed } from './kinds.ts';
import type { RawDocument } from './manifest.ts';
import type { Allocators, Failure } from './service-alloc.ts';
import { minorVersion, type Settings } from './settings.ts';
import type { IPFamily } from './types.ts';

export interface Entry {
  readonly doc: RawDocument;
  readonly typed: Typed;
  /** Earlier documents for the same Service: applied first, this one is an update of them. */
  readonly earlier?: readonly Entry[];
}

/** Turns a failure into Diagnostics, one per cause, de-duplicated like field.ErrorList. */
export function failureDiagnostics(
  failure: Failure,
  code: string,
  object: string,
  doc: RawDocument,
  minor: number,
): Diagnostic[] {
  const where = { object, document: doc.document, line: doc.line };
  if (failure.kind === 'InternalError')
    return [
      diagnostic(ModelCode.internal, 'error', `Internal error occurred: ${failure.message}`, where),
    ];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of failure.errors) {
    const message = renderFieldError(e, minor);
    if (seen.has(message)) continue;
    seen.add(message);
    out.push(diagnostic(code, 'error', message, { ...where, field: e.field }));
  }
  return out;
}

export function invalid(errors: FieldError[]): Failure {
  return { kind: 'Invalid', errors };
}

/** Service IP and NodePort allocators, with kubeadm's own Services' addresses taken. */
export function makeAllocators(settings: Settings, objects: readonly Entry[]): Allocators {
  const ips = new Map<IPFamily, IPAllocator>();
  const ipAddressAllocator = minorVersion(settings.kubernetesVersion) >= 33;
  for (const cidr of settings.serviceCidrs) {
    const family: IPFamily = cidr.family === 6 ? 'IPv6' : 'IPv4';
    if (!ips.has(family))
      ips.set(
        family,
        new IPAllocator(
          cidr,
          settings.serviceSubnet
            .split(',')
            .find((s) => s.includes(cidr.family === 6 ? ':' : '.')) ?? settings.serviceSubnet,
          ipAddressAllocator,
        ),
      );
  }
  const primary = ips.values().next().value;
  // The cluster always has default/kubernetes (first address) and kube-system/kube-dns (10th);
  // the scenario does not have to list them for their addresses to be taken.
  primary?.used.set(settings.apiServerServiceIP, 'default/kubernetes');
  primary?.used.set(settings.clusterDNS, 'kube-system/kube-dns');
  const nodePorts = new PortAllocator();
  for (const e of objects.flatMap((x) => [...(x.earlier ?? []), x])) {
    if (e.typed.kind !== 'Service') continue;
    const spec = e.typed.object.spec;
    for (const ip of [spec.clusterIP, ...(spec.clusterIPs ?? [])])
      if (ip) for (const a of ips.values()) a.claimed.add(ip);
    for (const p of spec.ports ?? []) if (p.nodePort) nodePorts.claimed.add(p.nodePort);
    if (spec.healthCheckNodePort) nodePorts.claimed.add(spec.healthCheckNodePort);
  }
  const [first] = ips.keys();
  return { ips, primaryFamily: first ?? 'IPv4', nodePorts };
}

/**
 * API objects get their namespace ("default" when omitted, as kubectl apply does) and a name
 * check; when two documents describe the same object, the later one wins (as a second
 * `kubectl apply` would), with a warning.
 */
export function latestByIdentity(
  entries: readonly Entry[],
  diagnostics: Diagnostic[],
  reject: (doc: RawDocument) => void,
): Entry[] {
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
      reject(entry.doc);
      continue;
    }
    const namespaced = t.kind !== 'Node';
    const object = namespaced
      ? { ...t.object, metadata: { ...meta, namespace: meta.namespace || 'default' } }
      : t.object;
    const key = `${t.kind}/${namespaced ? object.metadata.namespace : ''}/${meta.name}`;
    const label = describeObject(t.kind, object.metadata);
    const earlier = out.get(key);
    if (earlier) {
      diagnostics.push(
        diagnostic(
          ModelCode.duplicateObject,
          'warning',
          `${label} appears more than once; the later document (${entry.doc.document + 1}) wins, as a second kubectl apply would`,
          { document: entry.doc.document, line: entry.doc.line, object: label },
        ),
      );
      reject(earlier.doc);
      out.delete(key);
    }
    const versions =
      earlier && t.kind === 'Service' ? [...(earlier.earlier ?? []), earlier] : undefined;
    out.set(key, {
      doc: entry.doc,
      typed: { kind: t.kind, object } as Typed,
      ...(versions ? { earlier: versions } : {}),
    });
  }
  return [...out.values()];
}
