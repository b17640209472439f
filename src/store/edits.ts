/**
 * The editing forms' actions: thin wrappers over the core's pure edits (src/core/model/edits.ts),
 * returning only the next text. The caller commits it through commitText, which applies it and
 * rejects what the API server would reject; to see an edit's diagnostics before committing, call
 * the core edit directly (it returns them with the text).
 *
 * Adding an object that exists updates it in place, as `kubectl apply` does.
 */
import {
  applyObject,
  scalePods as coreScalePods,
  setPodReady as coreSetPodReady,
  setPodTerminating as coreSetPodTerminating,
  nodeManifest,
  type ObjectRef,
  type PodForm,
  podManifest,
  removeObject,
  type ServiceForm,
  serviceManifest,
} from '../core/index.ts';

export type { PodForm, PortForm, ServiceForm, ServiceKind } from '../core/index.ts';
export { parseLabels, podManifest, serviceManifest } from '../core/index.ts';

export function addNode(text: string, name: string): string {
  return applyObject(text, nodeManifest(name)).text;
}

export function addPod(text: string, form: PodForm): string {
  return applyObject(text, podManifest(form)).text;
}

/** Sets the Pod's Ready and ContainersReady conditions, as the kubelet does after a probe. */
export function setPodReady(text: string, namespace: string, name: string, ready: boolean): string {
  return coreSetPodReady(text, namespace, name, ready).text;
}

/** `kubectl delete pod` with a grace period: deletionTimestamp set, the Pod not ready. */
export function setPodTerminating(
  text: string,
  namespace: string,
  name: string,
  at: string,
): string {
  return coreSetPodTerminating(text, namespace, name, at).text;
}

export function deleteObject(text: string, ref: ObjectRef): string {
  return removeObject(text, ref).text;
}

/** Scales the Pods that share `labels` in `namespace` to `replicas`, as a ReplicaSet would. */
export function scalePods(
  text: string,
  namespace: string,
  labels: Readonly<Record<string, string>>,
  replicas: number,
  nodes: readonly string[],
  nameFor: (i: number) => string,
): string {
  return coreScalePods(text, namespace, labels, replicas, nodes, nameFor).text;
}

export function addService(text: string, form: ServiceForm): string {
  return applyObject(text, serviceManifest(form)).text;
}
