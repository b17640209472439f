/**
 * The smallest scenario that applies to the same cluster: every field the model re-derives or
 * defaults is removed, by asking the model itself. Each candidate removal is applied with
 * `applyObjects`; it is kept only when the server-side objects and the Cluster (EndpointSlices,
 * allocations, statuses, settings) come out identical. So no defaulting rule is duplicated here,
 * and a future model default is honoured without touching this file.
 *
 * Some values are re-derivable today but only through an allocator or a version default that may
 * change in a later release (the default Kubernetes version, ClusterIPs, NodePorts, Pod IPs and
 * nodes, node pod CIDRs and addresses, a Pod's scheduled node). Those are pinned: always kept, so
 * a link made today opens with the same addresses and rules after the model evolves.
 */
import { applyObjects } from '../model/apply.ts';
import { isRecord } from '../model/manifest.ts';

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

/** Sorted-key JSON: the model's spreads may order keys differently for equal objects. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isRecord(v)) return v;
    const out: Json = {};
    for (const k of Object.keys(v).sort()) out[k] = v[k];
    return out;
  });
}

/** What must not change: the objects as the server returns them, and the derived Cluster. */
export function fingerprint(objects: readonly unknown[]): string {
  const applied = applyObjects(objects);
  return stableStringify({ objects: applied.objects, cluster: applied.cluster });
}

const shape = (path: Path) => path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');

/** Values kept whatever the current model would re-derive (see the file comment). */
function isPinned(kind: string, path: Path, value: unknown): boolean {
  const p = shape(path);
  if (p === 'kind' || p === 'apiVersion' || p === 'metadata.name') return true;
  switch (kind) {
    case 'ClusterConfiguration':
      return p === 'kubernetesVersion';
    case 'Node':
      return (
        p === 'spec.podCIDR' ||
        (p === 'spec.podCIDRs' && Array.isArray(value) && value.length > 1) ||
        (p === 'status.addresses.[]' && isRecord(value) && value.type === 'InternalIP')
      );
    case 'Pod':
      return p === 'spec.nodeName' || p === 'status.podIP';
    case 'Service':
      return (
        p === 'spec.clusterIP' ||
        (p === 'spec.clusterIPs' && Array.isArray(value) && value.length > 1) ||
        p === 'spec.ports.[].nodePort' ||
        p === 'spec.healthCheckNodePort'
      );
    default:
      return false;
  }
}

function holdsPin(kind: string, path: Path, value: unknown): boolean {
  if (isPinned(kind, path, value)) return true;
  if (Array.isArray(value)) return value.some((v, i) => holdsPin(kind, [...path, i], v));
  if (isRecord(value))
    return Object.keys(value).some((k) => holdsPin(kind, [...path, k], value[k]));
  return false;
}

/** Only configuration that kube-proxy's own defaults reproduce may vanish as a whole object. */
const REMOVABLE_KINDS = new Set(['KubeProxyConfiguration']);

/**
 * Returns a copy of `objects` with every removable field removed; `fingerprint` of the result
 * equals `fingerprint(objects)`. Object order is kept (allocation follows document order).
 */
export function pruneObjects(objects: readonly unknown[]): Json[] {
  const current: Json[] = structuredCloneJson(objects).filter(isRecord);
  const target = fingerprint(current);
  const unchanged = () => fingerprint(current) === target;

  for (let i = current.length - 1; i >= 0; i--) {
    const o = current[i];
    if (!o || !REMOVABLE_KINDS.has(String(o.kind))) continue;
    current.splice(i, 1);
    if (!unchanged()) current.splice(i, 0, o);
  }

  /** Tries to remove `parent[key]`; failing that, prunes inside it. */
  const prune = (kind: string, parent: Json | unknown[], key: string | number, path: Path) => {
    const value = (parent as Record<string | number, unknown>)[key];
    if (isPinned(kind, path, value)) return;
    const remove = () => {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    };
    const restore = () => {
      if (Array.isArray(parent)) parent.splice(key as number, 0, value);
      else parent[key as string] = value;
    };
    const tryRemove = () => {
      remove();
      if (unchanged()) return true;
      restore();
      return false;
    };
    if (!holdsPin(kind, path, value) && tryRemove()) return;
    if (!Array.isArray(value) && !isRecord(value)) return;
    pruneInside(kind, value, path);
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
    if (empty) tryRemove();
  };
  const pruneInside = (kind: string, value: Json | unknown[], path: Path) => {
    if (Array.isArray(value)) {
      // From the end, so a removal does not shift the elements still to visit.
      for (let i = value.length - 1; i >= 0; i--) prune(kind, value, i, [...path, i]);
    } else for (const k of Object.keys(value)) prune(kind, value, k, [...path, k]);
  };
  for (const o of current) pruneInside(String(o.kind), o, []);
  return current;
}

function structuredCloneJson(value: readonly unknown[]): unknown[] {
  return JSON.parse(JSON.stringify(value)) as unknown[];
}
