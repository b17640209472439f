/**
 * `--query-hex`: answer exactly the query a user captured (its id, flags, question spelling, EDNS
 * and cookie), and say which dig command line sends such a query, for dig's banner.
 */
import { diagnostic } from '../diagnostics.ts';
import { defaultNow } from '../kubectl/clock.ts';
import type { Cluster } from '../model/types.ts';
import { fail, ok, type Result } from '../result.ts';
import { DNS_CODES } from './codes.ts';
import { digWhen, formatDig } from './dig/format.ts';
import { type DnsExchange, type DnsOptions, respond } from './respond.ts';
import { EDNS_OPTION, type Message, TYPE, typeName } from './wire/types.ts';

export function parseHex(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '').replace(/^0x/i, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return null;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The dig arguments that make dig 9.18 send a query like this one (its defaults left out). */
export function digArgsFor(query: Message): string[] {
  const q = query.questions[0];
  const args = [q?.name ?? '.'];
  if (q && q.type !== TYPE.A) args.push(typeName(q.type));
  const h = query.header;
  if (!h.rd) args.push('+norecurse');
  if (!h.ad) args.push('+noadflag');
  if (h.cd) args.push('+cdflag');
  const e = query.edns;
  if (!e) args.push('+noedns');
  else {
    if (e.udpSize !== 1232) args.push(`+bufsize=${e.udpSize}`);
    if (e.do) args.push('+dnssec');
    if (!e.options.some((o) => o.code === EDNS_OPTION.COOKIE)) args.push('+nocookie');
  }
  return args;
}

export interface AnsweredQuery {
  readonly exchange: DnsExchange;
  /** dig's text for this exchange, as if dig in a pod had sent this exact query. */
  readonly text: string;
}

/** Answers a query given as hex, as the cluster's CoreDNS at `server` does. */
export function answerQueryHex(
  cluster: Cluster,
  hex: string,
  opts: { server?: string; now?: number; transport?: 'udp' | 'tcp'; dns?: DnsOptions } = {},
): Result<AnsweredQuery> {
  const bytes = parseHex(hex);
  if (!bytes || bytes.length === 0) {
    return fail([diagnostic(DNS_CODES.invalidHex, 'error', `--query-hex: not hex: ${hex}`)]);
  }
  const r = respond(cluster, bytes, {
    ...opts.dns,
    ...(opts.transport ? { transport: opts.transport } : {}),
  });
  if (!r.ok) return r;
  const e = r.value;
  const text = formatDig({
    args: digArgsFor(e.query),
    serverGiven: false,
    server: { address: opts.server ?? cluster.clusterDNS, port: 53 },
    query: e.query,
    attempts: [
      {
        transport: opts.transport === 'tcp' ? 'TCP' : 'UDP',
        response: e.response,
        size: e.wire.length,
        queryTimeMs: 0,
      },
    ],
    when: digWhen(Math.floor((opts.now ?? defaultNow(cluster)) / 1000)),
  });
  return ok({ exchange: e, text });
}

/** JSON for DNS values: byte arrays (wire, cookies, TXT strings) as hex strings. */
export function dnsJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? toHex(v) : v), 2)}\n`;
}
