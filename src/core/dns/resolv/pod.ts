/**
 * A pod's /etc/resolv.conf, end to end: the node's resolv.conf, the kubelet's policy and limits,
 * the file containerd writes, and the settings a resolver in the pod reads back from it.
 */
import { type Diagnostic, diagnostic } from '../../diagnostics.ts';
import type { Cluster, DNSPolicy, Pod } from '../../model/types.ts';
import { fail, ok, type Result } from '../../result.ts';
import { DNS_CODES } from '../codes.ts';
import { nodeResolvConfText, parseHostResolvConf } from './host.ts';
import { type HostsEntry, podHostsEntries } from './hosts.ts';
import { kubeletPodDns, type PodDnsType, resolvConfText, searchLimits } from './kubelet.ts';
import { type ResolverSettings, resolverSettings } from './settings.ts';

export interface ResolvConf {
  /** `namespace/name` of the pod. */
  readonly pod: string;
  /** `spec.dnsPolicy` as set (default ClusterFirst). */
  readonly policy: DNSPolicy;
  /** The base the kubelet used: cluster DNS, the node's resolv.conf, or none. */
  readonly type: PodDnsType;
  /** The file, byte for byte. */
  readonly text: string;
  readonly nameservers: readonly string[];
  readonly searches: readonly string[];
  readonly options: readonly string[];
  /** `options ndots:N`, else the resolver default 1. */
  readonly ndots: number;
  /** What glibc reads back from the file. */
  readonly settings: ResolverSettings;
  /** The pod's /etc/hosts (null on the host network: the node's file). */
  readonly hosts: readonly HostsEntry[] | null;
  /** The kubelet's warning events (limits exceeded, missing cluster DNS). */
  readonly events: readonly Diagnostic[];
}

/** `namespace/name` (or `name` in `default`) to a pod of the cluster. */
export function findPod(cluster: Cluster, ref: string): Pod | null {
  const slash = ref.indexOf('/');
  const namespace = slash < 0 ? 'default' : ref.slice(0, slash);
  const name = slash < 0 ? ref : ref.slice(slash + 1);
  return (
    cluster.pods.find(
      (p) => (p.metadata.namespace ?? 'default') === namespace && p.metadata.name === name,
    ) ?? null
  );
}

export function podNotFound(ref: string): Diagnostic {
  const name = ref.slice(ref.indexOf('/') + 1);
  return diagnostic(
    DNS_CODES.podNotFound,
    'error',
    `Error from server (NotFound): pods "${name}" not found`,
    { object: `Pod ${ref.includes('/') ? ref : `default/${ref}`}` },
  );
}

/**
 * The pod `svclab dns` asks from when none is named: the first pod in `default` whose resolv.conf
 * is the cluster's (ClusterFirst, not on the host network, no dnsConfig), else a stand-in pod `dns-client` in
 * `default` — every such pod in `default` gets the same resolv.conf, so the answers are the same.
 */
export function defaultDnsClient(cluster: Cluster): Pod {
  const existing = cluster.pods.find(
    (p) =>
      (p.metadata.namespace ?? 'default') === 'default' &&
      (p.spec.dnsPolicy ?? 'ClusterFirst') === 'ClusterFirst' &&
      !p.spec.hostNetwork &&
      !p.spec.dnsConfig,
  );
  return (
    existing ?? {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'dns-client', namespace: 'default' },
      spec: { containers: [{ name: 'main' }], dnsPolicy: 'ClusterFirst' },
    }
  );
}

export function podResolvConf(cluster: Cluster, pod: Pod): Result<ResolvConf> {
  const ref = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const extra = pod.spec.dnsConfig;
  if (policy === 'None' && !(extra?.nameservers && extra.nameservers.length > 0)) {
    // The API server never stores such a pod, so the kubelet never writes its file.
    const field = extra ? 'spec.dnsConfig.nameservers' : 'spec.dnsConfig';
    const message = extra
      ? 'must provide at least one DNS nameserver when `dnsPolicy` is None'
      : 'must provide `dnsConfig` when `dnsPolicy` is None';
    return fail([
      diagnostic(DNS_CODES.noNameservers, 'error', `${field}: Required value: ${message}`, {
        object: `Pod ${ref}`,
        field,
      }),
    ]);
  }
  const config = kubeletPodDns({
    pod,
    clusterDNS: cluster.clusterDNS ? [cluster.clusterDNS] : [],
    clusterDomain: cluster.dnsDomain,
    host: parseHostResolvConf(nodeResolvConfText(cluster)),
    limits: searchLimits(cluster.kubernetesVersion),
  });
  const settings = resolverSettings(config);
  return ok(
    {
      pod: ref,
      policy,
      type: config.type,
      text: resolvConfText(config),
      nameservers: config.servers,
      searches: config.searches,
      options: config.options,
      ndots: settings.ndots,
      settings,
      hosts: podHostsEntries(pod, cluster.dnsDomain),
      events: config.events,
    },
    config.events,
  );
}

/** The resolv.conf of the pod named `namespace/name` (or a Pod object). */
export function resolvConf(cluster: Cluster, pod: string | Pod): Result<ResolvConf> {
  const found = typeof pod === 'string' ? findPod(cluster, pod) : pod;
  if (!found) return fail([podNotFound(pod as string)]);
  return podResolvConf(cluster, found);
}
