/**
 * One match clause against a packet, with iptables' semantics for every match kube-proxy and the
 * CNI write. What a match cannot know from the packet alone (is this address local, the
 * connection's state, a random draw, the `recent` lists) comes from the context.
 */
import type { CtState, Match, Rule } from '../iptables/types.ts';
import { assertNever } from '../result.ts';
import { inCidr } from './addr.ts';
import type { Packet } from './packet.ts';
import type { RecentLists } from './recent.ts';

export interface MatchContext {
  /** `-m addrtype --dst-type LOCAL`: the address is one of this host's own. */
  readonly isLocal: (ip: string) => boolean;
  /** The connection's states: NEW or ESTABLISHED, plus DNAT/SNAT when conntrack rewrote it. */
  readonly ctStates: ReadonlySet<CtState>;
  /** `-m statistic --mode random --probability P`: decides the draw for this rule. */
  readonly statistic: (rule: Rule, probability: string) => boolean;
  readonly recent: RecentLists;
  /** Seconds on the node's clock, for `-m recent --seconds`. */
  readonly now: number;
}

export function matches(m: Match, p: Packet, rule: Rule, ctx: MatchContext): boolean {
  switch (m.kind) {
    case 'comment':
    case 'module':
    case 'nfacct':
      return true;
    case 'protocol':
      return (p.protocol === m.protocol) !== m.negated;
    case 'source':
      return inCidr(m.cidr, p.src) !== m.negated;
    case 'dest':
      return inCidr(m.cidr, p.dst) !== m.negated;
    case 'dport':
      return (p.protocol === m.protocol && p.dport === m.port) !== m.negated;
    case 'addrtype': {
      // kube-proxy only asks about LOCAL; any other type is "not local" here.
      let ok = true;
      if (m.srcType !== undefined) ok &&= (m.srcType === 'LOCAL') === ctx.isLocal(p.src);
      if (m.dstType !== undefined) ok &&= (m.dstType === 'LOCAL') === ctx.isLocal(p.dst);
      return ok !== m.negated;
    }
    case 'mark':
      return ((p.mark & m.mask) >>> 0 === m.value >>> 0) !== m.negated;
    case 'conntrack':
      return m.states.some((s) => ctx.ctStates.has(s)) !== m.negated;
    case 'statistic':
      return ctx.statistic(rule, m.probability);
    case 'recent':
      return m.action === 'set'
        ? ctx.recent.set(m.name, p.src, ctx.now)
        : ctx.recent.rcheck(m.name, p.src, ctx.now, m.seconds, m.reap);
    default:
      return assertNever(m, 'match');
  }
}
