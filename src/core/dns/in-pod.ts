/**
 * DNS as seen from inside a pod: what `dig` prints there (with `+search` walking the pod's
 * resolv.conf as dig does), and which queries a program's getaddrinfo sends (glibc's walk).
 * These two functions are the DNS area's API for the UI and the CLI.
 */
import { diagnostic } from '../diagnostics.ts';
import { defaultNow } from '../kubectl/clock.ts';
import type { Cluster, Pod } from '../model/types.ts';
import { fail, ok, type Result } from '../result.ts';
import { DNS_CODES } from './codes.ts';
import { upstreamFromCluster } from './coredns/upstream.ts';
import { type DigArgs, parseDigArgs } from './dig/args.ts';
import { digWhen } from './dig/format.ts';
import { runDig } from './dig/run.ts';
import { buildQuery, clientCookie, type QueryOptions, stableHash } from './query.ts';
import { nodeResolvConfText, parseHostResolvConf } from './resolv/host.ts';
import { hostsLookup } from './resolv/hosts.ts';
import { NodeResolver } from './resolv/node-resolver.ts';
import {
  defaultDnsClient,
  findPod,
  podNotFound,
  type ResolvConf,
  resolvConf,
} from './resolv/pod.ts';
import { ClusterDns, type DnsExchange, type DnsServer } from './respond.ts';
import { digRepeatsFooter, digWalk } from './walk/dig.ts';
import { type AddressFamily, glibcWalk } from './walk/glibc.ts';
import type { SearchWalk } from './walk/types.ts';
import type { Message } from './wire/types.ts';
import { typeName } from './wire/types.ts';

export interface DigInPodRequest {
  /** `namespace/name` or a Pod; default: `defaultDnsClient` (a ClusterFirst pod in `default`). */
  readonly pod?: string | Pod;
  /** dig's arguments as typed after `dig` (`['web', '+search']`, `['-x', '10.96.0.10']`). */
  readonly args?: readonly string[];
  /** Or the name, the type (`'SRV'` or 33) and `+options` without the plus (`['short']`). */
  readonly qname?: string;
  readonly qtype?: string | number;
  readonly options?: readonly string[];
  /** WHEN, in ms since the epoch; default: the scenario clock (newest object + 10 s). */
  readonly now?: number;
  /** dig's `Query time`; default 0 (CoreDNS answers a pod on the same network in under 1 ms). */
  readonly queryTimeMs?: number;
  /** A ClusterDns to reuse across calls (the UI keeps one per cluster). */
  readonly dns?: ClusterDns;
}

export interface DigInPod {
  /** What dig prints, byte for byte (except id, cookie, WHEN and Query time: derived). */
  readonly text: string;
  /** The reply dig printed (the TCP one after a truncated UDP reply). */
  readonly response: Message;
  /** The final name's exchanges: one, or UDP then TCP after TC. */
  readonly exchanges: readonly DnsExchange[];
  /** dig's walk over the search list (a single step without `+search`). */
  readonly walk: SearchWalk;
  readonly resolv: ResolvConf;
  /** The server dig asked: `@server`, else the pod's first nameserver. */
  readonly server: string;
  readonly args: DigArgs;
}

export interface ResolveInPodRequest {
  readonly pod?: string | Pod;
  /** The name as a program passes it to getaddrinfo (`web`, `web.shop`, `example.com.`). */
  readonly name: string;
  /** AF_UNSPEC (default: A and AAAA for each name), AF_INET or AF_INET6. */
  readonly family?: AddressFamily;
  /**
   * `AI_ADDRCONFIG` (glibc's default when a program passes no hints; `getent ahosts` sets it):
   * with AF_UNSPEC, a pod that has addresses of one family only asks for that family only — an
   * IPv4-only pod sends no AAAA queries. Default false: hints with no flags, as Python's
   * `socket.getaddrinfo` passes them.
   */
  readonly addrconfig?: boolean;
  readonly dns?: ClusterDns;
}

/** The address families a pod has (its podIPs; on the host network, the node's InternalIPs). */
function podFamilies(cluster: Cluster, pod: Pod): { v4: boolean; v6: boolean } {
  let ips = pod.status?.podIPs?.map((p) => p.ip) ?? (pod.status?.podIP ? [pod.status.podIP] : []);
  if (pod.spec.hostNetwork) {
    const node = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
    ips = (node?.status?.addresses ?? [])
      .filter((a) => a.type === 'InternalIP')
      .map((a) => a.address);
  }
  return { v4: ips.some((ip) => ip.includes('.')), v6: ips.some((ip) => ip.includes(':')) };
}

/** The DNS server at an address, as svclab models it (CoreDNS, or the node's resolver). */
export function dnsServerAt(cluster: Cluster, address: string, dns?: ClusterDns): DnsServer | null {
  if (address === cluster.clusterDNS) return dns ?? new ClusterDns(cluster);
  const node = parseHostResolvConf(nodeResolvConfText(cluster));
  if (node.servers.includes(address)) return new NodeResolver(upstreamFromCluster(cluster));
  return null;
}

function noServer(address: string) {
  return diagnostic(
    DNS_CODES.noDnsServer,
    'error',
    `;; no servers could be reached: svclab models DNS servers only at the cluster DNS and the node's resolvers, not at ${address}`,
  );
}

function digArgsOf(req: DigInPodRequest): readonly string[] {
  if (req.args) return req.args;
  const type =
    req.qtype === undefined
      ? []
      : [typeof req.qtype === 'number' ? typeName(req.qtype) : req.qtype];
  return [req.qname ?? '', ...type, ...(req.options ?? []).map((o) => `+${o}`)].filter(
    (a) => a !== '',
  );
}

export function digInPod(cluster: Cluster, req: DigInPodRequest): Result<DigInPod> {
  const typed = digArgsOf(req);
  const args = parseDigArgs(typed);
  if ('error' in args) {
    return fail([diagnostic(DNS_CODES.invalidDigArgument, 'error', args.error)]);
  }
  const rc = resolvConf(cluster, req.pod ?? defaultDnsClient(cluster));
  if (!rc.ok) return rc;
  const resolv = rc.value;
  const server = args.server ?? resolv.nameservers[0];
  if (server === undefined) return fail([noServer('(none)')]);
  const dns = (args.port ?? 53) === 53 ? dnsServerAt(cluster, server, req.dns) : null;
  if (!dns) return fail([noServer(`${server}#${args.port ?? 53}`)]);
  // dig uses one client cookie per run and draws a new id for every lookup.
  const query: QueryOptions = {
    rd: args.recurse,
    ad: args.adflag,
    cd: args.cdflag,
    edns: args.edns,
    dnssecOk: args.dnssec,
    cookie: args.cookie && args.edns ? clientCookie(stableHash(typed.join(' '))) : null,
    ...(args.bufsize !== undefined ? { udpSize: args.bufsize } : {}),
  };
  const walk = digWalk({
    name: args.name,
    type: args.type,
    search: args.search,
    searches: resolv.searches,
    ndots: args.ndots ?? resolv.ndots,
    tcp: args.tcp,
    ask: (name, type, _serial, via) => dns.exchange(buildQuery(name, type, query), via),
  });
  const last = walk.steps[walk.steps.length - 1];
  const finalName = last?.name ?? args.name;
  const id = last?.queries[0]?.exchange.query.header.id;
  const run = runDig(dns, {
    args: typed,
    name: finalName,
    type: args.type,
    server,
    serverGiven: args.server !== undefined,
    short: args.short,
    tcp: args.tcp,
    query: { ...query, ...(id !== undefined ? { id } : {}) },
    queryTimeMs: req.queryTimeMs ?? 0,
    when: digWhen(Math.floor((req.now ?? defaultNow(cluster)) / 1000)),
    footerTwice: digRepeatsFooter(walk, args.search),
  });
  const final = run.exchanges[run.exchanges.length - 1]!;
  return ok(
    {
      text: run.text,
      response: final.response,
      exchanges: run.exchanges,
      walk,
      resolv,
      server,
      args,
    },
    resolv.events,
  );
}

/** The queries getaddrinfo sends from the pod for a name, in order, and where it stops. */
export function resolveInPod(cluster: Cluster, req: ResolveInPodRequest): Result<SearchWalk> {
  const pod =
    typeof req.pod === 'string'
      ? findPod(cluster, req.pod)
      : (req.pod ?? defaultDnsClient(cluster));
  if (!pod) return fail([podNotFound(req.pod as string)]);
  const rc = resolvConf(cluster, pod);
  if (!rc.ok) return rc;
  const resolv = rc.value;
  const server = resolv.settings.nameservers[0];
  const dns = server === undefined ? null : dnsServerAt(cluster, server, req.dns);
  if (!dns) return fail([noServer(server ?? '(none)')]);
  const { settings } = resolv;
  let family = req.family ?? 'any';
  if (family === 'any' && req.addrconfig) {
    const has = podFamilies(cluster, pod);
    if (has.v4 !== has.v6) family = has.v4 ? 'ipv4' : 'ipv6';
  }
  const walk = glibcWalk({
    name: req.name,
    settings,
    family,
    hosts: hostsLookup(resolv.hosts, req.name),
    ask: (name, type, serial, via) =>
      dns.exchange(
        buildQuery(name, type, {
          id: stableHash(`${req.name}/${serial}`) & 0xffff,
          ad: false,
          edns: settings.edns0,
          udpSize: 1200,
          cookie: null,
        }),
        via,
      ),
  });
  return ok(walk, resolv.events);
}
