/**
 * Runs one table's built-in chain on a packet, as the kernel's ip_tables does: rules in order,
 * every match must hold, `-j CHAIN` descends (RETURN or the end of a user chain comes back), a
 * terminating target ends the table's traversal, and falling off a built-in chain applies its
 * policy. NAT targets rewrite the packet and accept it (they only run in the nat table, which the
 * kernel consults for a connection's first packet only).
 *
 * Every rule that matched is recorded, in order, with its position and its iptables-save text:
 * that is the trace the Rules view lights up.
 */
import type { Rule, TableName, Target } from '../iptables/types.ts';
import { type MatchContext, matches } from './match.ts';
import { type Packet, type PacketView, viewOf } from './packet.ts';
import type { NodeNetfilter, RuleOwner } from './ruleset-index.ts';

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

/** One rule that matched (or a chain's policy applied) while the packet crossed a node. */
export interface RuleHit {
  readonly node: string;
  readonly hook: Hook;
  readonly table: TableName;
  readonly chain: string;
  /** 1-based position in the chain; 0 for a policy. */
  readonly position: number;
  /** `-A CHAIN ...` as iptables-save prints it, or `:CHAIN ACCEPT` for a policy. */
  readonly text: string;
  /** The IR rule id (the Rules view keys on it); null for a policy. */
  readonly ruleId: string | null;
  readonly owner: RuleOwner;
  /** What the rule did: `jump KUBE-SVC-…`, `DNAT`, `MARK`, `RETURN`, `ACCEPT`, `policy ACCEPT`, … */
  readonly verdict: string;
  /** The rule's provenance sentence. */
  readonly why: string;
  /** The objects the rule comes from (`Service default/nginx`, ...), from its provenance. */
  readonly objects: readonly string[];
  readonly before: PacketView;
  readonly after: PacketView;
}

export type TableVerdict =
  | { readonly kind: 'accept' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'reject'; readonly with: string }
  /** `-j MASQUERADE`: source NAT to the address of the interface the packet leaves by. */
  | { readonly kind: 'masquerade'; readonly randomFully: boolean };

export interface TableResult {
  readonly verdict: TableVerdict;
  readonly packet: Packet;
  readonly hits: readonly RuleHit[];
}

const MAX_DEPTH = 64;

interface Frame {
  readonly chain: string;
  index: number;
}

export function runTable(
  nf: NodeNetfilter,
  tableName: TableName,
  hook: Hook,
  packet: Packet,
  ctx: MatchContext,
): TableResult {
  const table = nf.tables.get(tableName);
  const hits: RuleHit[] = [];
  let p = packet;
  const builtin = table?.chains.get(hook);
  // An empty built-in chain (mangle's, most of the time) is passed without a trace line.
  if (!table || !builtin || builtin.rules.length === 0) {
    return { verdict: { kind: builtin?.policy === 'DROP' ? 'drop' : 'accept' }, packet: p, hits };
  }
  const stack: Frame[] = [{ chain: hook, index: 0 }];
  const hit = (rule: Rule, verdict: string, before: Packet) =>
    hits.push({
      node: nf.node,
      hook,
      table: tableName,
      chain: rule.chain,
      position: nf.position(rule),
      text: nf.text(rule),
      ruleId: rule.id,
      owner: nf.owner(rule),
      verdict,
      why: rule.provenance.sentence,
      objects: rule.provenance.sources.map((x) => x.object),
      before: viewOf(before),
      after: viewOf(p),
    });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const rules = table.chains.get(frame.chain)?.rules ?? [];
    const rule = rules[frame.index];
    if (rule === undefined) {
      stack.pop();
      if (stack.length === 0) {
        const policy = builtin.policy ?? 'ACCEPT';
        hits.push({
          node: nf.node,
          hook,
          table: tableName,
          chain: hook,
          position: 0,
          text: `:${hook} ${policy}`,
          ruleId: null,
          owner: 'kube-proxy',
          verdict: `policy ${policy}`,
          why: `No rule of ${tableName} ${hook} decided, so the chain's policy ${policy} applies.`,
          objects: [],
          before: viewOf(p),
          after: viewOf(p),
        });
        return { verdict: { kind: policy === 'DROP' ? 'drop' : 'accept' }, packet: p, hits };
      }
      continue;
    }
    frame.index++;
    if (!rule.matches.every((m) => matches(m, p, rule, ctx))) continue;
    const before = p;
    const t: Target = rule.target;
    switch (t.kind) {
      case 'none':
        hit(rule, 'continue', before);
        break;
      case 'jump':
        hit(rule, `jump ${t.chain}`, before);
        if (stack.length >= MAX_DEPTH) return { verdict: { kind: 'drop' }, packet: p, hits };
        stack.push({ chain: t.chain, index: 0 });
        break;
      case 'RETURN':
        hit(rule, 'RETURN', before);
        stack.pop();
        if (stack.length === 0) {
          // RETURN from a built-in chain applies its policy.
          const policy = builtin.policy ?? 'ACCEPT';
          return { verdict: { kind: policy === 'DROP' ? 'drop' : 'accept' }, packet: p, hits };
        }
        break;
      case 'MARK':
        p = { ...p, mark: (t.op === 'or' ? p.mark | t.value : p.mark ^ t.value) >>> 0 };
        hit(rule, 'MARK', before);
        break;
      case 'ACCEPT':
        hit(rule, 'ACCEPT', before);
        return { verdict: { kind: 'accept' }, packet: p, hits };
      case 'DROP':
        hit(rule, 'DROP', before);
        return { verdict: { kind: 'drop' }, packet: p, hits };
      case 'REJECT':
        hit(rule, 'REJECT', before);
        return {
          verdict: { kind: 'reject', with: t.with ?? 'icmp-port-unreachable' },
          packet: p,
          hits,
        };
      case 'DNAT':
        p = { ...p, dst: t.ip, dport: t.port };
        hit(rule, 'DNAT', before);
        return { verdict: { kind: 'accept' }, packet: p, hits };
      case 'MASQUERADE':
        hit(rule, 'MASQUERADE', before);
        return { verdict: { kind: 'masquerade', randomFully: t.randomFully }, packet: p, hits };
    }
  }
  return { verdict: { kind: 'accept' }, packet: p, hits };
}
