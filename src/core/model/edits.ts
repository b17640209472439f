/**
 * Edits as pure functions: the scenario's text in, the next text and what the API server makes
 * of it out. This is what the UI's forms and buttons call. Each edit changes the manifests as a
 * user would in their editor (comments and other documents kept), then applies the result, so the
 * caller gets the new cluster and its diagnostics — and decides, as `kubectl apply` would, to
 * keep the change only when there is no error (`ok`).
 *
 * Creating an object that exists, or changing one that does not, is refused with the API
 * server's own words (`services "web" already exists`, `pods "web-1" not found`) and the text is
 * returned unchanged.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic, hasErrors } from '../diagnostics.ts';
import { type Applied, type ApplyOptions, applyScenario } from './apply.ts';
import { ModelCode } from './codes.ts';
import { nodeManifest, readyConditions } from './edit-forms.ts';
import {
  appendObject,
  CLUSTER_SCOPED,
  hasObject,
  type ObjectRef,
  objectsOfKind,
  removeObject as removeDocuments,
  replaceObject,
  setField,
} from './manifest-edits.ts';

export interface EditResult {
  /** The scenario after the edit; the one given when the edit was refused. */
  readonly text: string;
  /** The new text as the API server and controllers leave it. */
  readonly applied: Applied;
  /** The edit's own refusal (if any), then the applied scenario's diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  /** No error: the edit may be kept. */
  readonly ok: boolean;
}

export type { ObjectRef };

function result(text: string, options: ApplyOptions, refusal?: Diagnostic): EditResult {
  const applied = applyScenario(text, options);
  const diagnostics = refusal ? [refusal, ...applied.diagnostics] : applied.diagnostics;
  return { text, applied, diagnostics, ok: !hasErrors(diagnostics) };
}

/** The resource name the API server uses in messages: `pods`, `services`, `nodes`. */
function resource(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === 'endpointslice') return 'endpointslices.discovery.k8s.io';
  return lower.endsWith('s') ? `${lower}es` : `${lower}s`;
}

function refOf(object: Record<string, unknown>): ObjectRef {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const meta = (object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (CLUSTER_SCOPED.has(kind)) return { kind, name };
  return { kind, name, namespace: typeof meta.namespace === 'string' ? meta.namespace : 'default' };
}

function label(ref: ObjectRef): string {
  return CLUSTER_SCOPED.has(ref.kind)
    ? `${ref.kind} ${ref.name}`
    : `${ref.kind} ${ref.namespace ?? 'default'}/${ref.name}`;
}

function notFound(ref: ObjectRef): Diagnostic {
  return diagnostic(ModelCode.notFound, 'error', `${resource(ref.kind)} "${ref.name}" not found`, {
    object: label(ref),
  });
}

/** `kubectl create`: a new object; refused when it exists. */
export function addObject(
  text: string,
  object: Record<string, unknown>,
  options: ApplyOptions = {},
): EditResult {
  const ref = refOf(object);
  if (hasObject(text, ref)) {
    const refusal = diagnostic(
      ModelCode.alreadyExists,
      'error',
      `${resource(ref.kind)} "${ref.name}" already exists`,
      { object: label(ref) },
    );
    return result(text, options, refusal);
  }
  return result(appendObject(text, object), options);
}

/** `kubectl replace`: the object's document gets the new content; refused when it does not exist. */
export function updateObject(
  text: string,
  object: Record<string, unknown>,
  options: ApplyOptions = {},
): EditResult {
  const ref = refOf(object);
  if (!hasObject(text, ref)) return result(text, options, notFound(ref));
  return result(replaceObject(text, ref, object), options);
}

/** `kubectl apply`: update the object when the scenario has it, add it otherwise. */
export function applyObject(
  text: string,
  object: Record<string, unknown>,
  options: ApplyOptions = {},
): EditResult {
  const ref = refOf(object);
  return hasObject(text, ref)
    ? updateObject(text, object, options)
    : addObject(text, object, options);
}

/** `kubectl delete`: every document that defines the object goes. */
export function removeObject(text: string, ref: ObjectRef, options: ApplyOptions = {}): EditResult {
  if (!hasObject(text, ref)) return result(text, options, notFound(ref));
  return result(removeDocuments(text, ref), options);
}

// ---- Nodes, Pods, Services ---------------------------------------------------------------------

export function addNode(text: string, name: string, options: ApplyOptions = {}): EditResult {
  return addObject(text, nodeManifest(name), options);
}
export function removeNode(text: string, name: string, options: ApplyOptions = {}): EditResult {
  return removeObject(text, { kind: 'Node', name }, options);
}
export function updateNode(
  text: string,
  node: Record<string, unknown>,
  options: ApplyOptions = {},
): EditResult {
  return updateObject(text, { ...node, kind: 'Node' }, options);
}
export function addPod(
  text: string,
  pod: Record<string, unknown>,
  options: ApplyOptions = {},
): EditResult {
  return addObject(text, { ...pod, kind: 'Pod' }, options);
}
export function updatePod(
  text: string,
  pod: Record<string, unknown>,
  options: ApplyOptions = {},
): EditResult {
  return updateObject(text, { ...pod, kind: 'Pod' }, options);
}
export function removePod(
  text: string,
  namespace: string,
  name: string,
  options: ApplyOptions = {},
): EditResult {
  return removeObject(text, { kind: 'Pod', namespace, name }, options);
}
export function addService(
  text: string,
  service: Record<string, unknown>,
  options: ApplyOptions = {},
): EditResult {
  return addObject(text, { ...service, kind: 'Service' }, options);
}
export function updateService(
  text: string,
  service: Record<string, unknown>,
  options: ApplyOptions = {},
): EditResult {
  return updateObject(text, { ...service, kind: 'Service' }, options);
}
export function removeService(
  text: string,
  namespace: string,
  name: string,
  options: ApplyOptions = {},
): EditResult {
  return removeObject(text, { kind: 'Service', namespace, name }, options);
}

// ---- Pod lifecycle -----------------------------------------------------------------------------

function findPod(
  text: string,
  namespace: string,
  name: string,
): Record<string, unknown> | undefined {
  return objectsOfKind(text, 'Pod').find((p) => {
    const m = (p.metadata ?? {}) as { name?: string; namespace?: string };
    return m.name === name && (m.namespace ?? 'default') === namespace;
  });
}

/** The status a readiness probe leaves: Ready and ContainersReady, and each container's `ready`. */
function readyStatus(pod: Record<string, unknown>, ready: boolean): Record<string, unknown> {
  const status = (pod.status ?? {}) as {
    phase?: string;
    conditions?: Array<{ type: string; status: string }>;
    containerStatuses?: Array<Record<string, unknown>>;
  };
  const s = ready ? 'True' : 'False';
  const conditions = (status.conditions ?? []).map((c) =>
    c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: s } : c,
  );
  for (const type of ['Ready', 'ContainersReady'])
    if (!conditions.some((c) => c.type === type)) conditions.push({ type, status: s });
  return {
    ...status,
    // A probe runs in a started Pod: without a phase, kubectl would show an empty STATUS.
    phase: status.phase ?? 'Running',
    conditions,
    ...(status.containerStatuses
      ? { containerStatuses: status.containerStatuses.map((c) => ({ ...c, ready })) }
      : {}),
  };
}

/** The kubelet after a readiness probe: the Pod becomes ready or not ready. */
export function setPodReady(
  text: string,
  namespace: string,
  name: string,
  ready: boolean,
  options: ApplyOptions = {},
): EditResult {
  const pod = findPod(text, namespace, name);
  if (!pod) return result(text, options, notFound({ kind: 'Pod', namespace, name }));
  const ref: ObjectRef = { kind: 'Pod', namespace, name };
  return result(setField(text, ref, ['status'], readyStatus(pod, ready)), options);
}

/**
 * `kubectl delete pod` with a grace period, frozen mid-way: the API server has set
 * deletionTimestamp (`at`, RFC 3339) and the containers are stopping. The kubelet keeps running
 * the readiness probe meanwhile, so the Pod's Ready condition is left as it is: a Pod still
 * passing it is serving and terminating (the EndpointSlice says ready: false, serving: true,
 * terminating: true — kube-proxy's fallback when no endpoint is ready); set it not ready too
 * to model an app that fails its probe once it got SIGTERM.
 */
export function setPodTerminating(
  text: string,
  namespace: string,
  name: string,
  at: string,
  options: ApplyOptions = {},
): EditResult {
  const pod = findPod(text, namespace, name);
  if (!pod) return result(text, options, notFound({ kind: 'Pod', namespace, name }));
  const ref: ObjectRef = { kind: 'Pod', namespace, name };
  return result(setField(text, ref, ['metadata', 'deletionTimestamp'], at), options);
}

/**
 * Scales the Pods of `namespace` that carry `labels` to `replicas`, as a ReplicaSet would: new
 * Pods copy the newest one's labels and containers and go round-robin over `nodes` (or to the
 * scheduler when none are given), named by `nameFor(index)`; surplus Pods are deleted newest
 * (last in the scenario) first.
 */
export function scalePods(
  text: string,
  namespace: string,
  labels: Readonly<Record<string, string>>,
  replicas: number,
  nodes: readonly string[],
  nameFor: (index: number) => string,
  options: ApplyOptions = {},
): EditResult {
  const meta = (p: Record<string, unknown>) =>
    (p.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string> };
  const matches = objectsOfKind(text, 'Pod').filter((p) => {
    const m = meta(p);
    if ((m.namespace ?? 'default') !== namespace) return false;
    return Object.entries(labels).every(([k, v]) => m.labels?.[k] === v);
  });
  const target = Math.max(0, Math.floor(replicas));
  let next = text;
  if (target < matches.length) {
    for (const p of matches.slice(target).reverse())
      next = removeDocuments(next, { kind: 'Pod', namespace, name: meta(p).name ?? '' });
    return result(next, options);
  }
  const template = matches[matches.length - 1];
  const spec = (template?.spec ?? {}) as { containers?: unknown };
  for (let i = matches.length; i < target; i++) {
    const nodeName = nodes.length > 0 ? nodes[i % nodes.length] : undefined;
    next = appendObject(next, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: nameFor(i),
        namespace,
        labels: { ...(template ? meta(template).labels : labels) },
      },
      spec: {
        ...(nodeName ? { nodeName } : {}),
        containers: spec.containers ?? [{ name: 'app', image: 'nginx:1.25' }],
      },
      status: { phase: 'Running', conditions: readyConditions(true) },
    });
  }
  return result(next, options);
}
