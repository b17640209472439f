/**
 * dig 9.18's text for one exchange (bin/dig/dig.c `printmessage`, `received`), byte for byte except
 * for what the caller supplies: the message id, the query time, WHEN and the server line.
 */
import { isSubdomain } from '../wire/name.ts';
import { EDNS_OPTION, type Message, type ResourceRecord, rcodeName } from '../wire/types.ts';
import { questionLine, recordLine } from './columns.ts';
import { classText, rdataText, typeName } from './rdata-text.ts';

export const DIG_VERSION = '9.18.49-1~deb12u3-Debian';

export interface DigServer {
  readonly address: string;
  readonly port: number;
}

/** One query/response pair on one transport. */
export interface DigAttempt {
  readonly transport: 'UDP' | 'TCP';
  readonly response: Message;
  /** Length of the response on the wire: dig's `MSG SIZE  rcvd`. */
  readonly size: number;
  readonly queryTimeMs: number;
}

export interface DigExchange {
  /** The command-line arguments after `dig`, printed in the banner as typed. */
  readonly args: readonly string[];
  readonly version?: string;
  /** `@server` given on the command line: dig then prints `; (1 server found)`. */
  readonly serverGiven: boolean;
  readonly server: DigServer;
  readonly query: Message;
  /** The attempts in order: one UDP answer, and a TCP one after a truncated (TC) UDP answer. */
  readonly attempts: readonly DigAttempt[];
  /** `Wed Nov 25 03:59:57 UTC 2026` — see `digWhen`. */
  readonly when: string;
  readonly short?: boolean;
  /**
   * dig 9.18 prints the `;; Query time` ... `;; MSG SIZE` block twice when `+search` gets
   * NXDOMAIN for a name it sent as is because it had enough dots (`recv_done` prints it on the
   * search path and again at the end); see `digRepeatsFooter`.
   */
  readonly footerTwice?: boolean;
}

const OPCODES = ['QUERY', 'IQUERY', 'STATUS', 'RESERVED3', 'NOTIFY', 'UPDATE'];

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function flagsText(m: Message): string {
  const h = m.header;
  const flags: string[] = [];
  if (h.qr) flags.push('qr');
  if (h.aa) flags.push('aa');
  if (h.tc) flags.push('tc');
  if (h.rd) flags.push('rd');
  if (h.ra) flags.push('ra');
  if (h.ad) flags.push('ad');
  if (h.cd) flags.push('cd');
  return flags.map((f) => ` ${f}`).join('');
}

function cookieLine(query: Message, response: Message): string | null {
  const mine = response.edns?.options.find((o) => o.code === EDNS_OPTION.COOKIE);
  if (!mine) return null;
  const sent = query.edns?.options.find((o) => o.code === EDNS_OPTION.COOKIE)?.data;
  let verdict = '';
  if (sent && mine.data.length >= 8 && hex(mine.data.subarray(0, 8)) === hex(sent.subarray(0, 8))) {
    verdict = mine.data.length === 8 ? ' (echoed)' : ' (good)';
  } else if (sent) verdict = ' (bad)';
  return `; COOKIE: ${hex(mine.data)}${verdict}`;
}

function section(title: string, records: readonly ResourceRecord[]): string[] {
  if (records.length === 0) return [];
  return [
    `;; ${title} SECTION:`,
    ...records.map((rr) =>
      recordLine(rr.name, String(rr.ttl), classText(rr.class), typeName(rr.type), rdataText(rr)),
    ),
    '',
  ];
}

/** The part of dig's output that describes one received message (from `;; Got answer:`). */
function messageText(exchange: DigExchange, attempt: DigAttempt): string[] {
  const m = attempt.response;
  const h = m.header;
  const q = m.questions[0];
  const lines = [';; Got answer:'];
  // dig 9.18 warns about any query name under `local.` (RFC 6762 reserves it for mDNS).
  const qname = exchange.query.questions[0]?.name ?? '.';
  if (isSubdomain('local.', qname)) {
    lines.push(
      ';; WARNING: .local is reserved for Multicast DNS',
      ';; You are currently testing what happens when an mDNS query is leaked to DNS',
    );
  }
  const rcode = (m.edns?.extendedRcode ?? 0) * 16 + h.rcode;
  lines.push(
    `;; ->>HEADER<<- opcode: ${OPCODES[h.opcode] ?? `RESERVED${h.opcode}`}, status: ${rcodeName(rcode)}, id: ${h.id}`,
    `;; flags:${flagsText(m)}; QUERY: ${m.questions.length}, ANSWER: ${m.answers.length}, AUTHORITY: ${m.authority.length}, ADDITIONAL: ${m.additional.length + (m.edns ? 1 : 0)}`,
  );
  if (exchange.query.header.rd && !h.ra) {
    lines.push(';; WARNING: recursion requested but not available');
  }
  lines.push('');
  if (m.edns) {
    const e = m.edns;
    const mbz = e.z !== 0 ? ` MBZ: 0x${e.z.toString(16).padStart(4, '0')},` : '';
    lines.push(
      ';; OPT PSEUDOSECTION:',
      `; EDNS: version: ${e.version}, flags:${e.do ? ' do' : ''};${mbz} udp: ${e.udpSize}`,
    );
    const cookie = cookieLine(exchange.query, m);
    if (cookie) lines.push(cookie);
  }
  if (q) {
    lines.push(
      ';; QUESTION SECTION:',
      questionLine(q.name, classText(q.class), typeName(q.type)),
      '',
    );
  }
  lines.push(
    ...section('ANSWER', m.answers),
    ...section('AUTHORITY', m.authority),
    ...section('ADDITIONAL', m.additional),
  );
  const s = exchange.server;
  const footer = [
    `;; Query time: ${attempt.queryTimeMs} msec`,
    `;; SERVER: ${s.address}#${s.port}(${s.address}) (${attempt.transport})`,
    `;; WHEN: ${exchange.when}`,
    `;; MSG SIZE  rcvd: ${attempt.size}`,
    '',
  ];
  lines.push(...footer);
  if (exchange.footerTwice) lines.push(...footer);
  return lines;
}

/** dig's full output (or `+short`'s), ending with a newline. */
export function formatDig(exchange: DigExchange): string {
  const final = exchange.attempts[exchange.attempts.length - 1];
  if (exchange.short) {
    return (final?.response.answers ?? []).map((rr) => `${rdataText(rr)}\n`).join('');
  }
  // A truncated UDP reply: dig says so first (before its banner), then shows only the TCP answer.
  const retried = exchange.attempts.some(
    (a) => a.transport === 'UDP' && a.response.header.tc && a !== final,
  );
  const lines = retried ? [';; Truncated, retrying in TCP mode.'] : [];
  lines.push('', `; <<>> DiG ${exchange.version ?? DIG_VERSION} <<>> ${exchange.args.join(' ')}`);
  if (exchange.serverGiven) lines.push('; (1 server found)');
  lines.push(';; global options: +cmd');
  if (final) lines.push(...messageText(exchange, final));
  return `${lines.join('\n')}\n`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** dig's WHEN text for a Unix time in UTC (`%a %b %d %H:%M:%S %Z %Y`). */
export function digWhen(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
