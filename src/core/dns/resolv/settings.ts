/**
 * What a stub resolver takes from a resolv.conf: glibc's `res_init` (resolv/res_init.c) for
 * getaddrinfo, and BIND's irs resconf (lib/irs/resconf.c) for dig. They read the same file with
 * different limits: glibc keeps every search domain (since 2.26) and caps ndots at 15; dig keeps 8.
 */
import { optionName } from './host.ts';

export interface ResolverSettings {
  readonly nameservers: readonly string[];
  readonly searches: readonly string[];
  /** `options ndots:N` (default 1; glibc caps it at 15). */
  readonly ndots: number;
  /** `options edns0`: glibc adds an OPT record (UDP size 1200). */
  readonly edns0: boolean;
  /** `options single-request` / `single-request-reopen`: A, then AAAA, not in parallel. */
  readonly singleRequest: boolean;
  /** `options no-tld-query`: a dotless name is never sent as is. */
  readonly noTldQuery: boolean;
  /** `options use-vc`: TCP. */
  readonly useVc: boolean;
  /** `options igntc`: keep a truncated UDP reply instead of asking again over TCP. */
  readonly ignoreTc: boolean;
}

const RES_MAXNDOTS = 15;
/** dig's resolv.conf reader keeps at most 8 search domains (RESCONFMAXSEARCH). */
export const DIG_MAX_SEARCH = 8;

export function resolverSettings(config: {
  readonly servers: readonly string[];
  readonly searches: readonly string[];
  readonly options: readonly string[];
}): ResolverSettings {
  let ndots = 1;
  const names = new Set<string>();
  for (const option of config.options) {
    names.add(optionName(option));
    const m = /^ndots:(\d+)$/.exec(option);
    if (m) ndots = Math.min(Number(m[1]), RES_MAXNDOTS);
  }
  return {
    nameservers: config.servers.slice(0, 3),
    searches: config.searches,
    ndots,
    edns0: names.has('edns0'),
    singleRequest: names.has('single-request') || names.has('single-request-reopen'),
    noTldQuery: names.has('no-tld-query'),
    useVc: names.has('use-vc'),
    ignoreTc: names.has('igntc'),
  };
}
