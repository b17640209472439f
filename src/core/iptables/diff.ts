import { restoreRule } from './restore.ts';
import type { Rule, Ruleset, TableName } from './types.ts';

/**
 * What an edit changed: the rules and chains in `after` but not in `before` and the reverse,
 * matched by rule id (table + rule text), so a rule that only moved is not reported. For the UI's
 * live diff: light up `added`, fade out `removed`.
 */
export interface RuleChange {
  readonly table: TableName;
  readonly rule: Rule;
}

export interface ChainChange {
  readonly table: TableName;
  readonly chain: string;
}

export interface RulesetDiff {
  readonly added: readonly RuleChange[];
  readonly removed: readonly RuleChange[];
  readonly chainsAdded: readonly ChainChange[];
  readonly chainsRemoved: readonly ChainChange[];
}

function ruleIndex(rs: Ruleset): Map<string, RuleChange> {
  const map = new Map<string, RuleChange>();
  for (const table of rs.tables) {
    for (const rule of table.rules) map.set(rule.id, { table: table.name, rule });
  }
  return map;
}

function chainIndex(rs: Ruleset): Map<string, ChainChange> {
  const map = new Map<string, ChainChange>();
  for (const table of rs.tables) {
    for (const c of table.chains)
      map.set(`${table.name}:${c.name}`, { table: table.name, chain: c.name });
  }
  return map;
}

function minus<T>(a: Map<string, T>, b: Map<string, T>): T[] {
  const out: T[] = [];
  for (const [k, v] of a) if (!b.has(k)) out.push(v);
  return out;
}

export function diffRulesets(before: Ruleset, after: Ruleset): RulesetDiff {
  const rb = ruleIndex(before);
  const ra = ruleIndex(after);
  const cb = chainIndex(before);
  const ca = chainIndex(after);
  return {
    added: minus(ra, rb),
    removed: minus(rb, ra),
    chainsAdded: minus(ca, cb),
    chainsRemoved: minus(cb, ca),
  };
}

/** The diff as text: `-`/`+` then the table and the rule as kube-proxy writes it. */
export function printDiff(diff: RulesetDiff): string {
  const lines: string[] = [];
  for (const c of diff.chainsRemoved) lines.push(`- ${c.table} :${c.chain}`);
  for (const c of diff.chainsAdded) lines.push(`+ ${c.table} :${c.chain}`);
  for (const r of diff.removed) lines.push(`- ${r.table} ${restoreRule(r.rule)}`);
  for (const r of diff.added) lines.push(`+ ${r.table} ${restoreRule(r.rule)}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
