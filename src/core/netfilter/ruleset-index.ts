/**
 * A node's netfilter as the interpreter reads it: each table's chains with their rules in
 * evaluation order, built once per ruleset, plus who wrote each rule (kube-proxy or the CNI).
 */
import { saveRuleLine } from '../iptables/save.ts';
import type { Rule, Ruleset, TableName } from '../iptables/types.ts';

/** Who installed a rule: kube-proxy's rules are what the Rules view shows; the CNI's are extra. */
export type RuleOwner = 'kube-proxy' | 'flannel';

export interface IndexedChain {
  readonly name: string;
  readonly policy: 'ACCEPT' | 'DROP' | null;
  readonly rules: readonly Rule[];
}

export interface IndexedTable {
  readonly name: TableName;
  readonly chains: ReadonlyMap<string, IndexedChain>;
}

export interface NodeNetfilter {
  readonly node: string;
  readonly tables: ReadonlyMap<TableName, IndexedTable>;
  /** 1-based position of each rule in its chain, as `iptables -L --line-numbers` counts. */
  readonly position: (rule: Rule) => number;
  /** The rule as `iptables-save` prints it (what the Rules view shows). */
  readonly text: (rule: Rule) => string;
  readonly owner: (rule: Rule) => RuleOwner;
}

/**
 * Indexes kube-proxy's node ruleset and the CNI's rules into one netfilter. The CNI's rules are
 * appended to the chains they share (flannel appends with `-A`; kube-proxy inserts its jumps at
 * position 1), so kube-proxy's positions are those the Rules view shows.
 */
export function indexNetfilter(node: string, kubeProxy: Ruleset, cni: Ruleset): NodeNetfilter {
  const tables = new Map<TableName, IndexedTable>();
  const position = new Map<Rule, number>();
  const cniRules = new Set<Rule>();
  const add = (rs: Ruleset, fromCni: boolean) => {
    for (const t of rs.tables) {
      let table = tables.get(t.name);
      if (!table) {
        table = { name: t.name, chains: new Map() };
        tables.set(t.name, table);
      }
      const chains = table.chains as Map<string, IndexedChain>;
      for (const c of t.chains) {
        if (!chains.has(c.name)) chains.set(c.name, { name: c.name, policy: c.policy, rules: [] });
      }
      for (const r of t.rules) {
        let chain = chains.get(r.chain);
        if (!chain) {
          chain = { name: r.chain, policy: null, rules: [] };
          chains.set(r.chain, chain);
        }
        (chain.rules as Rule[]).push(r);
        position.set(r, chain.rules.length);
        if (fromCni) cniRules.add(r);
      }
    }
  };
  add(kubeProxy, false);
  add(cni, true);
  const texts = new Map<Rule, string>();
  return {
    node,
    tables,
    position: (r) => position.get(r) ?? 0,
    text: (r) => {
      let t = texts.get(r);
      if (t === undefined) {
        t = saveRuleLine(r);
        texts.set(r, t);
      }
      return t;
    },
    owner: (r) => (cniRules.has(r) ? 'flannel' : 'kube-proxy'),
  };
}
