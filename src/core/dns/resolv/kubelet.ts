/**
 * The DNS configuration the kubelet hands the container runtime for a pod
 * (pkg/kubelet/network/dns/dns.go `GetPodDNS`): the policy picks the base (cluster DNS, the node's
 * resolv.conf, or nothing), `spec.dnsConfig` is appended, then the limits are applied with a
 * `DNSConfigForming` warning event when something had to be dropped.
 */
import { type Diagnostic, diagnostic } from '../../diagnostics.ts';
import type { DNSPolicy, Pod } from '../../model/types.ts';
import { DNS_CODES } from '../codes.ts';
import { type HostDnsConfig, mergeOptions } from './host.ts';

/** At most 3 nameservers (validation.MaxDNSNameservers; glibc's MAXNS). */
export const MAX_NAMESERVERS = 3;
/** A search domain longer than a DNS-1123 subdomain (253) is dropped (glibc 2.28 aborts on it). */
export const MAX_SEARCH_DOMAIN_LENGTH = 253;

export interface SearchLimits {
  readonly paths: number;
  readonly chars: number;
}

/**
 * ExpandedDNSConfig (KEP 2595): beta and on by default from 1.26, GA in 1.28: 32 domains and
 * 2048 characters; before, 6 and 256.
 */
export function searchLimits(kubernetesVersion: string): SearchLimits {
  const minor = Number(/^v?1\.(\d+)/.exec(kubernetesVersion)?.[1] ?? 99);
  return minor >= 26 ? { paths: 32, chars: 2048 } : { paths: 6, chars: 256 };
}

/** Which base the kubelet used (podDNSCluster / podDNSHost / podDNSNone). */
export type PodDnsType = 'cluster' | 'host' | 'none';

export interface KubeletDnsInput {
  readonly pod: Pod;
  /** The kubelet's `clusterDNS` (kubeadm: the kube-dns ClusterIP). Empty: none configured. */
  readonly clusterDNS: readonly string[];
  /** The kubelet's `clusterDomain` (cluster.local). */
  readonly clusterDomain: string;
  /** The node's resolv.conf (`--resolv-conf`), parsed. */
  readonly host: HostDnsConfig;
  readonly limits: SearchLimits;
}

export interface KubeletDnsConfig {
  readonly policy: DNSPolicy;
  readonly type: PodDnsType;
  readonly servers: readonly string[];
  readonly searches: readonly string[];
  readonly options: readonly string[];
  /** The kubelet's warning events for this pod (limits exceeded, no cluster DNS). */
  readonly events: readonly Diagnostic[];
}

export function podDnsType(pod: Pod): PodDnsType {
  switch (pod.spec.dnsPolicy ?? 'ClusterFirst') {
    case 'None':
      return 'none';
    case 'ClusterFirstWithHostNet':
      return 'cluster';
    case 'ClusterFirst':
      // A host-network pod with ClusterFirst falls back to Default.
      return pod.spec.hostNetwork ? 'host' : 'cluster';
    case 'Default':
      return 'host';
  }
}

function omitDuplicates(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function objectName(pod: Pod): string {
  return `Pod ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
}

function fitSearches(
  searches: readonly string[],
  limits: SearchLimits,
  events: Diagnostic[],
  pod: Pod,
) {
  let exceeded = false;
  let out = [...searches];
  if (out.length > limits.paths) {
    out = out.slice(0, limits.paths);
    exceeded = true;
  }
  const short = out.filter((s) => s.length <= MAX_SEARCH_DOMAIN_LENGTH);
  if (short.length !== out.length) exceeded = true;
  out = short;
  const lineLength = out.join(' ').length;
  if (lineLength > limits.chars) {
    // Drop domains from the end until the line fits.
    let cut = 0;
    let cutLength = 0;
    for (let i = out.length - 1; i >= 0; i--) {
      cutLength += (out[i]?.length ?? 0) + 1;
      cut++;
      if (lineLength - cutLength <= limits.chars) break;
    }
    out = out.slice(0, out.length - cut);
    exceeded = true;
  }
  if (exceeded) {
    events.push(
      diagnostic(
        DNS_CODES.resolvConfLimit,
        'warning',
        `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${out.join(' ')}`,
        { object: objectName(pod), field: 'spec.dnsConfig.searches' },
      ),
    );
  }
  return out;
}

export function kubeletPodDns(input: KubeletDnsInput): KubeletDnsConfig {
  const { pod, host } = input;
  const events: Diagnostic[] = [];
  let type = podDnsType(pod);
  let servers: string[] = [...host.servers];
  let searches: string[] = [...host.searches];
  let options: string[] = [...host.options];
  if (type === 'none') {
    servers = [];
    searches = [];
    options = [];
  } else if (type === 'cluster') {
    if (input.clusterDNS.length > 0) {
      servers = [...input.clusterDNS];
      const d = input.clusterDomain;
      const ns = pod.metadata.namespace ?? 'default';
      if (d !== '') searches = omitDuplicates([`${ns}.svc.${d}`, `svc.${d}`, d, ...host.searches]);
      options = ['ndots:5'];
    } else {
      type = 'host';
      events.push(
        diagnostic(
          DNS_CODES.missingClusterDns,
          'warning',
          'kubelet does not have ClusterDNS IP configured and cannot create Pod using "ClusterFirst" policy. Falling back to "Default" policy.',
          { object: objectName(pod), field: 'spec.dnsPolicy' },
        ),
      );
    }
  }
  const extra = pod.spec.dnsConfig;
  if (extra) {
    servers = omitDuplicates([...servers, ...(extra.nameservers ?? [])]);
    searches = omitDuplicates([...searches, ...(extra.searches ?? [])]);
    // The kubelet rebuilds the options from a Go map, so real option order is random; svclab
    // keeps each option where it first appeared (a pod's value replaces the base one in place).
    options = mergeOptions(
      options,
      (extra.options ?? []).map((o) => (o.value ? `${o.name}:${o.value}` : o.name)),
    );
  }
  if (servers.length > MAX_NAMESERVERS) {
    servers = servers.slice(0, MAX_NAMESERVERS);
    events.push(
      diagnostic(
        DNS_CODES.resolvConfLimit,
        'warning',
        `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${servers.join(' ')}`,
        { object: objectName(pod), field: 'spec.dnsConfig.nameservers' },
      ),
    );
  }
  searches = fitSearches(searches, input.limits, events, pod);
  return { policy: pod.spec.dnsPolicy ?? 'ClusterFirst', type, servers, searches, options, events };
}

/**
 * The file containerd writes from that configuration (pkg/cri `parseDNSOptions`): `search`, then
 * one `nameserver` line each, then `options`; lines with nothing to say are left out.
 */
export function resolvConfText(config: Pick<KubeletDnsConfig, 'servers' | 'searches' | 'options'>) {
  let text = '';
  if (config.searches.length > 0) text += `search ${config.searches.join(' ')}\n`;
  for (const s of config.servers) text += `nameserver ${s}\n`;
  if (config.options.length > 0) text += `options ${config.options.join(' ')}\n`;
  return text;
}
