/**
 * The node's resolver, which CoreDNS's `forward . /etc/resolv.conf` relays to: a small static
 * table, because what a real upstream answers depends on the network the cluster sits in. The
 * defaults use the documentation ranges (RFC 5737 / RFC 3849) so nobody mistakes them for live
 * data; a scenario can replace them (see `upstreamFromCluster`).
 */
import type { Cluster } from '../../model/types.ts';

export interface UpstreamRecord {
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX';
  readonly value: string;
  /** The upstream's TTL; the cache plugin caps what a pod sees at 30. */
  readonly ttl?: number;
}

export const DEFAULT_UPSTREAM: readonly UpstreamRecord[] = [
  { name: 'example.com', type: 'A', value: '192.0.2.10', ttl: 300 },
  { name: 'example.com', type: 'AAAA', value: '2001:db8::10', ttl: 300 },
  { name: 'www.example.com', type: 'CNAME', value: 'example.com', ttl: 300 },
  { name: 'search.example.com', type: 'A', value: '192.0.2.20', ttl: 300 },
  { name: 'db.example.com', type: 'A', value: '192.0.2.30', ttl: 300 },
  { name: 'api.example.org', type: 'A', value: '198.51.100.7', ttl: 300 },
  { name: 'mail.example.net', type: 'A', value: '203.0.113.25', ttl: 300 },
];

/** The kind a scenario uses to give its own upstream table. */
export const UPSTREAM_KIND = 'UpstreamDNS';

/**
 * The scenario's upstream table: an object `kind: UpstreamDNS` (apiVersion `svclab.dev/v1alpha1`)
 * with `records: [{name, type, value, ttl}]`, kept by the model among the objects it does not
 * model; otherwise the defaults.
 */
export function upstreamFromCluster(cluster: Cluster): readonly UpstreamRecord[] {
  const doc = cluster.others.find((o) => o.kind === UPSTREAM_KIND);
  const records = doc?.records;
  if (!Array.isArray(records)) return DEFAULT_UPSTREAM;
  const out: UpstreamRecord[] = [];
  for (const r of records as unknown[]) {
    if (typeof r !== 'object' || r === null) continue;
    const { name, type, value, ttl } = r as Record<string, unknown>;
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    if (type !== 'A' && type !== 'AAAA' && type !== 'CNAME' && type !== 'TXT' && type !== 'MX')
      continue;
    out.push({ name, type, value, ...(typeof ttl === 'number' ? { ttl } : {}) });
  }
  return out;
}
