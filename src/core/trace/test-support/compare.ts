/**
 * The walk and the kernel reduced to the same comparable shape: which endpoints answer, the
 * source address each one sees (and whether the client's source port survives: MASQUERADE
 * --random-fully picks a new one), whether the answer comes back to the client, and how the
 * connections that reach no endpoint fail.
 */
import type { Cluster, Trace, TraceWorld } from '../../index.ts';
import { tracePacket } from '../../index.ts';
import type { ProbeResult } from './tcp-lab.ts';

export interface EndpointView {
  /** The source IP the endpoint sees (several, `|`-joined, if connections disagree). */
  readonly sourceIp: string;
  /**
   * Whether the endpoint sees the client's own source port. For the kernel: what most of the
   * connections saw — a connection may keep its port under MASQUERADE --random-fully by chance
   * (1 in ~64k), and one that is not NATed gets a new port when its tuple clashes with a
   * conntrack entry an earlier masqueraded connection left (nf_nat makes every tuple unique).
   */
  readonly sourcePort: 'kept' | 'changed';
  /** Whether the answer reached the client as coming from the address it connected to. */
  readonly answered: boolean;
}

export interface PathView {
  /** `ip:port` the connection is delivered to → what that endpoint sees. */
  readonly endpoints: Record<string, EndpointView>;
  /** How the undelivered connections end: `refused`, `timeout` (a DROP), or a socket error. */
  readonly failures: readonly string[];
}

function splitHostPort(text: string): [string, number] {
  const i = text.lastIndexOf(':');
  return [text.slice(0, i), Number(text.slice(i + 1))];
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function unwrap(result: ReturnType<typeof tracePacket>, what: string): Trace {
  if (!result.ok) {
    throw new Error(`${what}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  }
  return result.value;
}

/** What the walk says: its exact distribution, then one forced walk per endpoint. */
export function walkView(
  cluster: Cluster,
  world: TraceWorld,
  from: string,
  to: string,
  via?: string,
): { view: PathView; trace: Trace } {
  const req = { from, to, ...(via ? { via } : {}) };
  const trace = unwrap(tracePacket(cluster, req, { world }), `trace ${from} → ${to}`);
  const endpoints: Record<string, EndpointView> = {};
  const failures = new Set<string>();
  for (const entry of trace.distribution) {
    if (entry.probability <= 0) continue;
    if (entry.verdict === 'dropped') failures.add('timeout');
    if (entry.verdict === 'refused') failures.add('refused');
    if (entry.verdict !== 'delivered' || entry.endpoint === null) continue;
    const forced = unwrap(
      tracePacket(cluster, { ...req, endpoint: entry.endpoint }, { world }),
      `trace ${from} → ${to} forced to ${entry.endpoint}`,
    );
    const seen = forced.sourceSeenByEndpoint ?? '';
    const [ip, port] = splitHostPort(seen);
    const [, sentPort] = splitHostPort(forced.packet.src);
    endpoints[entry.endpoint] = {
      sourceIp: ip,
      sourcePort: port === sentPort ? 'kept' : 'changed',
      answered: forced.replyMatches === true,
    };
  }
  return { view: { endpoints: sorted(endpoints), failures: [...failures].sort() }, trace };
}

/** What the kernel did to real connections. */
export function kernelView(results: readonly ProbeResult[]): PathView {
  const seen = new Map<string, { ips: Set<string>; kept: number; changed: number }>();
  const failures = new Set<string>();
  for (const r of results) {
    if (!r.answer) {
      failures.add(r.error ?? 'no answer');
      continue;
    }
    const s = seen.get(r.answer.server) ?? { ips: new Set(), kept: 0, changed: 0 };
    const [peerIp, peerPort] = splitHostPort(r.answer.peer);
    s.ips.add(peerIp);
    const localPort = r.local ? splitHostPort(r.local)[1] : -1;
    if (peerPort === localPort) s.kept++;
    else s.changed++;
    seen.set(r.answer.server, s);
  }
  const endpoints: Record<string, EndpointView> = {};
  for (const [server, s] of seen) {
    endpoints[server] = {
      sourceIp: [...s.ips].sort().join('|'),
      sourcePort: s.kept > s.changed ? 'kept' : 'changed',
      // The client got the server's line back: the reply found its way, un-NATed.
      answered: true,
    };
  }
  return { endpoints: sorted(endpoints), failures: [...failures].sort() };
}

/** Answers per endpoint, for the log: how the kernel's draws spread. */
export function countsByEndpoint(results: readonly ProbeResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.answer?.server ?? r.error ?? 'no answer';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return sorted(counts);
}
