/** The search walk: which names a resolver in a pod really asks for, and what each answer was. */
import type { DnsExchange } from '../respond.ts';
import { type Message, RCODE, TYPE } from '../wire/types.ts';

/** What one reply means to a stub resolver. */
export type Outcome = 'answer' | 'nodata' | 'nxdomain' | 'servfail' | 'refused' | 'error';

export interface WalkQuery {
  /** The query type (1 = A, 28 = AAAA, ...). */
  readonly type: number;
  /** The exchange whose answer counted: over TCP when a UDP reply of the pair was truncated. */
  readonly exchange: DnsExchange;
  /** How `exchange` went. */
  readonly transport: 'udp' | 'tcp';
  /** The UDP exchange that came before the TCP retry, if one was sent. */
  readonly udp?: DnsExchange;
  readonly outcome: Outcome;
}

export interface WalkStep {
  /** The absolute name asked for, e.g. `web.default.svc.cluster.local.`. */
  readonly name: string;
  /** The search domain appended, or null when the name was sent as typed. */
  readonly suffix: string | null;
  /** One query, or A and AAAA for getaddrinfo (sent together on one socket). */
  readonly queries: readonly WalkQuery[];
  readonly outcome: Outcome;
  /** Whether the resolver stopped after this step. */
  readonly stops: boolean;
}

export interface SearchWalk {
  /** `glibc`: getaddrinfo (what a program in the pod does); `dig`: `dig +search`. */
  readonly resolver: 'glibc' | 'dig';
  /** The name as typed. */
  readonly input: string;
  readonly ndots: number;
  /** Dots in the typed name (a trailing dot counts, as both resolvers count it). */
  readonly dots: number;
  /** The name ended in a dot: no search at all. */
  readonly absolute: boolean;
  /** Addresses /etc/hosts gave (glibc only): then no query is sent at all. */
  readonly hosts: readonly string[];
  readonly steps: readonly WalkStep[];
  /** How the walk ended: the last step's outcome, or `files` for /etc/hosts. */
  readonly result: Outcome | 'files';
  /** The name whose answer was used, if any. */
  readonly answeredName: string | null;
  /** A/AAAA addresses the resolver returns (empty when it failed, or a CNAME led nowhere). */
  readonly addresses: readonly string[];
}

/** Sends one query; `serial` numbers the queries of one walk from 0 (retries included). */
export type Ask = (
  name: string,
  type: number,
  serial: number,
  transport: 'udp' | 'tcp',
) => DnsExchange;

export function outcomeOf(m: Message): Outcome {
  switch (m.header.rcode) {
    case RCODE.NOERROR:
      return m.answers.length > 0 ? 'answer' : 'nodata';
    case RCODE.NXDOMAIN:
      return 'nxdomain';
    case RCODE.SERVFAIL:
      return 'servfail';
    case RCODE.REFUSED:
      return 'refused';
    default:
      return 'error';
  }
}

export function addressesOf(queries: readonly WalkQuery[]): string[] {
  const out: string[] = [];
  for (const q of queries) {
    for (const rr of q.exchange.response.answers) {
      if ((rr.type === TYPE.A || rr.type === TYPE.AAAA) && 'address' in rr.data) {
        out.push(rr.data.address);
      }
    }
  }
  return out;
}

export function countDots(name: string): number {
  let n = 0;
  for (const c of name) if (c === '.') n++;
  return n;
}

/** `name` + `.` + `domain` + `.`, or the name made absolute (a root domain adds nothing). */
export function candidate(name: string, domain: string | null): string {
  const base = name.endsWith('.') ? name.slice(0, -1) : name;
  if (domain === null) return `${base}.`;
  const d = domain.replace(/^\./, '').replace(/\.$/, '');
  return d === '' ? `${base}.` : `${base}.${d}.`;
}
