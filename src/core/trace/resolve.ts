/**
 * The name a user types as a destination, resolved as a program in the source pod would: its
 * getaddrinfo walks the pod's resolv.conf search list (the DNS area's glibc walk) against the
 * cluster's CoreDNS and stops at the first name that answers; a CNAME (ExternalName) is followed
 * to the addresses CoreDNS adds for its target. The walk then sends to the first IPv4 address.
 */
import { resolveInPod } from '../dns/in-pod.ts';
import { TYPE } from '../dns/wire/types.ts';
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
  /** The IPv4 addresses of the name that answered, in answer order; empty if none did. */
  readonly addresses: readonly string[];
}

export function resolveFromPod(cluster: Cluster, pod: Pod, name: string): Resolution {
  const walk = resolveInPod(cluster, { pod, name });
  if (!walk.ok) return { name, steps: [], cnames: [], addresses: [] };
  const cnames: string[] = [];
  const steps = walk.value.steps.map((s) => {
    const addresses: string[] = [];
    for (const q of s.queries) {
      for (const rr of q.exchange.response.answers) {
        if (rr.data.kind === 'A') addresses.push(rr.data.address);
        else if (rr.data.kind === 'NAME' && rr.type === TYPE.CNAME && s.stops) {
          // A and AAAA both carry the CNAME: list it once.
          if (!cnames.includes(rr.data.target)) cnames.push(rr.data.target);
        }
      }
    }
    const result =
      addresses.length > 0
        ? addresses.join(', ')
        : s.outcome === 'nxdomain'
          ? 'NXDOMAIN'
          : s.outcome === 'nodata'
            ? 'NODATA'
            : s.outcome.toUpperCase();
    return { qname: s.name, result };
  });
  const addresses = walk.value.addresses.filter((a) => !a.includes(':'));
  return { name, steps, cnames, addresses };
}
