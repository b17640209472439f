/**
 * The node's resolv.conf as the kubelet reads it (pkg/kubelet/network/dns/dns.go
 * `parseResolvConf`, current releases): `nameserver` lines accumulate (first field only), the last
 * `search` line wins with each domain's trailing dot removed and a lone `.` dropped, `options`
 * accumulate with a later option of the same name replacing the earlier one, `#` lines are
 * comments. Everything else (`domain`, `sortlist`, `;` comments) is ignored, as the kubelet does.
 */
import type { Cluster } from '../../model/types.ts';
import { UPSTREAM_KIND } from '../coredns/upstream.ts';

export interface HostDnsConfig {
  readonly servers: readonly string[];
  readonly searches: readonly string[];
  readonly options: readonly string[];
}

/**
 * The node's /etc/resolv.conf when the scenario gives none: one upstream resolver in the
 * documentation range (RFC 5737), like the upstream table's addresses, no search domains and no
 * options (a kubeadm node whose kubelet reads a plain resolv.conf).
 */
export const DEFAULT_NODE_RESOLV_CONF = 'nameserver 192.0.2.53\n';

/** Options keep their first position; a later one with the same name replaces its value. */
export function mergeOptions(options: readonly string[], more: readonly string[]): string[] {
  const out = [...options];
  for (const option of more) {
    const name = optionName(option);
    const at = out.findIndex((o) => optionName(o) === name);
    if (at >= 0) out[at] = option;
    else out.push(option);
  }
  return out;
}

export function optionName(option: string): string {
  const colon = option.indexOf(':');
  return colon < 0 ? option : option.slice(0, colon);
}

export function parseHostResolvConf(text: string): HostDnsConfig {
  const servers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) continue;
    const fields = trimmed.split(/\s+/).filter((f) => f !== '');
    const [key, ...rest] = fields;
    if (key === 'nameserver' && rest[0] !== undefined) servers.push(rest[0]);
    else if (key === 'search') {
      searches = rest.filter((s) => s !== '.').map((s) => (s.endsWith('.') ? s.slice(0, -1) : s));
    } else if (key === 'options') options = mergeOptions(options, rest);
  }
  return { servers, searches, options };
}

/**
 * The node's resolv.conf text: `resolvConf` of the scenario's `UpstreamDNS` object (the same
 * resolver CoreDNS's `forward . /etc/resolv.conf` reaches), else the default.
 */
export function nodeResolvConfText(cluster: Cluster): string {
  const doc = cluster.others.find((o) => o.kind === UPSTREAM_KIND);
  return typeof doc?.resolvConf === 'string' ? doc.resolvConf : DEFAULT_NODE_RESOLV_CONF;
}
