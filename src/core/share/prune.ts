/**
 * The smallest scenario that applies to the same cluster: every field the model re-derives or
 * defaults is removed, by asking the model itself. A candidate removal is applied with
 * `applyObjects` and kept only when the server-side objects and the derived EndpointSlices come
 * out identical. So no defaulting rule is duplicated here, and a future model default is
 * honoured without touching this file.
 *
 * Some values are re-derivable today but only through an allocator, a scheduler or a version
 * default that may change in a later release: the default Kubernetes version, ClusterIPs,
 * NodePorts and healthCheckNodePorts, the node a Pod runs on, node pod CIDRs and addresses. Those
 * are pinned: always kept, so a link made today opens with the same addresses and rules after the
 * model evolves. A Pod IP is pinned softly: it goes only with the Pod's whole status, when the
 * kubelet's status (host-local IPAM's next address included) is exactly what the model would give
 * again; otherwise (a status the scenario wrote) it stays. Keeping every Pod's status just to
 * carry its IP would make a link of user-made Pods about 60% longer.
 *
 * Speed: fields are tried top-down, one level at a time, and the same field of every object of a
 * kind is tried together (a default is a default for all of them), so the number of applies grows
 * with the number of distinct fields, not with the size of the cluster. When a batch fails, the
 * objects that came out unchanged are retried together (halving on failure), and the fields of
 * the others are tried one level deeper.
 */
import { applyObjects } from '../model/apply.ts';
import { KINDS } from '../model/kinds.ts';
import { withoutLastApplied } from '../model/last-applied.ts';
import { isRecord } from '../model/manifest.ts';

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

interface Outcome {
  /** What must not change: the objects as the server returns them and the derived slices. */
  readonly fingerprint: string;
  /** Each applied object's JSON by identity (kind/namespace/name); null marks an ambiguous one. */
  readonly byIdentity: ReadonlyMap<string, string | null>;
}

function identity(o: unknown, defaultNamespace: boolean): string {
  const object = isRecord(o) ? o : {};
  const kind = String(object.kind);
  const meta = isRecord(object.metadata) ? object.metadata : {};
  const namespaced = defaultNamespace && KINDS[kind]?.namespaced === true;
  const ns = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : '';
  return `${kind}/${ns || (namespaced ? 'default' : '')}/${String(meta.name ?? '')}`;
}

function outcome(objects: readonly unknown[]): Outcome {
  const applied = applyObjects(objects);
  const byIdentity = new Map<string, string | null>();
  const parts: string[] = [];
  for (const o of applied.objects) {
    const key = identity(o, false);
    const json = stableStringify(withoutBookkeeping(o));
    parts.push(json);
    byIdentity.set(key, byIdentity.has(key) ? null : json);
  }
  parts.push(stableStringify(applied.cluster.endpointSlices));
  return { fingerprint: parts.join('\n'), byIdentity };
}

/**
 * An object apart from the server's bookkeeping of how it came to be: kubectl's
 * last-applied-configuration (the text that was applied — a link's manifests are pruned, so it
 * records those) and the resourceVersion (etcd's counter, handed out in order). A link carries
 * neither; opening it gives them anew.
 */
export function withoutBookkeeping<T>(object: T): T {
  const o = withoutLastApplied(object);
  const meta = isRecord(o) && isRecord(o.metadata) ? o.metadata : null;
  if (!meta || !('resourceVersion' in meta)) return o;
  const { resourceVersion: _counter, ...rest } = meta;
  return { ...(o as Json), metadata: rest } as T;
}

/** The same cluster, as far as anyone can see: the fingerprints of the two object lists. */
export function fingerprint(objects: readonly unknown[]): string {
  return outcome(objects).fingerprint;
}

/** Values kept whatever the current model would re-derive (see the file comment). */
function isPinned(kind: string, shape: string, value: unknown): boolean {
  if (shape === 'kind' || shape === 'apiVersion' || shape === 'metadata.name') return true;
  switch (kind) {
    case 'ClusterConfiguration':
      return shape === 'kubernetesVersion';
    case 'Node':
      return (
        shape === 'spec.podCIDR' ||
        (shape === 'spec.podCIDRs' && Array.isArray(value) && value.length > 1) ||
        (shape === 'status.addresses.[]' && isRecord(value) && value.type === 'InternalIP')
      );
    case 'Pod':
      return shape === 'spec.nodeName' || shape === 'status.podIP';
    case 'Service':
      return (
        shape === 'spec.clusterIP' ||
        (shape === 'spec.clusterIPs' && Array.isArray(value) && value.length > 1) ||
        shape === 'spec.ports.[].nodePort' ||
        shape === 'spec.healthCheckNodePort'
      );
    default:
      return false;
  }
}

const join = (shape: string, key: string) => (shape === '' ? key : `${shape}.${key}`);

/** Pins that do not stop their container from being removed whole (see the file comment). */
const SOFT_PINS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Pod: { 'status.podIP': 'status' },
};

/** Whether removing `value` (at `root`) would take a pinned value with it. */
function holdsPin(kind: string, root: string, value: unknown, shape = root): boolean {
  if (isPinned(kind, shape, value)) return SOFT_PINS[kind]?.[shape] !== root;
  if (Array.isArray(value)) return value.some((v) => holdsPin(kind, root, v, join(shape, '[]')));
  if (isRecord(value))
    return Object.keys(value).some((k) => holdsPin(kind, root, value[k], join(shape, k)));
  return false;
}

/** One field (or array element) of one object that may be removed. */
interface Slot {
  readonly object: number;
  readonly kind: string;
  readonly shape: string;
  readonly parent: Json | unknown[];
  readonly key: string;
  readonly value: unknown;
}

/** Only configuration that kube-proxy's own defaults reproduce may vanish as a whole object. */
const REMOVABLE_KINDS = new Set(['KubeProxyConfiguration']);

/**
 * Returns a copy of `objects` with every removable field removed; `fingerprint` of the result
 * equals `fingerprint(objects)`. Object order is kept (allocation follows document order).
 *
 * `written` (optional) is the scenario as the user wrote it: the fields the server added to it
 * are tried first, all in one apply, which leaves far fewer fields to try one kind at a time.
 */
export function pruneObjects(
  objects: readonly unknown[],
  written: readonly unknown[] = [],
): Json[] {
  const current: Json[] = (
    JSON.parse(JSON.stringify(objects.map(withoutBookkeeping))) as unknown[]
  ).filter(isRecord);
  const target = outcome(current);

  for (let i = current.length - 1; i >= 0; i--) {
    const o = current[i];
    if (!o || !REMOVABLE_KINDS.has(String(o.kind))) continue;
    current.splice(i, 1);
    if (outcome(current).fingerprint !== target.fingerprint) current.splice(i, 0, o);
  }

  const undo: Array<() => void> = [];
  const remove = (s: Slot) => {
    if (Array.isArray(s.parent)) {
      const at = s.parent.indexOf(s.value);
      s.parent.splice(at, 1);
      const parent = s.parent;
      undo.push(() => parent.splice(at, 0, s.value));
    } else {
      const parent = s.parent;
      delete parent[s.key];
      undo.push(() => {
        parent[s.key] = s.value;
      });
    }
  };
  const restoreAll = () => {
    for (let f = undo.pop(); f; f = undo.pop()) f();
  };
  const removeAll = (slots: readonly Slot[]): Outcome => {
    for (const s of slots) remove(s);
    return outcome(current);
  };
  /** Removes the slots if that changes nothing; else halves. Returns the slots kept. */
  const tryBatch = (slots: readonly Slot[]): Slot[] => {
    if (slots.length === 0) return [];
    if (removeAll(slots).fingerprint === target.fingerprint) {
      undo.length = 0;
      return [];
    }
    restoreAll();
    if (slots.length === 1) return [...slots];
    const half = Math.ceil(slots.length / 2);
    return [...tryBatch(slots.slice(0, half)), ...tryBatch(slots.slice(half))];
  };
  /** The objects whose own server-side form is unchanged in `trial`. */
  const unchangedIn = (trial: Outcome, slots: readonly Slot[]) =>
    slots.filter((s) => {
      const key = identity(current[s.object], true);
      const want = target.byIdentity.get(key);
      return want !== undefined && want !== null && trial.byIdentity.get(key) === want;
    });

  const childrenOf = (s: { object: number; kind: string; shape: string }, value: unknown) => {
    const out: Slot[] = [];
    if (Array.isArray(value))
      for (const v of value)
        out.push({ ...s, shape: join(s.shape, '[]'), parent: value, key: '', value: v });
    else if (isRecord(value))
      // Sorted, so that the result does not depend on the order keys were written in.
      for (const k of Object.keys(value).sort())
        out.push({ ...s, shape: join(s.shape, k), parent: value, key: k, value: value[k] });
    return out;
  };

  const added = addedFields(current, written);
  if (added.length > 0) {
    if (removeAll(added).fingerprint === target.fingerprint) undo.length = 0;
    else restoreAll();
  }

  /** Tries removing a group of like slots; returns the ones that have to stay. */
  const tryGroup = (slots: readonly Slot[]): Slot[] => {
    const trial = removeAll(slots);
    if (trial.fingerprint === target.fingerprint) {
      undo.length = 0;
      return [];
    }
    restoreAll();
    const likely = new Set(slots.length > 1 ? unchangedIn(trial, slots) : []);
    return [...tryBatch([...likely]), ...slots.filter((s) => !likely.has(s))];
  };

  let level: Slot[] = current.flatMap((o, i) =>
    childrenOf({ object: i, kind: String(o.kind), shape: '' }, o),
  );
  const kept: Slot[][] = [];
  while (level.length > 0) {
    const candidates: Slot[] = [];
    const next: Slot[] = [];
    for (const s of level) {
      if (isPinned(s.kind, s.shape, s.value)) continue;
      if (holdsPin(s.kind, s.shape, s.value)) next.push(...childrenOf(s, s.value));
      else candidates.push(s);
    }
    const stayed = groupsOf(candidates).flatMap(tryGroup);
    for (const s of stayed) next.push(...childrenOf(s, s.value));
    kept.push(stayed);
    level = next;
  }

  // A container whose every field was removed may now go itself (deepest first).
  for (const stayed of kept.reverse()) {
    const empty = stayed.filter((s) =>
      Array.isArray(s.value)
        ? s.value.length === 0
        : isRecord(s.value) && Object.keys(s.value).length === 0,
    );
    for (const group of groupsOf(empty)) tryGroup(group);
  }
  return current;
}

/** The unpinned fields of `current` that the written objects (matched by identity) lack. */
function addedFields(current: readonly Json[], written: readonly unknown[]): Slot[] {
  const byIdentity = new Map<string, unknown>();
  for (const w of written) if (isRecord(w)) byIdentity.set(identity(w, true), w);
  const out: Slot[] = [];
  const visit = (s: Omit<Slot, 'parent' | 'key' | 'value'>, value: unknown, given: unknown) => {
    const child = (
      parent: Json | unknown[],
      key: string,
      v: unknown,
      w: unknown,
      absent: boolean,
    ) => {
      const shape = join(s.shape, Array.isArray(parent) ? '[]' : key);
      if (isPinned(s.kind, shape, v)) return;
      if (absent && !holdsPin(s.kind, shape, v)) out.push({ ...s, shape, parent, key, value: v });
      else visit({ ...s, shape }, v, absent ? undefined : w);
    };
    if (Array.isArray(value)) {
      const same = Array.isArray(given) && given.length === value.length;
      if (given !== undefined && !same) return;
      value.forEach((v, i) => {
        child(value, '', v, same ? given[i] : undefined, given === undefined);
      });
    } else if (isRecord(value)) {
      if (given !== undefined && !isRecord(given)) return;
      for (const k of Object.keys(value).sort())
        child(value, k, value[k], given?.[k], given === undefined || !(k in given));
    }
  };
  current.forEach((o, i) => {
    const w = byIdentity.get(identity(o, true));
    if (isRecord(w)) visit({ object: i, kind: String(o.kind), shape: '' }, o, w);
  });
  return out;
}

/** Slots grouped by kind and field, in first-seen order. */
function groupsOf(slots: readonly Slot[]): Slot[][] {
  const groups = new Map<string, Slot[]>();
  for (const s of slots) {
    const key = `${s.kind} ${s.shape}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}
