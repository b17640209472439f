/**
 * How each `-m statistic --mode random` draw is decided: by a seeded draw exactly as the kernel
 * compares (`(random & 0x7fffffff) < round(P * 2^31)`), forced towards a named endpoint, or from
 * a list of decisions while the distribution is enumerated.
 */
import { kernelProbabilityUnits } from '../iptables/probability.ts';
import type { Rule } from '../iptables/types.ts';
import type { NodeNetfilter } from '../netfilter/ruleset-index.ts';
import type { TraceWorld } from './world.ts';

export type StatisticChooser = (node: string, rule: Rule, probability: string) => boolean;

export const TWO_POW_31 = 0x80000000;

/** The probability the kernel really applies for a written one (0.3333333333 → 715827883/2^31). */
export function kernelProbability(written: string): number {
  return kernelProbabilityUnits(written) / TWO_POW_31;
}

export function seededChooser(draw: () => number): StatisticChooser {
  return (_node, _rule, p) => (draw() & 0x7fffffff) < kernelProbabilityUnits(p);
}

/** Takes a statistic rule only if its jump leads to a DNAT to `endpoint` (`ip:port`). */
export function forcedChooser(world: TraceWorld, endpoint: string): StatisticChooser {
  const memo = new Map<string, boolean>();
  return (node, rule) => {
    const nf = world.netfilter(node);
    if (!nf || rule.target.kind !== 'jump') return false;
    return reaches(nf, rule.target.chain, endpoint, memo, node, 0);
  };
}

function reaches(
  nf: NodeNetfilter,
  chain: string,
  endpoint: string,
  memo: Map<string, boolean>,
  node: string,
  depth: number,
): boolean {
  const key = `${node}/${chain}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (depth > 16) return false;
  memo.set(key, false);
  const rules = nf.tables.get('nat')?.chains.get(chain)?.rules ?? [];
  const found = rules.some((r) =>
    r.target.kind === 'DNAT'
      ? `${r.target.ip}:${r.target.port}` === endpoint
      : r.target.kind === 'jump' && reaches(nf, r.target.chain, endpoint, memo, node, depth + 1),
  );
  memo.set(key, found);
  return found;
}

/**
 * Replays a list of decisions, then answers "no" to every further draw while recording the
 * probability of each new branch point, so that every path can be enumerated once.
 */
export class DecisionChooser {
  readonly branches: number[] = [];
  private index = 0;
  probability = 1;

  constructor(private readonly prefix: readonly boolean[]) {}

  readonly choose: StatisticChooser = (_node, _rule, written) => {
    const p = kernelProbability(written);
    const i = this.index++;
    const take = i < this.prefix.length ? (this.prefix[i] as boolean) : false;
    if (i >= this.prefix.length) this.branches.push(i);
    this.probability *= take ? p : 1 - p;
    return take;
  };

  decisions(): boolean[] {
    const out = [...this.prefix];
    while (out.length < this.index) out.push(false);
    return out;
  }
}
