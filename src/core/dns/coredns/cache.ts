/**
 * The TTL rewrite every reply gets from `cache 30` (plugin/cache/cache.go ResponseWriter.WriteMsg),
 * even for cluster.local, where kubeadm's `disable success/denial cluster.local` stops it storing:
 * one duration, from the reply's lowest TTL (for a negative answer: the SOA's TTL and minimum),
 * clamped to [5, 30], is written into every record.
 */
import { type Message, RCODE, type ResourceRecord } from '../wire/types.ts';

function minimalTtl(m: Message): number | null {
  const negative =
    m.header.rcode === RCODE.NXDOMAIN ||
    (m.header.rcode === RCODE.NOERROR && m.answers.length === 0);
  if (negative) {
    let min: number | null = null;
    for (const rr of m.authority) {
      if (rr.data.kind !== 'SOA') continue;
      const t = Math.min(rr.ttl, rr.data.minimum);
      min = min === null ? t : Math.min(min, t);
    }
    return min;
  }
  const all = [...m.answers, ...m.authority, ...m.additional];
  if (all.length === 0) return null;
  return Math.min(...all.map((rr) => rr.ttl));
}

export function applyCacheTtl(m: Message, minTtl: number, maxTtl: number): Message {
  const msgTtl = minimalTtl(m) ?? minTtl;
  const ttl = Math.min(Math.max(msgTtl, minTtl), maxTtl);
  const set = (rrs: readonly ResourceRecord[]) => rrs.map((rr) => ({ ...rr, ttl }));
  return {
    ...m,
    answers: set(m.answers),
    authority: set(m.authority),
    additional: set(m.additional),
  };
}
