/**
 * One node's kernel handling a packet, hook by hook in the kernel's order (nf_hook priorities):
 *   arriving:  PREROUTING (raw, conntrack, mangle, nat) → routing →
 *              INPUT (mangle, filter, nat) → a local socket, or
 *              FORWARD (mangle, filter) → POSTROUTING (mangle, nat) → out
 *   sent here: routing (picks the source address) → OUTPUT (raw, mangle, nat, filter) →
 *              rerouting if NAT moved the destination → POSTROUTING (mangle, nat) → out
 * The nat table sees only a connection's first packet; later and reply packets are rewritten by
 * conntrack. Every table runs the compiled rules through the interpreter.
 */
import type { Rule, TableName } from '../iptables/types.ts';
import {
  type Conntrack,
  type CtDirection,
  type CtEntry,
  ctStates,
  wasDnatted,
  wasSnatted,
} from '../netfilter/conntrack.ts';
import { type Hook, type RuleHit, runTable, type TableVerdict } from '../netfilter/interpreter.ts';
import type { MatchContext } from '../netfilter/match.ts';
import { describePacket, hostPort, type Packet, viewOf } from '../netfilter/packet.ts';
import type { RecentLists } from '../netfilter/recent.ts';
import type { NodeNetfilter } from '../netfilter/ruleset-index.ts';
import type { ClusterNetwork, NodeNetwork } from '../network/cluster-network.ts';
import { isLocalAddress } from '../network/cluster-network.ts';
import { interfaceAddress, type Route, route } from '../network/routing.ts';
import type { TraceHop } from './hop.ts';

export interface HostEnv {
  readonly net: ClusterNetwork;
  readonly node: NodeNetwork;
  readonly nf: NodeNetfilter;
  readonly conntrack: Conntrack;
  readonly recent: RecentLists;
  readonly statistic: (rule: Rule, probability: string) => boolean;
  readonly now: number;
  /** The source port MASQUERADE --random-fully picks. */
  readonly randomPort: () => number;
}

export type OutRoute = Exclude<Route, { kind: 'local' }>;

export type HostOutcome =
  | { readonly kind: 'out'; readonly route: OutRoute; readonly packet: Packet }
  | { readonly kind: 'local'; readonly packet: Packet }
  | { readonly kind: 'drop'; readonly packet: Packet }
  | { readonly kind: 'reject'; readonly packet: Packet; readonly with: string };

const HOOK_TABLES: Record<Hook, readonly TableName[]> = {
  PREROUTING: ['raw', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'security', 'nat'],
  FORWARD: ['mangle', 'filter', 'security'],
  OUTPUT: ['raw', 'mangle', 'nat', 'filter', 'security'],
  POSTROUTING: ['mangle', 'nat'],
};

interface Flow {
  readonly env: HostEnv;
  readonly hops: TraceHop[];
  readonly entry: CtEntry;
  readonly direction: CtDirection;
  readonly isNew: boolean;
  packet: Packet;
}

function startFlow(env: HostEnv, packet: Packet, hops: TraceHop[]): Flow {
  const found = env.conntrack.lookup(packet);
  const isNew = found === null;
  const entry = found?.entry ?? env.conntrack.create(packet);
  const direction = found?.direction ?? 'original';
  if (found) {
    hops.push(
      nodeHop(env, 'conntrack', packet, packet, {
        note: `conntrack knows this connection: the packet is ${direction === 'reply' ? 'its reply' : 'part of it'} (ESTABLISHED), so the nat table is not consulted.`,
      }),
    );
  }
  return { env, hops, entry, direction, isNew, packet };
}

/** A packet arriving on one of the node's interfaces. */
export function hostReceive(env: HostEnv, packet: Packet, hops: TraceHop[]): HostOutcome {
  const flow = startFlow(env, packet, hops);
  if (flow.direction === 'reply') undoSnat(flow);
  const pre = runHook(flow, 'PREROUTING');
  if (pre) return pre;
  const r = routeHop(flow);
  if (r.kind === 'local') {
    const input = runHook(flow, 'INPUT');
    if (input) return input;
    if (flow.direction === 'reply') undoDnat(flow);
    env.conntrack.confirm(flow.entry, flow.packet);
    return { kind: 'local', packet: flow.packet };
  }
  const fwd = runHook(flow, 'FORWARD');
  if (fwd) return fwd;
  return postrouting(flow, r);
}

/** A packet a process on the node (or a hostNetwork pod) sends. */
export function hostSend(env: HostEnv, packet: Packet, hops: TraceHop[]): HostOutcome {
  const flow = startFlow(env, packet, hops);
  // A reply a local process sends: conntrack restores its destination at OUTPUT.
  if (flow.direction === 'reply') undoSnat(flow);
  const first = routeHop(flow);
  const dstBeforeOutput = flow.packet.dst;
  const out = runHook(flow, 'OUTPUT');
  if (out) return out;
  const r = flow.packet.dst === dstBeforeOutput ? first : routeHop(flow, 'rerouted after NAT');
  if (r.kind === 'local') {
    // Out through lo (POSTROUTING) and straight back in to a local socket (INPUT).
    const post = runHook(flow, 'POSTROUTING');
    if (post) return post;
    const input = runHook(flow, 'INPUT');
    if (input) return input;
    if (flow.direction === 'reply') undoDnat(flow);
    env.conntrack.confirm(flow.entry, flow.packet);
    return { kind: 'local', packet: flow.packet };
  }
  return postrouting(flow, r);
}

function postrouting(flow: Flow, r: OutRoute): HostOutcome {
  const post = runHook(flow, 'POSTROUTING', r);
  if (post) return post;
  if (flow.direction === 'reply') undoDnat(flow);
  flow.env.conntrack.confirm(flow.entry, flow.packet);
  return { kind: 'out', route: r, packet: flow.packet };
}

/** Runs the hook's tables; returns an outcome only when the packet stops here. */
function runHook(flow: Flow, hook: Hook, out?: OutRoute): HostOutcome | null {
  const { env } = flow;
  for (const table of HOOK_TABLES[hook]) {
    if (table === 'nat' && !flow.isNew) continue;
    const ctx: MatchContext = {
      isLocal: (ip) => isLocalAddress(env.node, ip),
      ctStates: ctStates(flow.isNew ? null : flow.entry, flow.direction),
      statistic: env.statistic,
      recent: env.recent,
      now: env.now,
    };
    const result = runTable(env.nf, table, hook, flow.packet, ctx);
    for (const hit of result.hits) flow.hops.push(ruleHop(env, hit));
    flow.packet = result.packet;
    const stop = applyVerdict(flow, result.verdict, out);
    if (stop) return stop;
  }
  return null;
}

function applyVerdict(flow: Flow, v: TableVerdict, out?: OutRoute): HostOutcome | null {
  switch (v.kind) {
    case 'accept':
      return null;
    case 'drop':
      return { kind: 'drop', packet: flow.packet };
    case 'reject':
      return { kind: 'reject', packet: flow.packet, with: v.with };
    case 'masquerade': {
      const before = flow.packet;
      const src = out ? interfaceAddress(out, flow.env.node) : (flow.env.node.ip ?? before.src);
      const sport = v.randomFully ? flow.env.randomPort() : before.sport;
      flow.packet = { ...before, src, sport };
      const dev = out?.dev ?? 'eth0';
      flow.hops.push(
        nodeHop(flow.env, 'nat', before, flow.packet, {
          note: `MASQUERADE: the source becomes ${dev}'s address ${src}${v.randomFully ? ` with a random port (--random-fully)` : ''}; conntrack remembers the mapping for the reply.`,
        }),
      );
      return null;
    }
  }
}

function routeHop(flow: Flow, why = ''): Route {
  const r = route(flow.env.net, flow.env.node, flow.packet.dst);
  const where =
    r.kind === 'local'
      ? `${flow.packet.dst} is this node's own address: the packet goes up to a local socket`
      : r.kind === 'bridge'
        ? `${flow.packet.dst} is on this node's bridge cni0`
        : r.kind === 'vxlan'
          ? `${flow.packet.dst} is in ${r.peer}'s pod range: out through the VXLAN device flannel.1`
          : r.kind === 'link'
            ? `${flow.packet.dst} is on the nodes' network: out through eth0`
            : `${flow.packet.dst} is outside every local network: out through eth0 to the gateway ${r.via}`;
  flow.hops.push(
    nodeHop(flow.env, 'route', flow.packet, flow.packet, {
      note: `Routing${why ? ` (${why})` : ''}: ${where}. (ip route: ${r.text})`,
    }),
  );
  return r;
}

function undoSnat(flow: Flow): void {
  const e = flow.entry;
  if (!wasSnatted(e)) return;
  const before = flow.packet;
  flow.packet = { ...before, dst: e.original.src, dport: e.original.sport };
  flow.hops.push(
    nodeHop(flow.env, 'conntrack', before, flow.packet, {
      hook: 'PREROUTING',
      note: `conntrack undoes the source NAT on the reply: the destination goes back to ${hostPort(e.original.src, e.original.sport)}.`,
    }),
  );
}

function undoDnat(flow: Flow): void {
  const e = flow.entry;
  if (!wasDnatted(e)) return;
  const before = flow.packet;
  flow.packet = { ...before, src: e.original.dst, sport: e.original.dport };
  flow.hops.push(
    nodeHop(flow.env, 'conntrack', before, flow.packet, {
      note: `conntrack undoes the DNAT on the reply: the source goes back to ${hostPort(e.original.dst, e.original.dport)}, the address the client sent to.`,
    }),
  );
}

function ruleHop(env: HostEnv, hit: RuleHit): TraceHop {
  return {
    kind: 'rule',
    at: { kind: 'node', node: env.node.name },
    node: env.node.name,
    hook: hit.hook,
    table: hit.table,
    chain: hit.chain,
    position: hit.position,
    rule: hit.text,
    ...(hit.ruleId !== null ? { ruleId: hit.ruleId } : {}),
    owner: hit.owner,
    objects: hit.objects,
    verdict: hit.verdict,
    note: hit.why,
    before: hit.before,
    after: hit.after,
  };
}

function nodeHop(
  env: HostEnv,
  kind: TraceHop['kind'],
  before: Packet,
  after: Packet,
  extra: { note: string; hook?: Hook },
): TraceHop {
  return {
    kind,
    at: { kind: 'node', node: env.node.name },
    node: env.node.name,
    ...(extra.hook ? { hook: extra.hook } : {}),
    note: extra.note,
    before: viewOf(before),
    after: viewOf(after),
  };
}

export { describePacket };
