/**
 * The steps of a packet walk, in order: what a trace prints and what the animation plays. Rule
 * steps come from executing the rules (interpreter.ts); the others say what the kernel and the
 * wire did between them (conntrack, routing, NAT, VXLAN, delivery).
 */
import type { TableName } from '../iptables/types.ts';
import type { Hook } from '../netfilter/interpreter.ts';
import type { PacketView } from '../netfilter/packet.ts';
import type { RuleOwner } from '../netfilter/ruleset-index.ts';

/** Where a step happens: a pod, a node's kernel, or a host outside the cluster. */
export type Place =
  | { readonly kind: 'pod'; readonly pod: string; readonly node: string }
  | { readonly kind: 'node'; readonly node: string }
  | { readonly kind: 'external'; readonly ip: string };

export type HopKind =
  | 'send'
  | 'rule'
  | 'conntrack'
  | 'route'
  | 'nat'
  | 'wire'
  | 'deliver'
  | 'drop'
  | 'reject';

export interface TraceHop {
  readonly kind: HopKind;
  readonly at: Place;
  /** The node whose kernel this step runs in, if any. */
  readonly node: string | null;
  readonly hook?: Hook;
  readonly table?: TableName;
  readonly chain?: string;
  /** 1-based position of the rule in its chain (as `iptables -L --line-numbers`); 0 = policy. */
  readonly position?: number;
  /** The rule as iptables-save prints it. */
  readonly rule?: string;
  /** The IR rule id, for the Rules view to light the line. */
  readonly ruleId?: string;
  readonly owner?: RuleOwner;
  /** The objects a rule comes from (`Service default/nginx`, `EndpointSlice default/nginx-x`). */
  readonly objects?: readonly string[];
  /** What the rule did: `jump KUBE-SVC-…`, `DNAT`, `MARK`, `ACCEPT`, `policy ACCEPT`, … */
  readonly verdict?: string;
  /** One sentence for a person. */
  readonly note: string;
  readonly before: PacketView;
  readonly after: PacketView;
}
