/**
 * The DNS area's wire-level entry point: a query message for a scenario's cluster in, CoreDNS's
 * reply (message and exact bytes) out.
 */
import { diagnostic } from '../diagnostics.ts';
import type { Cluster } from '../model/types.ts';
import { fail, ok, type Result } from '../result.ts';
import { DNS_CODES } from './codes.ts';
import { type ClusterIndex, indexCluster } from './coredns/cluster-index.ts';
import type { CorednsConfig, PodsMode } from './coredns/config.ts';
import { CorednsServer, type Served } from './coredns/server.ts';
import { type UpstreamRecord, upstreamFromCluster } from './coredns/upstream.ts';
import { decodeMessage } from './wire/decode.ts';
import { encodeMessage } from './wire/encode.ts';
import type { Message } from './wire/types.ts';

export interface DnsOptions {
  /** SOA serial; default 1700000000 (CoreDNS would use the time of the last object change). */
  readonly serial?: number;
  readonly shuffleSeed?: number;
  readonly upstream?: readonly UpstreamRecord[];
  readonly transport?: 'udp' | 'tcp';
  readonly clientFamily?: 4 | 6;
  readonly ttl?: number;
  readonly pods?: PodsMode;
}

export interface DnsExchange {
  readonly query: Message;
  readonly queryWire: Uint8Array;
  readonly response: Message;
  readonly wire: Uint8Array;
  /** Whether names in the reply are compressed (only when it would not fit otherwise). */
  readonly compressed: boolean;
  /** CoreDNS's kubernetes plugin, its `forward` to the node's resolver, the server itself, or
   * the node's resolver asked directly (a pod whose nameserver is not the cluster DNS). */
  readonly answeredBy: Served['answeredBy'] | 'node-resolver';
}

/** Anything that answers DNS queries: the cluster's CoreDNS, or the node's resolver. */
export interface DnsServer {
  exchange(query: Message, transport?: 'udp' | 'tcp'): DnsExchange;
}

export function corednsConfig(cluster: Cluster, options: DnsOptions = {}): CorednsConfig {
  return {
    ttl: options.ttl ?? 30,
    pods: options.pods ?? 'insecure',
    cacheMaxTtl: 30,
    cacheMinTtl: 5,
    serial: options.serial ?? 1700000000,
    shuffleSeed: options.shuffleSeed ?? 0,
    upstream: options.upstream ?? upstreamFromCluster(cluster),
  };
}

/** A CoreDNS instance for one cluster, to answer many queries without re-indexing. */
export class ClusterDns implements DnsServer {
  readonly index: ClusterIndex;
  private readonly server: CorednsServer;

  constructor(
    readonly cluster: Cluster,
    readonly options: DnsOptions = {},
  ) {
    this.index = indexCluster(cluster);
    this.server = new CorednsServer(this.index, corednsConfig(cluster, options));
  }

  exchange(query: Message, transport?: 'udp' | 'tcp'): DnsExchange {
    const served = this.server.serve(query, {
      protocol: transport ?? this.options.transport ?? 'udp',
      family: this.options.clientFamily ?? 4,
    });
    return {
      query,
      queryWire: encodeMessage(query, { compress: false }),
      response: served.message,
      wire: served.wire,
      compressed: served.compressed,
      answeredBy: served.answeredBy,
    };
  }
}

/** Answers one query message (bytes, or an already decoded message) as the cluster's CoreDNS. */
export function respond(
  cluster: Cluster,
  query: Uint8Array | Message,
  options: DnsOptions = {},
): Result<DnsExchange> {
  let message: Message;
  if (query instanceof Uint8Array) {
    const decoded = decodeMessage(query);
    if (!decoded.ok) {
      return fail([
        diagnostic(DNS_CODES.malformedQuery, 'error', `malformed DNS query: ${decoded.error}`),
      ]);
    }
    message = decoded.message;
  } else message = query;
  const exchange = new ClusterDns(cluster, options).exchange(message);
  return ok(query instanceof Uint8Array ? { ...exchange, queryWire: query } : exchange);
}
