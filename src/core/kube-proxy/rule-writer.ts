import { restoreChainLine, restoreRule } from '../iptables/restore.ts';
import type { Chain, Match, Provenance, Rule, TableName, Target } from '../iptables/types.ts';

/**
 * kube-proxy's LineBuffer, typed: rules are appended in write order, each with its restore line
 * (kept for printing and as the rule's stable id). Mirrors proxier.filterRules / natRules.
 */
export class RuleWriter {
  readonly rules: Rule[] = [];
  readonly lines: string[] = [];
  private seen: Map<string, number> | null = null;
  private joined: string | null = null;

  constructor(readonly table: TableName) {}

  write(chain: string, matches: readonly Match[], target: Target, provenance: Provenance): void {
    const line = restoreRule({ chain, matches, target });
    let id = `${this.table}:${line}`;
    this.seen ??= new Map();
    const n = (this.seen.get(line) ?? 0) + 1;
    this.seen.set(line, n);
    if (n > 1) id += `#${n}`;
    this.rules.push({ id, chain, matches, target, provenance });
    this.lines.push(line);
    this.joined = null;
  }

  /** The lines as restore text (kept: a cached block is printed again on every compilation). */
  text(): string {
    this.joined ??= this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
    return this.joined;
  }
}

/** kube-proxy's chain LineBuffer. */
export class ChainWriter {
  readonly chains: Chain[] = [];
  private joined: string | null = null;

  write(name: string): void {
    this.chains.push({ name, policy: null });
    this.joined = null;
  }

  text(): string {
    this.joined ??=
      this.chains.length === 0
        ? ''
        : `${this.chains.map((c) => restoreChainLine(c.name)).join('\n')}\n`;
    return this.joined;
  }
}
