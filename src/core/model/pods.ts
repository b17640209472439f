/**
 * Pods as the API server, the scheduler and the kubelet leave them: defaults
 * (SetDefaults_Pod/PodSpec/ContainerPort), a node when none is named, a status when none is given
 * (Running and Ready: a scenario's Pod is meant to be up), and a Pod IP from its node's pod CIDR.
 *
 * Pod IPs follow the flannel + bridge + host-local IPAM profile (reference §3.2): on a node with
 * 10.244.X.0/24, `.0` is flannel.1, `.1` the cni0 gateway, Pods get `.2` upwards. host-local is
 * round-robin: the next allocation starts after the last reserved address, so a freed IP is not
 * reused until the range wraps. A scenario is a snapshot, so "the last reserved address" is taken
 * as the highest address in use on that node; IPs the scenario gives are always kept.
 * hostNetwork Pods take the node's InternalIP and consume nothing (reference §3.3).
 *
 * Scheduling (a Pod without spec.nodeName): the schedulable, Ready node with the fewest Pods, ties
 * broken by name — the outcome the default scheduler's spreading gives on an idle cluster.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import { ModelCode } from './codes.ts';
import { cidrContains, cidrSize, formatIP, parseCidr, parseIP } from './ip.ts';
import { nameSuffix } from './seed.ts';
import type { Container, Node, Pod, PodCondition } from './types.ts';

export function nodeInternalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** SetDefaults_Container: `:latest` or untagged images are pulled Always, others IfNotPresent. */
function pullPolicy(image: string): string {
  const name = image.slice(image.lastIndexOf('/') + 1);
  if (name.includes('@')) return 'IfNotPresent';
  const tag = name.includes(':') ? name.slice(name.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(input: Container, hostNetwork: boolean): Container {
  const c: Container = {
    ...input,
    terminationMessagePath: input.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: input.terminationMessagePolicy ?? 'File',
    resources: input.resources ?? {},
    ...(typeof input.image === 'string' && input.imagePullPolicy === undefined
      ? { imagePullPolicy: pullPolicy(input.image) }
      : {}),
  };
  if (!c.ports) return c;
  return {
    ...c,
    ports: c.ports.map((p) => ({
      ...p,
      protocol: p.protocol ?? 'TCP',
      // defaultHostNetworkPorts: with hostNetwork the container port is the host port.
      ...(hostNetwork && p.hostPort === undefined ? { hostPort: p.containerPort } : {}),
    })),
  };
}

const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** A list field the model does not type-check: anything but an array counts as empty. */
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The ServiceAccount admission plugin's projected token volume (`kube-api-access-<5 chars>`, the
 * suffix random upstream, derived from the Pod here) mounted read-only in every container, unless
 * the Pod opts out with automountServiceAccountToken: false or already mounts the path.
 */
function serviceAccountVolume(pod: Pod, spec: Pod['spec']): Partial<Pod['spec']> {
  if (spec.automountServiceAccountToken === false) return {};
  if (
    spec.containers.some((c) =>
      listOf(c.volumeMounts).some(
        (m) =>
          typeof m === 'object' && m !== null && 'mountPath' in m && m.mountPath === TOKEN_MOUNT,
      ),
    )
  )
    return {};
  const name = `kube-api-access-${nameSuffix(`${pod.metadata.namespace}/${pod.metadata.name}/token`)}`;
  const volume = {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [
              {
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                path: 'namespace',
              },
            ],
          },
        },
      ],
    },
  };
  const mount = { mountPath: TOKEN_MOUNT, name, readOnly: true };
  return {
    volumes: [...listOf(spec.volumes), volume],
    containers: spec.containers.map((c) => ({
      ...c,
      volumeMounts: [...listOf(c.volumeMounts), mount],
    })),
  };
}

export function defaultPod(pod: Pod): Pod {
  const spec = { ...pod.spec };
  const hostNetwork = spec.hostNetwork === true;
  spec.containers = (spec.containers ?? []).map((c) => defaultContainer(c, hostNetwork));
  Object.assign(spec, serviceAccountVolume(pod, spec));
  if (spec.dnsPolicy === undefined) spec.dnsPolicy = 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  spec.securityContext ??= {};
  // Admission on create: ServiceAccount, Priority, DefaultTolerationSeconds.
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.tolerations ??= [
    {
      effect: 'NoExecute',
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      tolerationSeconds: 300,
    },
    {
      effect: 'NoExecute',
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      tolerationSeconds: 300,
    },
  ];
  return { ...pod, spec };
}

function readyConditions(ready: boolean, time: string): PodCondition[] {
  const s = ready ? 'True' : 'False';
  return [
    { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: time },
    { type: 'Ready', status: s, lastProbeTime: null, lastTransitionTime: time },
    { type: 'ContainersReady', status: s, lastProbeTime: null, lastTransitionTime: time },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: time },
  ];
}

/** The kubelet's status for a started Pod whose containers are (or are not) ready. */
export function runningStatus(pod: Pod, ready: boolean, time: string): NonNullable<Pod['status']> {
  return {
    phase: 'Running',
    conditions: readyConditions(ready, time),
    startTime: time,
    containerStatuses: pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image ?? '',
      ready,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: time } },
    })),
  };
}

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

interface NodeIPAM {
  readonly node: Node;
  readonly first: bigint;
  readonly last: bigint;
  readonly family: 4 | 6;
  cursor: bigint;
  readonly used: Set<bigint>;
}

/** Schedules, starts and addresses the Pods; returns them in the given order. */
export function runPods(
  pods: readonly Pod[],
  nodes: readonly Node[],
  creationTimestamp: string,
  diagnostics: Diagnostic[],
): Pod[] {
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name ?? '', n]));
  const load = new Map<string, number>(nodes.map((n) => [n.metadata.name ?? '', 0]));
  for (const p of pods) {
    const n = p.spec.nodeName;
    if (n && load.has(n)) load.set(n, (load.get(n) ?? 0) + 1);
  }
  const schedulable = nodes
    .filter((n) => !n.spec?.unschedulable)
    .filter((n) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'False');

  // IPAM per node: the node's first pod CIDR; given IPs are reserved up front.
  const ipam = new Map<string, NodeIPAM>();
  for (const node of nodes) {
    const cidr = parseCidr(node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0] ?? '');
    if (!cidr) continue;
    const size = cidrSize(cidr);
    const last = cidr.family === 4 ? cidr.base + size - 2n : cidr.base + size - 1n;
    ipam.set(node.metadata.name ?? '', {
      node,
      family: cidr.family,
      first: cidr.base + 2n, // .0 flannel.1, .1 the cni0 gateway
      last,
      cursor: cidr.base + 1n,
      used: new Set(),
    });
  }
  for (const p of pods) {
    if (p.spec.hostNetwork) continue;
    for (const ip of [p.status?.podIP, ...(p.status?.podIPs ?? []).map((x) => x.ip)]) {
      const a = ip ? parseIP(ip) : null;
      if (!a) continue;
      for (const r of ipam.values()) {
        const cidr = parseCidr(r.node.spec?.podCIDR ?? '');
        if (cidr && cidrContains(cidr, a)) {
          r.used.add(a.value);
          if (a.value > r.cursor) r.cursor = a.value;
        }
      }
    }
  }

  return pods.map((input) => {
    let pod = input;
    const label = `Pod ${pod.metadata.namespace}/${pod.metadata.name}`;
    if (!pod.spec.nodeName) {
      const target = [...schedulable].sort(
        (a, b) =>
          (load.get(a.metadata.name ?? '') ?? 0) - (load.get(b.metadata.name ?? '') ?? 0) ||
          (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
      )[0];
      if (!target) {
        diagnostics.push(
          diagnostic(
            ModelCode.podNode,
            'warning',
            `${label}: no node to schedule it on; it stays Pending`,
            {
              object: label,
              field: 'spec.nodeName',
            },
          ),
        );
        return { ...pod, status: { phase: 'Pending', ...pod.status } };
      }
      const name = target.metadata.name ?? '';
      load.set(name, (load.get(name) ?? 0) + 1);
      pod = { ...pod, spec: { ...pod.spec, nodeName: name } };
    }
    const nodeName = pod.spec.nodeName ?? '';
    const node = nodeByName.get(nodeName);
    if (!node) {
      diagnostics.push(
        diagnostic(
          ModelCode.podNode,
          'warning',
          `${label}: spec.nodeName "${nodeName}" names no Node in the scenario; the Pod gets no IP and no endpoint`,
          { object: label, field: 'spec.nodeName' },
        ),
      );
      return pod;
    }
    const time = pod.metadata.creationTimestamp ?? creationTimestamp;
    let status = pod.status ?? runningStatus(pod, true, time);
    // A given Running status without containerStatuses gets the kubelet's, from the Ready condition.
    if (status.phase === 'Running' && !status.containerStatuses) {
      const generated = runningStatus(
        pod,
        isPodReady({ ...pod, status }),
        status.startTime ?? time,
      );
      status = { ...status, containerStatuses: generated.containerStatuses ?? [] };
    }
    const hostIP = nodeInternalIP(node);
    if (hostIP && !status.hostIP) status = { ...status, hostIP, hostIPs: [{ ip: hostIP }] };
    const started = status.phase === 'Running' || status.phase === undefined;
    if (!status.podIP && status.podIPs?.[0]) status = { ...status, podIP: status.podIPs[0].ip };
    if (!status.podIP && started) {
      const ip = pod.spec.hostNetwork ? hostIP : nextPodIP(ipam.get(nodeName));
      if (ip) status = { ...status, podIP: ip, podIPs: [{ ip }] };
      else
        diagnostics.push(
          diagnostic(
            ModelCode.podIP,
            'warning',
            `${label}: failed to allocate for range 0: no IP addresses available in range set on node ${nodeName}`,
            { object: label, field: 'status.podIP' },
          ),
        );
    } else if (status.podIP && !status.podIPs) {
      status = { ...status, podIPs: [{ ip: status.podIP }] };
    }
    if (status.qosClass === undefined) status = { ...status, qosClass: qosClass(pod) };
    return { ...pod, status };
  });
}

/**
 * The QoS class the API server computes on create (pkg/apis/core/helper/qos): BestEffort without
 * any request or limit, Guaranteed when every container limits CPU and memory with requests equal
 * to the limits, Burstable otherwise.
 */
function qosClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  const all = pod.spec.containers.map((c) => (c.resources ?? {}) as Resources);
  const any = all.some(
    (r) => Object.keys(r.requests ?? {}).length > 0 || Object.keys(r.limits ?? {}).length > 0,
  );
  if (!any) return 'BestEffort';
  const guaranteed = all.every((r) =>
    ['cpu', 'memory'].every(
      (k) =>
        r.limits?.[k] !== undefined &&
        String(r.requests?.[k] ?? r.limits?.[k]) === String(r.limits?.[k]),
    ),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function nextPodIP(r: NodeIPAM | undefined): string | undefined {
  if (!r) return undefined;
  const span = r.last - r.first + 1n;
  for (let i = 1n; i <= span; i++) {
    let v = r.cursor + i;
    if (v > r.last) v = r.first + ((v - r.first) % span);
    if (v < r.first) v = r.first;
    if (r.used.has(v)) continue;
    r.used.add(v);
    r.cursor = v;
    return formatIP(r.family, v);
  }
  return undefined;
}
