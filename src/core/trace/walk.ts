/**
 * One packet's walk through the cluster, and its reply: from the source (a pod, a node, a host
 * outside) through each node's kernel (host-stack.ts, running the compiled rules), across the
 * bridge, VXLAN or the nodes' network, to where it is delivered, dropped or refused — then the
 * reply from there back, un-NATed by the conntrack entries the first packet left.
 */
import type { Protocol, Rule } from '../iptables/types.ts';
import { Conntrack } from '../netfilter/conntrack.ts';
import { hostPort, type Packet, viewOf } from '../netfilter/packet.ts';
import { RecentLists } from '../netfilter/recent.ts';
import type { NodeNetwork, PodPlace } from '../network/cluster-network.ts';
import { nodeByName, nodeWithIp } from '../network/cluster-network.ts';
import type { Place, TraceHop } from './hop.ts';
import { type HostEnv, type HostOutcome, hostReceive, hostSend } from './host-stack.ts';
import type { TraceWorld } from './world.ts';

/** Where the first packet starts. */
export type WalkSource =
  | { readonly kind: 'pod'; readonly pod: PodPlace }
  | { readonly kind: 'node'; readonly node: string }
  | { readonly kind: 'external'; readonly ip: string };

/** The `recent` lists of every node, kept across walks for session affinity. */
export class TraceState {
  readonly recent = new Map<string, RecentLists>();

  lists(node: string): RecentLists {
    let r = this.recent.get(node);
    if (!r) {
      r = new RecentLists();
      this.recent.set(node, r);
    }
    return r;
  }

  clone(): TraceState {
    const copy = new TraceState();
    for (const [node, lists] of this.recent) copy.recent.set(node, lists.clone());
    return copy;
  }
}

export interface WalkSetup {
  readonly world: TraceWorld;
  readonly source: WalkSource;
  readonly packet: Packet;
  /** Decides each `-m statistic` draw on a node. */
  readonly statistic: (node: string, rule: Rule, probability: string) => boolean;
  readonly randomPort: () => number;
  readonly state: TraceState;
  /** Seconds, for `-m recent --seconds`. */
  readonly now: number;
  /** Which node the network hands traffic for a load-balancer or external IP to. */
  readonly entryNode: (dst: string) => string | null;
  /** What listens on a node's own port (null: nothing, so the kernel refuses). */
  readonly listener: (node: string, port: number, protocol: Protocol) => string | null;
  /** Whether no machine owns the address (a ClusterIP, LB or external IP, a missing pod). */
  readonly isVirtual: (dst: string) => boolean;
}

export type WalkVerdict = 'delivered' | 'refused' | 'dropped';

export interface Leg {
  readonly verdict: WalkVerdict;
  readonly hops: readonly TraceHop[];
  /** Where the packet ended (delivered, dropped or refused). */
  readonly at: Place;
  readonly packet: Packet;
}

export interface Walk {
  readonly request: Leg;
  /** The reply's walk back to the source, when the request was delivered. */
  readonly reply: Leg | null;
}

type Cursor =
  | { readonly kind: 'pod'; readonly pod: PodPlace }
  | { readonly kind: 'send'; readonly node: string }
  | { readonly kind: 'receive'; readonly node: string }
  | { readonly kind: 'external'; readonly ip: string };

const MAX_STEPS = 24;

export function walk(setup: WalkSetup): Walk {
  const conntrack = new Map<string, Conntrack>();
  const request = leg(setup, conntrack, startCursor(setup.source), setup.packet);
  if (request.verdict !== 'delivered') return { request, reply: null };
  const p = request.packet;
  const answer: Packet = {
    protocol: p.protocol,
    src: p.dst,
    sport: p.dport,
    dst: p.src,
    dport: p.sport,
    mark: 0,
  };
  const reply = leg(setup, conntrack, cursorAt(setup, request.at), answer, true);
  return { request, reply };
}

function startCursor(source: WalkSource): Cursor {
  switch (source.kind) {
    case 'pod':
      return { kind: 'pod', pod: source.pod };
    case 'node':
      return { kind: 'send', node: source.node };
    case 'external':
      return { kind: 'external', ip: source.ip };
  }
}

/** Where a reply starts: the pod, node or outside host the request reached. */
function cursorAt(setup: WalkSetup, place: Place): Cursor {
  if (place.kind === 'pod') {
    const pod = [...setup.world.net.podsByIp.values()].find((p) => p.key === place.pod);
    if (pod) return { kind: 'pod', pod };
    return { kind: 'send', node: place.node };
  }
  if (place.kind === 'node') return { kind: 'send', node: place.node };
  return { kind: 'external', ip: place.ip };
}

function leg(
  setup: WalkSetup,
  conntrack: Map<string, Conntrack>,
  start: Cursor,
  first: Packet,
  isReply = false,
): Leg {
  const { world } = setup;
  const hops: TraceHop[] = [];
  let cursor: Cursor = start;
  let packet = first;
  const end = (verdict: WalkVerdict, at: Place, kind: TraceHop['kind'], note: string): Leg => {
    hops.push({
      kind,
      at,
      node: at.kind === 'external' ? null : at.node,
      note,
      before: viewOf(packet),
      after: viewOf(packet),
    });
    return { verdict, hops, at, packet };
  };
  for (let step = 0; step < MAX_STEPS; step++) {
    switch (cursor.kind) {
      case 'pod': {
        const pod = cursor.pod;
        const at: Place = { kind: 'pod', pod: pod.key, node: pod.node };
        if (packet.dst === pod.ip) {
          return end(
            'delivered',
            at,
            'deliver',
            `The pod sends to its own address: the packet never leaves ${pod.key}.`,
          );
        }
        const node = nodeByName(world.net, pod.node);
        hops.push({
          kind: 'send',
          at,
          node: null,
          note: `${isReply ? 'The reply leaves' : 'The packet leaves'} pod ${pod.key} through its eth0 (a veth pair) to the bridge cni0 on ${pod.node}${node?.bridgeIp ? `, its gateway ${node.bridgeIp}` : ''}.`,
          before: viewOf(packet),
          after: viewOf(packet),
        });
        cursor = { kind: 'receive', node: pod.node };
        break;
      }
      case 'external': {
        const at: Place = { kind: 'external', ip: cursor.ip };
        hops.push({
          kind: 'send',
          at,
          node: null,
          note: `${isReply ? 'The reply leaves' : 'The packet leaves'} ${cursor.ip}, outside the cluster.`,
          before: viewOf(packet),
          after: viewOf(packet),
        });
        const next = entry(setup, packet.dst);
        if (!next) {
          return end(
            'dropped',
            at,
            'drop',
            `Nothing outside the cluster routes ${packet.dst} to a node (ClusterIPs and pod IPs exist only inside the cluster): the connection times out.`,
          );
        }
        hops.push(wireHop(packet, at, next.node, next.note));
        cursor = { kind: 'receive', node: next.node };
        break;
      }
      case 'send':
      case 'receive': {
        const node = nodeByName(world.net, cursor.node);
        const env = node ? hostEnv(setup, conntrack, node) : null;
        const at: Place = { kind: 'node', node: cursor.node };
        if (!node || !env) {
          return end(
            'dropped',
            at,
            'drop',
            `No kube-proxy rules can be compiled for node ${cursor.node}.`,
          );
        }
        const outcome: HostOutcome =
          cursor.kind === 'send' ? hostSend(env, packet, hops) : hostReceive(env, packet, hops);
        packet = outcome.packet;
        if (outcome.kind === 'drop') {
          return end(
            'dropped',
            at,
            'drop',
            `The packet is dropped on ${node.name}: the client hears nothing and the connection times out.`,
          );
        }
        if (outcome.kind === 'reject') {
          return end(
            'refused',
            at,
            'reject',
            `REJECT answers with ICMP ${outcome.with}: the client sees "connection refused".`,
          );
        }
        if (outcome.kind === 'local') {
          // A reply reaches the socket that sent the request; a request needs a listener.
          const listener = isReply
            ? 'the client socket that sent the request'
            : setup.listener(node.name, packet.dport, packet.protocol);
          if (!listener) {
            return end(
              'refused',
              at,
              'reject',
              `Nothing listens on ${node.name} at ${hostPort(packet.dst, packet.dport)}/${packet.protocol}: the kernel answers ${packet.protocol === 'tcp' ? 'with a TCP RST' : 'ICMP port unreachable'} — "connection refused".`,
            );
          }
          return end(
            'delivered',
            at,
            'deliver',
            `Delivered to ${listener} on ${node.name} (${hostPort(packet.dst, packet.dport)}).`,
          );
        }
        const r = outcome.route;
        if (r.kind === 'bridge') {
          const pod = world.net.podsByIp.get(packet.dst);
          if (!pod || pod.node !== node.name) {
            return end(
              'dropped',
              at,
              'drop',
              `No pod on ${node.name}'s bridge has ${packet.dst}: ARP gets no answer and the connection times out.`,
            );
          }
          return end(
            'delivered',
            { kind: 'pod', pod: pod.key, node: pod.node },
            'deliver',
            `cni0 hands the packet to pod ${pod.key}, which sees it come from ${hostPort(packet.src, packet.sport)}.`,
          );
        }
        if (r.kind === 'vxlan') {
          const peer = nodeByName(world.net, r.peer);
          hops.push(
            wireHop(
              packet,
              at,
              r.peer,
              `flannel.1 wraps the packet in VXLAN (UDP 8472) from ${node.ip ?? node.name} to ${peer?.ip ?? r.peer}; ${r.peer} unwraps it, unchanged, on its flannel.1.`,
            ),
          );
          cursor = { kind: 'receive', node: r.peer };
          break;
        }
        const peer = nodeWithIp(world.net, packet.dst);
        if (peer && peer.name !== node.name) {
          hops.push(
            wireHop(packet, at, peer.name, `Across the nodes' network to ${peer.name}'s eth0.`),
          );
          cursor = { kind: 'receive', node: peer.name };
          break;
        }
        const next = entry(setup, packet.dst);
        if (next && next.node !== node.name) {
          hops.push(wireHop(packet, at, next.node, next.note));
          cursor = { kind: 'receive', node: next.node };
          break;
        }
        const outside: Place = { kind: 'external', ip: packet.dst };
        if (setup.isVirtual(packet.dst)) {
          return end(
            'dropped',
            at,
            'drop',
            `No rule on ${node.name} caught ${hostPort(packet.dst, packet.dport)} and no machine owns ${packet.dst} (a Service's virtual address, or a pod address no node holds): it goes out to the gateway and the connection times out.`,
          );
        }
        hops.push({
          kind: 'wire',
          at,
          node: node.name,
          note: `Out of ${node.name}'s eth0${r.via ? ` via the gateway ${r.via}` : ''} to ${packet.dst}, outside the cluster.`,
          before: viewOf(packet),
          after: viewOf(packet),
        });
        return end(
          'delivered',
          outside,
          'deliver',
          `${packet.dst} receives the packet from ${hostPort(packet.src, packet.sport)}.`,
        );
      }
    }
  }
  return end(
    'dropped',
    { kind: 'external', ip: packet.dst },
    'drop',
    'The packet loops between hosts; it would die when its TTL runs out.',
  );
}

/** How traffic for `dst` enters the cluster from outside: a node's own address, or an LB/external IP. */
function entry(setup: WalkSetup, dst: string): { node: string; note: string } | null {
  const own = nodeWithIp(setup.world.net, dst);
  if (own) return { node: own.name, note: `Across the nodes' network to ${own.name}'s eth0.` };
  const via = setup.entryNode(dst);
  if (via) {
    return {
      node: via,
      note: `The load balancer (or the network routing the external IP) hands the packet to ${via}, destination unchanged.`,
    };
  }
  return null;
}

function wireHop(packet: Packet, at: Place, to: string, note: string): TraceHop {
  return {
    kind: 'wire',
    at,
    node: at.kind === 'external' ? null : at.node,
    note: note.includes(to) ? note : `${note} (to ${to})`,
    before: viewOf(packet),
    after: viewOf(packet),
  };
}

function hostEnv(
  setup: WalkSetup,
  conntrack: Map<string, Conntrack>,
  node: NodeNetwork,
): HostEnv | null {
  const nf = setup.world.netfilter(node.name);
  if (!nf) return null;
  let ct = conntrack.get(node.name);
  if (!ct) {
    ct = new Conntrack();
    conntrack.set(node.name, ct);
  }
  return {
    net: setup.world.net,
    node,
    nf,
    conntrack: ct,
    recent: setup.state.lists(node.name),
    statistic: (rule, p) => setup.statistic(node.name, rule, p),
    now: setup.now,
    randomPort: setup.randomPort,
  };
}

export type { Protocol };
