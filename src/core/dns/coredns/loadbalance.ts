/**
 * `loadbalance` (plugin/loadbalance): in every NOERROR reply, each section's A/AAAA records are
 * shuffled; in a mixed section CNAMEs come first, then other types in order, then the shuffled
 * addresses, then MX. CoreDNS draws from dns.Id(); here the draws come from a seeded generator
 * so the same scenario always shows the same order.
 */
import { type Message, RCODE, type ResourceRecord, TYPE } from '../wire/types.ts';

/** A 16-bit draw sequence from a 32-bit xorshift state (deterministic stand-in for dns.Id()). */
export function idSource(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x & 0xffff;
  };
}

function shuffle(records: ResourceRecord[], id: () => number): void {
  const l = records.length;
  if (l < 2) return;
  if (l === 2) {
    if (id() % 2 === 0) [records[0], records[1]] = [records[1]!, records[0]!];
    return;
  }
  for (let j = 0; j < l; j++) {
    const p = j + (id() % (l - j));
    if (p !== j) [records[j], records[p]] = [records[p]!, records[j]!];
  }
}

function roundRobin(input: readonly ResourceRecord[], id: () => number): ResourceRecord[] {
  const all = [...input];
  if (all.length <= 1) return all;
  const first = all[0]!.type;
  if (all.every((r) => r.type === first) && (first === TYPE.A || first === TYPE.AAAA)) {
    shuffle(all, id);
    return all;
  }
  const pick = (t: (type: number) => boolean) => all.filter((r) => t(r.type));
  const cname = pick((t) => t === TYPE.CNAME);
  const address = pick((t) => t === TYPE.A || t === TYPE.AAAA);
  const mx = pick((t) => t === TYPE.MX);
  const rest = pick((t) => t !== TYPE.CNAME && t !== TYPE.A && t !== TYPE.AAAA && t !== TYPE.MX);
  shuffle(address, id);
  shuffle(mx, id);
  return [...cname, ...rest, ...address, ...mx];
}

export function loadbalance(m: Message, seed: number): Message {
  if (m.header.rcode !== RCODE.NOERROR) return m;
  const id = idSource(seed);
  return {
    ...m,
    answers: roundRobin(m.answers, id),
    authority: roundRobin(m.authority, id),
    additional: roundRobin(m.additional, id),
  };
}
