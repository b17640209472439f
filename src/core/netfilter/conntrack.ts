/**
 * Connection tracking for one node (nf_conntrack): the first packet of a connection creates an
 * entry with its original tuple; when the packet leaves the node the entry is confirmed with the
 * tuple the packet left with, and the reply tuple is that one reversed. A later packet matching
 * the reply tuple is the reply: conntrack undoes the NAT on it (the destination at PREROUTING,
 * the source at POSTROUTING or INPUT) without consulting the nat table again.
 */
import type { CtState, Protocol } from '../iptables/types.ts';
import type { Packet } from './packet.ts';

export interface Tuple {
  readonly protocol: Protocol;
  readonly src: string;
  readonly sport: number;
  readonly dst: string;
  readonly dport: number;
}

export interface CtEntry {
  readonly original: Tuple;
  /** The tuple the first packet left the node with (after DNAT and SNAT). */
  confirmed: Tuple | null;
}

export type CtDirection = 'original' | 'reply';

export function tupleOf(p: Packet): Tuple {
  return { protocol: p.protocol, src: p.src, sport: p.sport, dst: p.dst, dport: p.dport };
}

function same(a: Tuple, b: Tuple): boolean {
  return (
    a.protocol === b.protocol &&
    a.src === b.src &&
    a.sport === b.sport &&
    a.dst === b.dst &&
    a.dport === b.dport
  );
}

function reversed(t: Tuple): Tuple {
  return { protocol: t.protocol, src: t.dst, sport: t.dport, dst: t.src, dport: t.sport };
}

export function wasDnatted(e: CtEntry): boolean {
  return (
    e.confirmed !== null &&
    (e.confirmed.dst !== e.original.dst || e.confirmed.dport !== e.original.dport)
  );
}

export function wasSnatted(e: CtEntry): boolean {
  return (
    e.confirmed !== null &&
    (e.confirmed.src !== e.original.src || e.confirmed.sport !== e.original.sport)
  );
}

/** `-m conntrack --ctstate` as the kernel reports it for a packet of this entry. */
export function ctStates(entry: CtEntry | null, direction: CtDirection): Set<CtState> {
  if (entry === null || (direction === 'original' && entry.confirmed === null)) {
    return new Set<CtState>(['NEW']);
  }
  const states = new Set<CtState>(['ESTABLISHED']);
  if (wasDnatted(entry)) states.add('DNAT');
  if (wasSnatted(entry)) states.add('SNAT');
  return states;
}

export class Conntrack {
  private readonly entries: CtEntry[] = [];

  lookup(p: Packet): { entry: CtEntry; direction: CtDirection } | null {
    const t = tupleOf(p);
    for (const entry of this.entries) {
      if (same(entry.original, t)) return { entry, direction: 'original' };
      if (entry.confirmed && same(reversed(entry.confirmed), t))
        return { entry, direction: 'reply' };
    }
    return null;
  }

  create(p: Packet): CtEntry {
    const entry: CtEntry = { original: tupleOf(p), confirmed: null };
    this.entries.push(entry);
    return entry;
  }

  confirm(entry: CtEntry, p: Packet): void {
    entry.confirmed ??= tupleOf(p);
  }

  /** `conntrack -L` lines for this node, for traces. */
  list(): string[] {
    return this.entries.flatMap((e) => (e.confirmed ? [conntrackLine(e)] : []));
  }
}

/** One entry as `conntrack -L` prints it (without timeouts and counters). */
export function conntrackLine(e: CtEntry): string {
  const o = e.original;
  const r = reversed(e.confirmed ?? e.original);
  return `${o.protocol} src=${o.src} dst=${o.dst} sport=${o.sport} dport=${o.dport} src=${r.src} dst=${r.dst} sport=${r.sport} dport=${r.dport}`;
}
