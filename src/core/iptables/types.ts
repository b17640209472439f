/**
 * The rule IR: iptables tables, chains and rules as typed data, independent of Kubernetes.
 *
 * One Ruleset serves three readers:
 *  - the `restore` printer (restore.ts) prints it exactly as kube-proxy writes its
 *    iptables-restore input: chain lines first, then rules in *write order*;
 *  - the `save` printer (save.ts) prints it as `iptables-save` (1.8.9, nf_tables) shows it:
 *    built-in chains with policies, user chains sorted, rules grouped by chain, every match in
 *    the kernel's canonical form;
 *  - the packet interpreter (src/core/netfilter) executes it: use `chainRules()` (chains.ts)
 *    to get a chain's rules in evaluation order.
 *
 * Shape:
 *  - `Ruleset.tables`: in the order they are printed by `restore` (kube-proxy: filter, nat).
 *  - `Table.chains`: every chain of the table, in declaration order (restore `:NAME` lines);
 *    built-in chains carry their policy (`ACCEPT`/`DROP`), user chains have `policy: null`.
 *  - `Table.rules`: every rule of the table in write order. Each rule names its chain. Within
 *    one chain, write order is evaluation order (`-A` appends).
 *  - `Rule.matches`: typed match clauses in the order they were written. `iptables` semantics:
 *    all must hold. A `module` clause (`-m tcp`) only loads the protocol module and is always
 *    true; the port clause (`--dport`) that belongs to it is a separate item because kube-proxy
 *    writes `-m tcp -p tcp -d IP --dport 80`, with the port after the address.
 *  - `Rule.target`: what happens when all matches hold; `{ kind: 'none' }` is a counter-only rule.
 *  - `Rule.provenance`: the object and field that caused the rule and a sentence saying why;
 *    `Rule.id`: stable across compilations as long as the rule's text is unchanged (the diff
 *    and the UI key on it).
 *
 * NOTE (compatibility): the interpreter and the UI read these types; add union members rather
 * than changing existing ones, and keep `assertNever` switches exhaustive.
 */

export type TableName = 'raw' | 'mangle' | 'filter' | 'nat' | 'security';

export type Protocol = 'tcp' | 'udp' | 'sctp';

/** An IPv4/IPv6 address or CIDR as written, e.g. `10.96.0.10` or `10.244.0.0/16`. */
export type Cidr = string;

export type AddrType =
  | 'UNSPEC'
  | 'UNICAST'
  | 'LOCAL'
  | 'BROADCAST'
  | 'ANYCAST'
  | 'MULTICAST'
  | 'BLACKHOLE'
  | 'UNREACHABLE'
  | 'PROHIBIT';

export type CtState = 'INVALID' | 'NEW' | 'ESTABLISHED' | 'RELATED' | 'UNTRACKED' | 'SNAT' | 'DNAT';

export type Match =
  /** `-m comment --comment TEXT`: always true; documents the rule. */
  | { readonly kind: 'comment'; readonly text: string }
  /** `[!] -p PROTO` */
  | { readonly kind: 'protocol'; readonly protocol: Protocol; readonly negated: boolean }
  /** `[!] -s CIDR` */
  | { readonly kind: 'source'; readonly cidr: Cidr; readonly negated: boolean }
  /** `[!] -d CIDR` */
  | { readonly kind: 'dest'; readonly cidr: Cidr; readonly negated: boolean }
  /** `-m tcp|udp|sctp`: loads the protocol match module; always true by itself. */
  | { readonly kind: 'module'; readonly protocol: Protocol }
  /** `[!] --dport N` of the protocol module (requires `-p PROTO`). */
  | {
      readonly kind: 'dport';
      readonly protocol: Protocol;
      readonly port: number;
      readonly negated: boolean;
    }
  /** `-m addrtype [--src-type T] [--dst-type T]`: the address is of that type on this host. */
  | {
      readonly kind: 'addrtype';
      readonly srcType?: AddrType;
      readonly dstType?: AddrType;
      readonly negated: boolean;
    }
  /** `-m mark [!] --mark VALUE/MASK`: (packet mark & mask) == value. */
  | {
      readonly kind: 'mark';
      readonly value: number;
      readonly mask: number;
      readonly negated: boolean;
    }
  /** `-m conntrack [!] --ctstate A,B`: the connection's state is one of the list. */
  | { readonly kind: 'conntrack'; readonly states: readonly CtState[]; readonly negated: boolean }
  /**
   * `-m statistic --mode random --probability P`: true with probability P. `probability` is the
   * number as written (`0.3333333333`); the kernel keeps `round(P * 2^31)` (see probability.ts).
   */
  | { readonly kind: 'statistic'; readonly mode: 'random'; readonly probability: string }
  /**
   * `-m recent --name N --set` (remember the source address) or
   * `-m recent --name N --rcheck --seconds S --reap` (true if the source was seen in the last S s).
   */
  | {
      readonly kind: 'recent';
      readonly name: string;
      readonly action: 'set' | 'rcheck';
      readonly seconds?: number;
      readonly reap: boolean;
    }
  /** `-m nfacct --nfacct-name NAME`: a named accounting counter; always true. */
  | { readonly kind: 'nfacct'; readonly name: string };

export type Target =
  /** `-j CHAIN`: continue in a user chain; RETURN there comes back here. */
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'DROP' }
  | { readonly kind: 'RETURN' }
  /** `-j REJECT`: the kernel default is `icmp-port-unreachable` ("connection refused"). */
  | { readonly kind: 'REJECT'; readonly with?: string }
  /** `-j DNAT --to-destination IP:PORT` (IPv6: `[IP]:PORT`). */
  | { readonly kind: 'DNAT'; readonly ip: string; readonly port: number }
  /**
   * `-j MARK`: `or` sets the bits (`--or-mark V`), `xor` flips them (`--xor-mark V`). The kernel
   * stores both as mark = (mark & ~mask) ^ xor, which iptables-save prints as `--set-xmark`.
   */
  | { readonly kind: 'MARK'; readonly op: 'or' | 'xor'; readonly value: number }
  /** `-j MASQUERADE [--random-fully]`: SNAT to the outgoing interface's address. */
  | { readonly kind: 'MASQUERADE'; readonly randomFully: boolean }
  /** No `-j`: a counter-only rule; evaluation continues with the next rule. */
  | { readonly kind: 'none' };

/** A reference to the Kubernetes object (and field) a rule comes from. */
export interface SourceRef {
  /** As in diagnostics: `Service default/nginx`, `EndpointSlice default/nginx-7x2kq`. */
  readonly object: string;
  /** Field path inside the object, e.g. `spec.ports[0]`, `endpoints[2]`. */
  readonly field?: string;
}

export interface Provenance {
  /** The object and field that caused the rule (first = the main one). Empty for fixed rules. */
  readonly sources: readonly SourceRef[];
  /** One sentence for a person, e.g. `DNAT to endpoint 10.244.1.14:80 of default/nginx:xsp7pg`. */
  readonly sentence: string;
}

export interface Rule {
  /** Stable identity: table, chain and the rule's text (+ `#n` for a repeated identical rule). */
  readonly id: string;
  readonly chain: string;
  readonly matches: readonly Match[];
  readonly target: Target;
  readonly provenance: Provenance;
}

export interface Chain {
  readonly name: string;
  /** Built-in chains (`PREROUTING`, `INPUT`, ...) have a policy; user chains have `null`. */
  readonly policy: 'ACCEPT' | 'DROP' | null;
}

export interface Table {
  readonly name: TableName;
  /** Declaration order (restore `:NAME - [0:0]` lines). */
  readonly chains: readonly Chain[];
  /** Write order; per chain this is evaluation order. */
  readonly rules: readonly Rule[];
}

export interface Ruleset {
  readonly tables: readonly Table[];
}

/** The built-in chains of each table, in the order the kernel hooks list them. */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly string[]>> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};
