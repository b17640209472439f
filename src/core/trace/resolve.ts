/**
 * The name a user types as a destination, resolved as the source pod's libc would: the search
 * list of its resolv.conf (ClusterFirst: `<ns>.svc.<zone> svc.<zone> <zone>`, `ndots:5`) tried in
 * order against the cluster's CoreDNS, stopping at the first name with an A record; a CNAME
 * (ExternalName) is followed to the addresses CoreDNS adds for its target.
 */
import { buildQuery } from '../dns/query.ts';
import { ClusterDns } from '../dns/respond.ts';
import { RCODE, TYPE } from '../dns/wire/types.ts';
import type { Cluster, Pod } from '../model/types.ts';

export interface ResolveStep {
  /** The name queried, fully qualified. */
  readonly qname: string;
  /** `NXDOMAIN`, `NODATA` or the addresses found. */
  readonly result: string;
}

export interface Resolution {
  readonly name: string;
  readonly steps: readonly ResolveStep[];
  /** The CNAME chain followed, if any (ExternalName). */
  readonly cnames: readonly string[];
  /** The addresses of the name that answered, in answer order; empty if none did. */
  readonly addresses: readonly string[];
}

const NDOTS = 5;

export function searchList(cluster: Cluster, pod: Pod): string[] {
  const ns = pod.metadata.namespace ?? 'default';
  const zone = cluster.dnsDomain;
  return [`${ns}.svc.${zone}`, `svc.${zone}`, zone];
}

export function resolveFromPod(cluster: Cluster, pod: Pod, name: string): Resolution {
  const dns = new ClusterDns(cluster);
  const absolute = name.endsWith('.');
  const bare = absolute ? name.slice(0, -1) : name;
  const dots = bare.split('.').length - 1;
  const candidates: string[] = [];
  if (absolute) candidates.push(bare);
  else {
    if (dots >= NDOTS) candidates.push(bare);
    for (const s of searchList(cluster, pod)) candidates.push(`${bare}.${s}`);
    if (dots < NDOTS) candidates.push(bare);
  }
  const steps: ResolveStep[] = [];
  for (const qname of candidates) {
    const { response } = dns.exchange(buildQuery(qname, TYPE.A));
    const addresses: string[] = [];
    const cnames: string[] = [];
    for (const rr of response.answers) {
      if (rr.data.kind === 'A') addresses.push(rr.data.address);
      else if (rr.data.kind === 'NAME' && rr.type === TYPE.CNAME) cnames.push(rr.data.target);
    }
    const rcode = response.header.rcode;
    const result =
      rcode === RCODE.NXDOMAIN
        ? 'NXDOMAIN'
        : addresses.length > 0
          ? addresses.join(', ')
          : rcode === RCODE.NOERROR
            ? 'NODATA'
            : `rcode ${rcode}`;
    steps.push({ qname: `${qname}.`, result });
    if (addresses.length > 0) return { name, steps, cnames, addresses };
  }
  return { name, steps, cnames: [], addresses: [] };
}
