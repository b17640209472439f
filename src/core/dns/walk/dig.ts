/**
 * `dig +search` (BIND 9.18 bin/dig/dighost.c `setup_lookup`, `next_origin`, `recv_done`): dig
 * reads the same resolv.conf (its `search` list, at most 8 domains, and `options ndots`; `+ndots`
 * overrides) but walks it differently from glibc:
 *
 * - a name with at least `ndots` dots, or ending in a dot, is sent once, as is: no search after;
 * - otherwise each search domain in order, then the name as is;
 * - only NXDOMAIN moves on. NODATA ends the walk (glibc would go on), so on the same resolv.conf
 *   dig and a program in the pod can end on different names;
 * - one query type per name, the one asked for.
 *
 * Without `+search` dig sends exactly the name typed (made absolute).
 */
import { DIG_MAX_SEARCH } from '../resolv/settings.ts';
import {
  type Ask,
  addressesOf,
  candidate,
  countDots,
  outcomeOf,
  type SearchWalk,
  type WalkStep,
} from './types.ts';

export interface DigWalkInput {
  readonly name: string;
  readonly type: number;
  readonly search: boolean;
  readonly searches: readonly string[];
  readonly ndots: number;
  /** `+tcp`. A truncated UDP reply's TCP retry is dig's own business (see `runDig`). */
  readonly tcp?: boolean;
  readonly ask: Ask;
}

/** The names dig would try, in order, before seeing any answer. */
export function digCandidates(input: Omit<DigWalkInput, 'ask' | 'type'>): (string | null)[] {
  const { name, search, ndots } = input;
  const searches = input.searches.slice(0, DIG_MAX_SEARCH);
  if (!search || name.endsWith('.') || countDots(name) >= ndots || searches.length === 0) {
    return [null];
  }
  return [...searches, null];
}

/**
 * dig prints its footer twice when `+search` sent the name as is because it had at least `ndots`
 * dots (or ended in a dot and still had that many) and the answer was NXDOMAIN.
 */
export function digRepeatsFooter(walk: SearchWalk, search: boolean): boolean {
  return search && walk.result === 'nxdomain' && walk.dots >= walk.ndots;
}

export function digWalk(input: DigWalkInput): SearchWalk {
  const suffixes = digCandidates(input);
  const steps: WalkStep[] = [];
  for (const [i, suffix] of suffixes.entries()) {
    const name = candidate(input.name, suffix);
    const transport = input.tcp ? ('tcp' as const) : ('udp' as const);
    const exchange = input.ask(name, input.type, i, transport);
    const outcome = outcomeOf(exchange.response);
    const stops = outcome !== 'nxdomain' || i === suffixes.length - 1;
    steps.push({
      name,
      suffix,
      queries: [{ type: input.type, transport, exchange, outcome }],
      outcome,
      stops,
    });
    if (stops) break;
  }
  const last = steps[steps.length - 1];
  return {
    resolver: 'dig',
    input: input.name,
    ndots: input.ndots,
    dots: countDots(input.name),
    absolute: input.name.endsWith('.'),
    hosts: [],
    steps,
    result: last?.outcome ?? 'error',
    answeredName: last && last.outcome === 'answer' ? last.name : null,
    addresses: last ? addressesOf(last.queries) : [],
  };
}
