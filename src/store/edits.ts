/**
 * The editing forms' actions, as manifest edits on the scenario text (see manifest-edits.ts).
 * Each returns the next text; the caller commits it through the core (commitText), which
 * allocates addresses and ports and rejects what the API server would reject.
 *
 * What a form leaves empty stays out of the manifest, so the core allocates it (ClusterIP,
 * nodePort, Pod IP, a Node's podCIDR) exactly as the API server and controllers would.
 */
import {
  appendObject,
  type ObjectRef,
  objectsOfKind,
  removeObject,
  setField,
} from './manifest-edits.ts';

export function addNode(text: string, name: string): string {
  return appendObject(text, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
  });
}

export interface PodForm {
  readonly name: string;
  readonly namespace: string;
  readonly nodeName: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ready: boolean;
  readonly containerPort?: number;
}

function readyConditions(ready: boolean) {
  const s = ready ? 'True' : 'False';
  return [
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: s },
    { type: 'ContainersReady', status: s },
    { type: 'PodScheduled', status: 'True' },
  ];
}

export function podManifest(form: PodForm): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: form.name, namespace: form.namespace, labels: { ...form.labels } },
    spec: {
      nodeName: form.nodeName,
      containers: [
        {
          name: 'app',
          image: 'nginx:1.25',
          ...(form.containerPort
            ? { ports: [{ containerPort: form.containerPort, protocol: 'TCP' }] }
            : {}),
        },
      ],
    },
    status: { phase: 'Running', conditions: readyConditions(form.ready) },
  };
}

export function addPod(text: string, form: PodForm): string {
  return appendObject(text, podManifest(form));
}

const podRef = (namespace: string, name: string): ObjectRef => ({ kind: 'Pod', namespace, name });

/** Sets the Pod's Ready and ContainersReady conditions, as the kubelet does after a probe. */
export function setPodReady(text: string, namespace: string, name: string, ready: boolean): string {
  const pod = objectsOfKind(text, 'Pod').find(
    (p) => meta(p).name === name && (meta(p).namespace ?? 'default') === namespace,
  );
  const status = (pod?.status ?? {}) as { conditions?: Array<{ type: string; status: string }> };
  const s = ready ? 'True' : 'False';
  const conditions = (status.conditions ?? []).map((c) =>
    c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: s } : c,
  );
  for (const type of ['Ready', 'ContainersReady'])
    if (!conditions.some((c) => c.type === type)) conditions.push({ type, status: s });
  return setField(text, podRef(namespace, name), ['status', 'conditions'], conditions);
}

/**
 * `kubectl delete pod` with a grace period: the API server sets deletionTimestamp and the
 * kubelet marks the Pod not ready while its containers stop.
 */
export function setPodTerminating(
  text: string,
  namespace: string,
  name: string,
  at: string,
): string {
  const marked = setField(text, podRef(namespace, name), ['metadata', 'deletionTimestamp'], at);
  return setPodReady(marked, namespace, name, false);
}

export function deleteObject(text: string, ref: ObjectRef): string {
  return removeObject(text, ref);
}

function meta(o: Record<string, unknown>): {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
} {
  return (o.metadata ?? {}) as { name?: string; namespace?: string };
}

/**
 * Scales the Pods that share `labels` in `namespace` to `replicas`, as a ReplicaSet would: new
 * Pods copy the last one (round-robin over the given nodes), surplus Pods are deleted newest
 * first.
 */
export function scalePods(
  text: string,
  namespace: string,
  labels: Readonly<Record<string, string>>,
  replicas: number,
  nodes: readonly string[],
  nameFor: (i: number) => string,
): string {
  const matches = objectsOfKind(text, 'Pod').filter((p) => {
    const m = meta(p);
    if ((m.namespace ?? 'default') !== namespace) return false;
    return Object.entries(labels).every(([k, v]) => m.labels?.[k] === v);
  });
  let next = text;
  if (replicas < matches.length) {
    for (const p of matches.slice(replicas).reverse())
      next = removeObject(next, podRef(namespace, meta(p).name ?? ''));
    return next;
  }
  const template = matches[matches.length - 1];
  const spec = (template?.spec ?? {}) as { containers?: unknown };
  for (let i = matches.length; i < replicas; i++) {
    const name = nameFor(i);
    next = appendObject(next, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: { ...(template ? meta(template).labels : labels) } },
      spec: {
        nodeName: nodes[i % Math.max(1, nodes.length)] ?? '',
        containers: spec.containers ?? [{ name: 'app', image: 'nginx:1.25' }],
      },
      status: { phase: 'Running', conditions: readyConditions(true) },
    });
  }
  return next;
}

export type ServiceKind = 'ClusterIP' | 'Headless' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface PortForm {
  readonly name: string;
  readonly port: string;
  readonly targetPort: string;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly nodePort: string;
}

export interface ServiceForm {
  readonly name: string;
  readonly namespace: string;
  readonly kind: ServiceKind;
  /** `app=nginx, tier=web` */
  readonly selector: string;
  readonly ports: readonly PortForm[];
  readonly clusterIP: string;
  /** The address a load-balancer controller would publish in status.loadBalancer.ingress. */
  readonly loadBalancerIP: string;
  /** Comma-separated CIDRs. */
  readonly sourceRanges: string;
  readonly externalName: string;
  readonly externalTrafficPolicy: '' | 'Cluster' | 'Local';
  readonly internalTrafficPolicy: '' | 'Cluster' | 'Local';
  readonly sessionAffinity: 'None' | 'ClientIP';
  readonly affinityTimeout: string;
}

/** `a=b, c=d` → {a: 'b', c: 'd'}; text without `=` becomes a key with an empty value. */
export function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const p = part.trim();
    if (p === '') continue;
    const i = p.indexOf('=');
    if (i < 0) out[p] = '';
    else out[p.slice(0, i).trim()] = p.slice(i + 1).trim();
  }
  return out;
}

/** A number field as the API server would decode it: digits become a number, else the text. */
function intOrText(s: string): number | string {
  return /^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim();
}

export function serviceManifest(form: ServiceForm): Record<string, unknown> {
  const type = form.kind === 'Headless' ? 'ClusterIP' : form.kind;
  const external = type === 'NodePort' || type === 'LoadBalancer';
  const spec: Record<string, unknown> = { type };
  const selector = parseLabels(form.selector);
  if (type !== 'ExternalName' && Object.keys(selector).length > 0) spec.selector = selector;
  if (form.kind === 'Headless') spec.clusterIP = 'None';
  else if (form.clusterIP.trim() !== '' && type !== 'ExternalName')
    spec.clusterIP = form.clusterIP.trim();
  if (type === 'ExternalName') spec.externalName = form.externalName.trim();
  const ports = form.ports
    .filter((p) => p.port.trim() !== '' || p.name.trim() !== '')
    .map((p) => ({
      ...(p.name.trim() ? { name: p.name.trim() } : {}),
      port: intOrText(p.port),
      protocol: p.protocol,
      ...(p.targetPort.trim() ? { targetPort: intOrText(p.targetPort) } : {}),
      ...(external && p.nodePort.trim() ? { nodePort: intOrText(p.nodePort) } : {}),
    }));
  if (ports.length > 0) spec.ports = ports;
  if (external && form.externalTrafficPolicy)
    spec.externalTrafficPolicy = form.externalTrafficPolicy;
  if (type !== 'ExternalName' && form.internalTrafficPolicy)
    spec.internalTrafficPolicy = form.internalTrafficPolicy;
  if (type === 'LoadBalancer') {
    const ranges = form.sourceRanges
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (ranges.length > 0) spec.loadBalancerSourceRanges = ranges;
  }
  if (form.sessionAffinity === 'ClientIP' && type !== 'ExternalName') {
    spec.sessionAffinity = 'ClientIP';
    if (form.affinityTimeout.trim() !== '')
      spec.sessionAffinityConfig = {
        clientIP: { timeoutSeconds: intOrText(form.affinityTimeout) },
      };
  }
  const manifest: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: form.name.trim(), namespace: form.namespace.trim() || 'default' },
    spec,
  };
  if (type === 'LoadBalancer' && form.loadBalancerIP.trim() !== '')
    manifest.status = {
      loadBalancer: { ingress: [{ ip: form.loadBalancerIP.trim(), ipMode: 'VIP' }] },
    };
  return manifest;
}

export function addService(text: string, form: ServiceForm): string {
  return appendObject(text, serviceManifest(form));
}
