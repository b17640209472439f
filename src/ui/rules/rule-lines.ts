/**
 * The Rules view's lines: the core's printed text (`iptables-save` or kube-proxy's restore
 * input), split into lines and tied back to the rule IR so each `-A` line knows its rule id and
 * provenance. Nothing is printed here: the text is the core's, byte for byte.
 *
 * Tying lines to rules: within one chain, both printers write a chain's rules in evaluation
 * order, so the k-th `-A CHAIN` line of a table is the k-th rule of CHAIN in that table. When the
 * counts differ (a printer adds lines the IR does not hold), that chain's lines stay untied
 * rather than being tied wrongly.
 */

/** The subset of the core's rule IR this view reads (src/core/iptables/types.ts). */
export interface RuleLike {
  readonly id: string;
  readonly chain: string;
  readonly provenance: {
    readonly sources: readonly { readonly object: string; readonly field?: string }[];
    readonly sentence: string;
  };
}
export interface RulesetLike {
  readonly tables: readonly { readonly name: string; readonly rules: readonly RuleLike[] }[];
}

export type LineKind = 'table' | 'chain' | 'rule' | 'commit' | 'comment' | 'other';

export interface RuleLine {
  readonly text: string;
  readonly kind: LineKind;
  readonly table: string;
  /** The chain declared (`:X`) or appended to (`-A X`). */
  readonly chain: string | null;
  readonly rule: RuleLike | null;
  /** Chain names this line mentions after `-j`/`-g`, for click-to-jump. */
  readonly jumpsTo: string | null;
}

function kindOf(line: string): LineKind {
  if (line.startsWith('*')) return 'table';
  if (line.startsWith(':')) return 'chain';
  if (line.startsWith('-A ') || line.startsWith('-I ')) return 'rule';
  if (line === 'COMMIT') return 'commit';
  if (line.startsWith('#')) return 'comment';
  return 'other';
}

function chainOf(line: string, kind: LineKind): string | null {
  if (kind === 'chain') return line.slice(1).split(' ', 1)[0] ?? null;
  if (kind === 'rule') return line.split(' ', 3)[1] ?? null;
  return null;
}

function jumpOf(line: string): string | null {
  const m = / -[jg] (\S+)/.exec(line);
  return m?.[1] ?? null;
}

export function toRuleLines(text: string, ruleset: RulesetLike | null): RuleLine[] {
  const raw = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = raw === '' ? [] : raw.split('\n');
  // Rules of each (table, chain) in evaluation order.
  const byChain = new Map<string, RuleLike[]>();
  for (const t of ruleset?.tables ?? [])
    for (const r of t.rules) {
      const k = `${t.name}|${r.chain}`;
      byChain.set(k, [...(byChain.get(k) ?? []), r]);
    }
  // Count the printed lines per chain first, so a mismatch leaves the chain untied.
  const printed = new Map<string, number>();
  let table = '';
  for (const line of lines) {
    const kind = kindOf(line);
    if (kind === 'table') table = line.slice(1);
    if (kind === 'rule') {
      const k = `${table}|${chainOf(line, kind)}`;
      printed.set(k, (printed.get(k) ?? 0) + 1);
    }
  }
  const seen = new Map<string, number>();
  table = '';
  return lines.map((line) => {
    const kind = kindOf(line);
    if (kind === 'table') table = line.slice(1);
    const chain = chainOf(line, kind);
    let rule: RuleLike | null = null;
    if (kind === 'rule') {
      const k = `${table}|${chain}`;
      const i = seen.get(k) ?? 0;
      seen.set(k, i + 1);
      const rules = byChain.get(k);
      if (rules && rules.length === printed.get(k)) rule = rules[i] ?? null;
    }
    return { text: line, kind, table, chain, rule, jumpsTo: kind === 'rule' ? jumpOf(line) : null };
  });
}

/** KUBE-* chain kinds, coloured differently in the view. */
export function chainKind(name: string): string {
  const m = /^KUBE-(SVC|SVL|EXT|FW|SEP|XLB)-/.exec(name);
  if (m) return (m[1] ?? '').toLowerCase();
  if (name.startsWith('KUBE-')) return 'kube';
  return 'builtin';
}

export interface DiffMark {
  /** Indices of the lines present now and not before. */
  readonly added: ReadonlySet<number>;
  /** Lines present before and not now, each placed after the line it followed. */
  readonly removed: readonly { readonly text: string; readonly after: number }[];
}

/**
 * Which lines appeared and vanished between two printouts of the same node. iptables-save text
 * has no counters in our output, so a line's text is its identity; a repeated identical line is
 * told apart by its occurrence number.
 */
export function diffLines(before: readonly string[], after: readonly string[]): DiffMark {
  const key = (lines: readonly string[]) => {
    const n = new Map<string, number>();
    return lines.map((l) => {
      const i = (n.get(l) ?? 0) + 1;
      n.set(l, i);
      return `${i}\u0000${l}`;
    });
  };
  const kb = key(before);
  const ka = key(after);
  const inBefore = new Set(kb);
  const inAfter = new Set(ka);
  const added = new Set<number>();
  ka.forEach((k, i) => {
    if (!inBefore.has(k)) added.add(i);
  });
  // Place each removed line after the nearest kept line that preceded it in the old text.
  const indexInAfter = new Map(ka.map((k, i) => [k, i]));
  const removed: { text: string; after: number }[] = [];
  let anchor = -1;
  kb.forEach((k, i) => {
    const j = indexInAfter.get(k);
    if (j !== undefined) anchor = j;
    else if (!inAfter.has(k)) removed.push({ text: before[i] ?? '', after: anchor });
  });
  return { added, removed };
}
