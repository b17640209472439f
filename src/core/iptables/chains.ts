import type { Rule, Table } from './types.ts';

/**
 * Rules grouped by chain, each in evaluation order (the order they were appended).
 * The packet interpreter walks a chain with this; the save printer lists chains with it.
 */
export function rulesByChain(table: Table): ReadonlyMap<string, readonly Rule[]> {
  const map = new Map<string, Rule[]>();
  for (const chain of table.chains) map.set(chain.name, []);
  for (const rule of table.rules) {
    let list = map.get(rule.chain);
    if (!list) {
      list = [];
      map.set(rule.chain, list);
    }
    list.push(rule);
  }
  return map;
}

/** One chain's rules in evaluation order (empty for an unknown chain). */
export function chainRules(table: Table, chain: string): readonly Rule[] {
  return table.rules.filter((r) => r.chain === chain);
}
