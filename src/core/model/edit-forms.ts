/**
 * The editing forms' values as manifests: what a user would write in YAML for the Pod, Node or
 * Service the form describes. What a form leaves empty stays out of the manifest, so the model
 * allocates it (ClusterIP, nodePort, Pod IP, a Node's podCIDR) as the API server and controllers
 * would; what it cannot read as a number is passed through as text, so the API server's decode
 * error reports it.
 */

export interface PodForm {
  readonly name: string;
  readonly namespace: string;
  readonly nodeName: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ready: boolean;
  readonly containerPort?: number;
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

/** The kubelet's conditions for a started Pod whose containers are (or are not) ready. */
export function readyConditions(ready: boolean): Array<{ type: string; status: string }> {
  const s = ready ? 'True' : 'False';
  return [
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: s },
    { type: 'ContainersReady', status: s },
    { type: 'PodScheduled', status: 'True' },
  ];
}

/** A Node as kubeadm join registers it (the model fills in its podCIDR and address). */
export function nodeManifest(name: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
  };
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
