/**
 * A whole `dig` run against the cluster's CoreDNS: the query dig would send, the reply, dig's
 * TCP retry after a truncated UDP reply, and dig's text for all of it.
 */
import { buildQuery, type QueryOptions, stableHash } from '../query.ts';
import type { DnsExchange, DnsServer } from '../respond.ts';
import { type DigAttempt, digWhen, formatDig } from './format.ts';

export interface DigRun {
  /** The arguments after `dig`, printed in the banner as typed. */
  readonly args: readonly string[];
  readonly name: string;
  readonly type: number;
  /** The server dig talks to (a pod's first nameserver, normally the kube-dns ClusterIP). */
  readonly server: string;
  readonly port?: number;
  /** `@server` was on the command line (dig then says `; (1 server found)`). */
  readonly serverGiven?: boolean;
  readonly short?: boolean;
  /** `+tcp`: ask over TCP from the start. */
  readonly tcp?: boolean;
  readonly query?: QueryOptions;
  /** The id of dig's TCP retry after a truncated reply (dig draws a new one). */
  readonly retryId?: number;
  readonly version?: string;
  /** Defaults: 0 msec, and the seed capture's WHEN. */
  readonly queryTimeMs?: number;
  readonly when?: string;
  /** See `DigExchange.footerTwice`. */
  readonly footerTwice?: boolean;
}

export interface DigResult {
  readonly text: string;
  /** One exchange, or two when a truncated UDP reply made dig retry over TCP. */
  readonly exchanges: readonly DnsExchange[];
}

/** The WHEN of the seed blog capture (Sun Jul 14 08:38:53 UTC 2024). */
export const SEED_WHEN = digWhen(1720946333);

export function runDig(dns: DnsServer, run: DigRun): DigResult {
  const query = buildQuery(run.name, run.type, run.query);
  const exchanges: DnsExchange[] = [];
  if (run.tcp) exchanges.push(dns.exchange(query, 'tcp'));
  else {
    const udp = dns.exchange(query, 'udp');
    exchanges.push(udp);
    // dig resends the query over TCP when the UDP reply has TC (and +ignore is off), with a
    // fresh id and the same cookie.
    if (udp.response.header.tc) {
      const id = run.retryId ?? stableHash(`${query.header.id}/tcp`) & 0xffff;
      exchanges.push(dns.exchange({ ...query, header: { ...query.header, id } }, 'tcp'));
    }
  }
  const attempts: DigAttempt[] = exchanges.map((e, i) => ({
    transport: run.tcp || i > 0 ? 'TCP' : 'UDP',
    response: e.response,
    size: e.wire.length,
    queryTimeMs: run.queryTimeMs ?? 0,
  }));
  const final = exchanges[exchanges.length - 1]!;
  const text = formatDig({
    args: run.args,
    ...(run.version ? { version: run.version } : {}),
    serverGiven: run.serverGiven ?? false,
    server: { address: run.server, port: run.port ?? 53 },
    query: final.query,
    attempts,
    when: run.when ?? SEED_WHEN,
    short: run.short ?? false,
    footerTwice: run.footerTwice ?? false,
  });
  return { text, exchanges };
}
