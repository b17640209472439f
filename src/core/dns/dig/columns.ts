/**
 * BIND's master-file column layout, as dig prints records: owner, then TTL at column 24, class at
 * 32, type at 40 and rdata at 48, tab width 8 (lib/dns/masterdump.c `indent()`): to reach a
 * column, go at least one past the current one; emit one tab per tab stop crossed and then spaces
 * for the rest, or only spaces when no tab stop is crossed.
 */
const TAB = 8;

export function indent(current: number, to: number): { text: string; column: number } {
  const target = Math.max(to, current + 1);
  const tabs = Math.max(0, Math.floor(target / TAB) - Math.floor(current / TAB));
  const spaces = tabs > 0 ? target % TAB : target - current;
  return { text: '\t'.repeat(tabs) + ' '.repeat(spaces), column: target };
}

/** Lays out fields at the given columns, starting at column `start`. */
export function columns(fields: readonly string[], stops: readonly number[], start = 0): string {
  let out = '';
  let column = start;
  fields.forEach((field, i) => {
    if (i > 0) {
      const step = indent(column, stops[i - 1] ?? column + 1);
      out += step.text;
      column = step.column;
    }
    out += field;
    column += field.length;
  });
  return out;
}

/** A record line: owner, TTL, class, type, rdata. */
export function recordLine(owner: string, ttl: string, klass: string, type: string, rdata: string) {
  return columns([owner, ttl, klass, type, rdata], [24, 32, 40, 48]);
}

/** A question line: `;` + owner, class at 32, type at 40; the `;` does not count as a column. */
export function questionLine(owner: string, klass: string, type: string): string {
  return `;${columns([owner, klass, type], [32, 40])}`;
}
