/**
 * `tracePacket`: the packet walk's public entry point. A request (`--from`, `--to`, protocol, a
 * seed or a forced endpoint) in; out: the walk of one packet and its reply, the outcome named as
 * a user meets it, and the exact distribution over endpoints for this source, found by running
 * the same rules down every branch of their `statistic` draws.
 */
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import type { Protocol } from '../iptables/types.ts';
import type { KubeProxyCompiler } from '../kube-proxy/compile.ts';
import { parseIP } from '../model/ip.ts';
import type { Cluster } from '../model/types.ts';
import { hostPort, type Packet, type PacketView, viewOf } from '../netfilter/packet.ts';
import { nodeByName, podKey } from '../network/cluster-network.ts';
import { route } from '../network/routing.ts';
import { fail, ok, type Result } from '../result.ts';
import { DecisionChooser, forcedChooser, type StatisticChooser, seededChooser } from './choice.ts';
import { TraceCode } from './codes.ts';
import { entryNodeFor, isVirtualAddress } from './endpoints.ts';
import type { Place, TraceHop } from './hop.ts';
import { nodeListener } from './node-listeners.ts';
import { ephemeralPort, mulberry32 } from './random.ts';
import { type Resolution, resolveFromPod } from './resolve.ts';
import {
  TraceState,
  type Walk,
  type WalkSetup,
  type WalkSource,
  type WalkVerdict,
  walk,
} from './walk.ts';
import { type TraceWorld, traceWorld } from './world.ts';

export interface TraceRequest {
  /** `pod:NS/NAME` (or `pod:NAME` in default), `node:NAME`, `external` or `external:IP`. */
  readonly from: string;
  /** `HOST:PORT`: an IP (ClusterIP, node IP, LB IP, external IP, pod IP) or a DNS name. */
  readonly to: string;
  readonly protocol?: Protocol;
  /** Seed for the random draws (default 1). */
  readonly seed?: number;
  /** Force the walk to this endpoint (`IP:PORT`) where the rules can choose it. */
  readonly endpoint?: string;
  /** Seconds on the nodes' clocks (for session affinity timeouts); default 0. */
  readonly now?: number;
  /** The node a load balancer or the network hands outside traffic to (default: as a LB would). */
  readonly via?: string;
}

export interface TraceOptions {
  /** Session-affinity (`recent`) state to read and update; a fresh one when absent. */
  readonly state?: TraceState;
  readonly compiler?: KubeProxyCompiler;
  /** A world built earlier for the same cluster (saves compiling every node again). */
  readonly world?: TraceWorld;
  /** Skip enumerating every branch (for many walks in a row, e.g. "send 100"). */
  readonly skipDistribution?: boolean;
}

export interface DistributionEntry {
  /** `ip:port` the packet reaches, or null when it is refused or dropped. */
  readonly endpoint: string | null;
  readonly verdict: WalkVerdict;
  /** The pod (`ns/name`) or node it reaches, if any. */
  readonly target: string | null;
  /** Exact, from the kernel's probabilities (e.g. 1/3 each for three endpoints). */
  readonly probability: number;
}

export interface Trace {
  readonly from: string;
  readonly source: Place;
  readonly to: string;
  /** The destination after name resolution. */
  readonly destination: string;
  readonly protocol: Protocol;
  readonly resolution: Resolution | null;
  readonly packet: PacketView;
  readonly verdict: WalkVerdict;
  /** One sentence, as a user meets it: delivered to which pod seeing which source, refused, timed out. */
  readonly outcome: string;
  readonly endpoint: string | null;
  readonly deliveredTo: Place | null;
  readonly sourceSeenByEndpoint: string | null;
  readonly sourcePreserved: boolean | null;
  /** A pod reaching itself through its Service (the hairpin case). */
  readonly hairpin: boolean;
  readonly distribution: readonly DistributionEntry[];
  readonly hops: readonly TraceHop[];
  readonly reply: readonly TraceHop[];
  /** Whether the reply arrives back at the source as coming from the address it sent to. */
  readonly replyMatches: boolean | null;
  /**
   * Who refused a refused connection: a REJECT rule (a Service without endpoints), or the
   * destination host's kernel because nothing listens on the port; null when not refused.
   */
  readonly refusedBy: 'reject-rule' | 'no-listener' | null;
}

const MAX_PATHS = 20000;

export function tracePacket(
  cluster: Cluster,
  req: TraceRequest,
  options: TraceOptions = {},
): Result<Trace> {
  const diagnostics: Diagnostic[] = [];
  const world = options.world ?? traceWorld(cluster, options.compiler);
  const source = parseSource(world, req.from);
  if ('error' in source) return fail([source.error]);
  const dest = parseDestination(req.to);
  if ('error' in dest) return fail([dest.error]);
  let resolution: Resolution | null = null;
  let dstIp = dest.host;
  if (parseIP(dest.host) === null) {
    if (source.kind !== 'pod') {
      return fail([
        diagnostic(
          TraceCode.NameNotResolved,
          'error',
          `${dest.host}: ${source.kind === 'node' ? 'a node' : 'a host outside the cluster'} resolves names with its own resolver, not the cluster's DNS; use an IP address`,
        ),
      ]);
    }
    const pod = source.pod.pod;
    if (!pod) return fail([diagnostic(TraceCode.UnknownSource, 'error', 'no such pod')]);
    resolution = resolveFromPod(cluster, pod, dest.host);
    const first = resolution.addresses[0];
    if (first === undefined) {
      return fail([
        diagnostic(
          TraceCode.NameNotResolved,
          'error',
          `${dest.host}: Name does not resolve from ${source.pod.key} (${resolution.steps.map((s) => `${s.qname} ${s.result}`).join('; ')})`,
        ),
      ]);
    }
    dstIp = first;
  }
  if (dstIp.includes(':')) {
    return fail([
      diagnostic(TraceCode.Unsupported, 'error', `${dstIp}: the packet walk models IPv4 only`),
    ]);
  }
  const protocol = req.protocol ?? 'tcp';
  const seed = req.seed ?? 1;
  const portDraw = mulberry32(seed ^ 0x9e3779b9);
  const srcIp = sourceAddress(world, source, dstIp);
  const packet: Packet = {
    protocol,
    src: srcIp,
    sport: ephemeralPort(portDraw),
    dst: dstIp,
    dport: dest.port,
    mark: 0,
  };
  const state = options.state ?? new TraceState();
  const setup = (statistic: StatisticChooser, st: TraceState): WalkSetup => ({
    world,
    source,
    packet,
    statistic,
    randomPort: () => 1024 + (portDraw() % (65536 - 1024)),
    state: st,
    now: req.now ?? 0,
    entryNode: (ip) => entryNodeFor(cluster, ip, req.via),
    isVirtual: (ip) => isVirtualAddress(cluster, ip),
    listener: (node, port, proto) => nodeListener(cluster, node, port, proto)?.what ?? null,
  });
  const distribution = options.skipDistribution
    ? []
    : enumerate((chooser) => walk(setup(chooser, state.clone())));
  const chooser = req.endpoint
    ? forcedChooser(world, req.endpoint)
    : seededChooser(mulberry32(seed));
  const result = walk(setup(chooser, state));
  const end = result.request;
  const delivered = end.verdict === 'delivered';
  const endpoint = delivered ? hostPort(end.packet.dst, end.packet.dport) : null;
  if (req.endpoint && endpoint !== req.endpoint) {
    diagnostics.push(
      diagnostic(
        TraceCode.EndpointNotChosen,
        'warning',
        `the rules never send this packet to ${req.endpoint}; possible: ${distribution.map((d) => d.endpoint ?? d.verdict).join(', ')}`,
      ),
    );
  }
  const sourcePlace = placeOf(source);
  const hairpin =
    delivered &&
    end.at.kind === 'pod' &&
    sourcePlace.kind === 'pod' &&
    end.at.pod === sourcePlace.pod;
  const replyEnd = result.reply;
  const replyMatches =
    replyEnd === null
      ? null
      : replyEnd.verdict === 'delivered' &&
        replyEnd.packet.src === packet.dst &&
        replyEnd.packet.sport === packet.dport &&
        replyEnd.packet.dst === packet.src &&
        replyEnd.packet.dport === packet.sport;
  return ok(
    {
      from: req.from,
      source: sourcePlace,
      to: req.to,
      destination: hostPort(dstIp, dest.port),
      protocol,
      resolution,
      packet: viewOf(packet),
      verdict: end.verdict,
      outcome: outcomeSentence(result, packet, hairpin),
      endpoint,
      deliveredTo: delivered ? end.at : null,
      sourceSeenByEndpoint: delivered ? hostPort(end.packet.src, end.packet.sport) : null,
      sourcePreserved: delivered ? end.packet.src === packet.src : null,
      hairpin,
      distribution,
      hops: end.hops,
      reply: replyEnd?.hops ?? [],
      replyMatches,
      refusedBy: refusedBy(result),
    },
    diagnostics,
  );
}

/** Runs the walk down every branch of the statistic draws; merges leaves by where they end. */
function enumerate(run: (chooser: StatisticChooser) => Walk): DistributionEntry[] {
  const merged = new Map<string, DistributionEntry>();
  const pending: boolean[][] = [[]];
  let paths = 0;
  while (pending.length > 0 && paths < MAX_PATHS) {
    const prefix = pending.pop() as boolean[];
    const c = new DecisionChooser(prefix);
    const w = run(c.choose);
    paths++;
    const decisions = c.decisions();
    for (const i of c.branches) pending.push([...decisions.slice(0, i), true]);
    const end = w.request;
    const endpoint =
      end.verdict === 'delivered' ? hostPort(end.packet.dst, end.packet.dport) : null;
    const target =
      end.at.kind === 'pod' ? end.at.pod : end.at.kind === 'node' ? end.at.node : end.at.ip;
    const key = `${end.verdict}|${endpoint}|${target}`;
    const prev = merged.get(key);
    merged.set(key, {
      endpoint,
      verdict: end.verdict,
      target: end.verdict === 'delivered' ? target : null,
      probability: (prev?.probability ?? 0) + c.probability,
    });
  }
  return [...merged.values()].sort((a, b) =>
    (a.endpoint ?? '~') < (b.endpoint ?? '~')
      ? -1
      : (a.endpoint ?? '~') > (b.endpoint ?? '~')
        ? 1
        : 0,
  );
}

function refusedBy(w: Walk): Trace['refusedBy'] {
  if (w.request.verdict !== 'refused') return null;
  return w.request.hops.some((h) => h.kind === 'rule' && h.verdict === 'REJECT')
    ? 'reject-rule'
    : 'no-listener';
}

function outcomeSentence(w: Walk, sent: Packet, hairpin: boolean): string {
  const end = w.request;
  const seen = hostPort(end.packet.src, end.packet.sport);
  switch (end.verdict) {
    case 'refused': {
      const last = end.hops[end.hops.length - 1];
      return refusedBy(w) === 'no-listener'
        ? `Connection refused: ${last?.note ?? ''}`
        : `Connection refused: a REJECT rule on ${end.at.kind === 'node' ? end.at.node : 'the way'} answers (the Service has no endpoints).`;
    }
    case 'dropped':
      return `Timed out: the packet is dropped${end.at.kind === 'node' ? ` on ${end.at.node}` : ''}.`;
    case 'delivered': {
      const where =
        end.at.kind === 'pod'
          ? `pod ${end.at.pod} on ${end.at.node}`
          : end.at.kind === 'node'
            ? `node ${end.at.node}`
            : end.at.ip;
      const kept = end.packet.src === sent.src;
      const src = kept
        ? `the client's own address ${seen} (source IP preserved)`
        : `${seen}, not the client's ${sent.src} (masqueraded)`;
      return `Delivered to ${where} at ${hostPort(end.packet.dst, end.packet.dport)}${hairpin ? ' — the pod reached itself through its Service (hairpin)' : ''}; it sees the connection come from ${src}.`;
    }
  }
}

type Source = WalkSource;

function parseSource(world: TraceWorld, from: string): Source | { error: Diagnostic } {
  const bad = (message: string) => ({
    error: diagnostic(TraceCode.UnknownSource, 'error', message),
  });
  const colon = from.indexOf(':');
  const kind = colon < 0 ? from : from.slice(0, colon);
  const rest = colon < 0 ? '' : from.slice(colon + 1);
  if (kind === 'external') {
    const ip = rest || world.net.externalClient;
    if (parseIP(ip) === null || ip.includes(':'))
      return bad(`external:${rest}: not an IPv4 address`);
    return { kind: 'external', ip };
  }
  if (kind === 'node') {
    if (!nodeByName(world.net, rest)) return bad(`nodes "${rest}" not found`);
    return { kind: 'node', node: rest };
  }
  if (kind === 'pod') {
    const [ns, name] = rest.includes('/') ? rest.split('/', 2) : ['default', rest];
    const pod = world.cluster.pods.find(
      (p) => (p.metadata.namespace ?? 'default') === ns && p.metadata.name === name,
    );
    if (!pod) return bad(`pods "${name}" not found in namespace "${ns}"`);
    const node = pod.spec.nodeName;
    if (pod.spec.hostNetwork && node) return { kind: 'node', node };
    const ip = pod.status?.podIP;
    const place = ip ? world.net.podsByIp.get(ip) : undefined;
    if (!place || !node) {
      return {
        error: diagnostic(
          TraceCode.SourceWithoutIp,
          'error',
          `pod ${podKey(pod)} has no IP yet (not scheduled or not running), so it cannot send`,
        ),
      };
    }
    return { kind: 'pod', pod: place };
  }
  return bad(`--from ${from}: expected pod:NS/NAME, node:NAME, external or external:IP`);
}

function parseDestination(to: string): { host: string; port: number } | { error: Diagnostic } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(to);
  const port = Number(m?.[3]);
  if (!m || port < 1 || port > 65535) {
    return {
      error: diagnostic(
        TraceCode.BadDestination,
        'error',
        `--to ${to}: expected HOST:PORT (an IP or a DNS name, and a port 1-65535)`,
      ),
    };
  }
  return { host: (m[1] ?? m[2] ?? '').toLowerCase(), port };
}

function sourceAddress(world: TraceWorld, source: Source, dst: string): string {
  switch (source.kind) {
    case 'pod':
      return source.pod.ip;
    case 'external':
      return source.ip;
    case 'node': {
      const node = nodeByName(world.net, source.node);
      if (!node) return '0.0.0.0';
      // The kernel picks the source from the route to the destination; a local one answers itself.
      const r = route(world.net, node, dst);
      return r.kind === 'local' ? dst : r.src;
    }
  }
}

function placeOf(source: Source): Place {
  switch (source.kind) {
    case 'pod':
      return { kind: 'pod', pod: source.pod.key, node: source.pod.node };
    case 'node':
      return { kind: 'node', node: source.node };
    case 'external':
      return { kind: 'external', ip: source.ip };
  }
}

export { TraceState };
