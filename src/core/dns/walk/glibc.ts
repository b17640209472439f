/**
 * getaddrinfo's walk through the search list, as glibc 2.36 does it (resolv/res_query.c
 * `__res_context_search`, `__res_context_query`):
 *
 * 1. A name ending in a dot is sent once, as is.
 * 2. With at least `ndots` dots it is first sent as is; an answer ends the walk.
 * 3. Then each search domain is appended in order. NXDOMAIN, NODATA (an empty NOERROR) and
 *    SERVFAIL move on to the next; an answer ends the walk; any other reply (REFUSED, FORMERR)
 *    ends the search.
 * 4. Finally the name as is, unless it was already tried, a search domain was the root, or it has
 *    no dots and `no-tld-query` is set.
 *
 * Each candidate name is asked for A and AAAA at once (getaddrinfo with AF_UNSPEC uses
 * T_QUERY_A_AND_AAAA: both queries on one socket, A first), and it counts as answered when either
 * reply has records. Queries carry RD only (no AD since glibc 2.31 unless `trust-ad`) and no EDNS
 * unless `options edns0` (then UDP size 1200), so a reply over 512 bytes comes back truncated and
 * glibc asks again over TCP (res_send.c, unless `options igntc`). /etc/hosts is read first
 * (`hosts: files dns`).
 *
 * Not modelled: when an answer has so many addresses that getaddrinfo's scratch buffer is too
 * small (ERANGE; 80 A records do it in glibc 2.36), glibc runs the whole walk again with a bigger
 * buffer, so the same queries go out two or three times (checked in real-glibc.test.ts).
 */

import type { ResolverSettings } from '../resolv/settings.ts';
import type { DnsExchange } from '../respond.ts';
import { TYPE } from '../wire/types.ts';
import {
  type Ask,
  addressesOf,
  candidate,
  countDots,
  type Outcome,
  outcomeOf,
  type SearchWalk,
  type WalkQuery,
  type WalkStep,
} from './types.ts';

export type AddressFamily = 'any' | 'ipv4' | 'ipv6';

export interface GlibcWalkInput {
  readonly name: string;
  readonly settings: ResolverSettings;
  readonly ask: Ask;
  /** AF_UNSPEC (default: A and AAAA), AF_INET (A only) or AF_INET6 (AAAA only). */
  readonly family?: AddressFamily;
  /** What /etc/hosts has for the name (then nothing is sent). */
  readonly hosts?: readonly string[];
}

/** h_errno after a failed candidate, from the pair of replies (res_query.c's switch). */
function failureOf(queries: readonly WalkQuery[]): Outcome {
  const [first, second] = queries;
  if (!first) return 'error';
  const decisive = first.outcome === 'nodata' && second ? second : first;
  return decisive.outcome === 'answer' ? 'nodata' : decisive.outcome;
}

export function glibcWalk(input: GlibcWalkInput): SearchWalk {
  const { name, settings, ask } = input;
  const family = input.family ?? 'any';
  const types =
    family === 'ipv4' ? [TYPE.A] : family === 'ipv6' ? [TYPE.AAAA] : [TYPE.A, TYPE.AAAA];
  const dots = countDots(name);
  const absolute = name.endsWith('.');
  const base = {
    resolver: 'glibc' as const,
    input: name,
    ndots: settings.ndots,
    dots,
    absolute,
  };
  const hosts = input.hosts ?? [];
  if (hosts.length > 0) {
    return { ...base, hosts, steps: [], result: 'files', answeredName: null, addresses: hosts };
  }
  const steps: WalkStep[] = [];
  let serial = 0;
  // res_send.c: the pair goes over UDP; a truncated reply (unless igntc) sends the whole pair
  // again over TCP, whose answers count. With single-request a truncated A reply means AAAA is
  // never sent over UDP.
  const askPair = (fq: string): WalkQuery[] => {
    const udp: DnsExchange[] = [];
    if (!settings.useVc) {
      for (const type of types) {
        const e = ask(fq, type, serial++, 'udp');
        udp.push(e);
        if (e.response.header.tc && settings.singleRequest) break;
      }
      const truncated = udp.some((e) => e.response.header.tc) && !settings.ignoreTc;
      if (!truncated) {
        return udp.map((e, i) => ({
          type: types[i] ?? 0,
          transport: 'udp' as const,
          exchange: e,
          outcome: outcomeOf(e.response),
        }));
      }
    }
    return types.map((type, i) => {
      const exchange = ask(fq, type, serial++, 'tcp');
      const before = udp[i];
      return {
        type,
        transport: 'tcp' as const,
        exchange,
        outcome: outcomeOf(exchange.response),
        ...(before ? { udp: before } : {}),
      };
    });
  };
  const tryName = (suffix: string | null): WalkStep => {
    const fq = candidate(name, suffix);
    const queries = askPair(fq);
    const answered = queries.some((q) => q.outcome === 'answer');
    const step: WalkStep = {
      name: fq,
      suffix,
      queries,
      outcome: answered ? 'answer' : failureOf(queries),
      stops: false,
    };
    steps.push(step);
    return step;
  };
  const finish = (result: Outcome): SearchWalk => {
    const last = steps.length - 1;
    const marked = steps.map((s, i) => (i === last ? { ...s, stops: true } : s));
    const answeredStep = result === 'answer' ? marked[last] : undefined;
    return {
      ...base,
      hosts,
      steps: marked,
      result,
      answeredName: answeredStep?.name ?? null,
      addresses: answeredStep ? addressesOf(answeredStep.queries) : [],
    };
  };

  let triedAsIs = false;
  let savedFailure: Outcome | null = null;
  if (dots >= settings.ndots || absolute) {
    const step = tryName(null);
    if (step.outcome === 'answer' || absolute) return finish(step.outcome);
    savedFailure = step.outcome;
    triedAsIs = true;
  }
  let searched = false;
  let rootOnList = false;
  let gotNodata = false;
  let gotServfail = false;
  for (const domain of settings.searches) {
    searched = true;
    if (domain.replace(/^\./, '') === '') rootOnList = true;
    const step = tryName(domain);
    if (step.outcome === 'answer') return finish('answer');
    if (step.outcome === 'nodata') gotNodata = true;
    else if (step.outcome === 'servfail') gotServfail = true;
    else if (step.outcome !== 'nxdomain') break; // REFUSED and the like: stop searching
  }
  if ((dots > 0 || !searched || !settings.noTldQuery) && !(triedAsIs || rootOnList)) {
    const step = tryName(null);
    if (step.outcome === 'answer') return finish('answer');
  }
  const result = savedFailure ?? (gotNodata ? 'nodata' : gotServfail ? 'servfail' : null);
  return finish(result ?? steps[steps.length - 1]?.outcome ?? 'nxdomain');
}
