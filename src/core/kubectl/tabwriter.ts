/**
 * Go's text/tabwriter, as kubectl configures it: cells end at `\t`, a column is as wide as its
 * widest cell plus `padding` (at least `minwidth`), the last cell of a line is not part of any
 * column, and columns are aligned per block of consecutive lines that have that column.
 * `kubectl get` uses minwidth 6, padding 3; `kubectl describe` minwidth 0, padding 2.
 */
export interface TabwriterOptions {
  readonly minwidth: number;
  readonly padding: number;
}

/** Display width: kubectl tables count runes (utf8.RuneCountInString). */
function width(s: string): number {
  return [...s].length;
}

export function tabwrite(text: string, opts: TabwriterOptions): string {
  const hasNewline = text.endsWith('\n');
  const lines = (hasNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  // widths[line][col] for tab-terminated cells (every cell but the last).
  const colWidth: number[][] = lines.map((cells) => cells.slice(0, -1).map(() => 0));
  const format = (start: number, end: number, col: number) => {
    // Lines [start, end) all have a terminated cell at `col`; split into blocks recursively.
    let w = opts.minwidth;
    for (let i = start; i < end; i++) {
      const cell = lines[i]?.[col] ?? '';
      w = Math.max(w, width(cell) + opts.padding);
    }
    for (let i = start; i < end; i++) {
      const row = colWidth[i];
      if (row) row[col] = w;
    }
    let i = start;
    while (i < end) {
      if ((lines[i]?.length ?? 0) - 1 > col + 1) {
        let j = i;
        while (j < end && (lines[j]?.length ?? 0) - 1 > col + 1) j++;
        format(i, j, col + 1);
        i = j;
      } else i++;
    }
  };
  let i = 0;
  while (i < lines.length) {
    if ((lines[i]?.length ?? 0) > 1) {
      let j = i;
      while (j < lines.length && (lines[j]?.length ?? 0) > 1) j++;
      format(i, j, 0);
      i = j;
    } else i++;
  }
  const out = lines.map((cells, li) =>
    cells
      .map((cell, ci) => {
        if (ci === cells.length - 1) return cell;
        const w = colWidth[li]?.[ci] ?? 0;
        return cell + ' '.repeat(Math.max(0, w - width(cell)));
      })
      .join(''),
  );
  return out.join('\n') + (hasNewline ? '\n' : '');
}

/** Rows of cells → a kubectl table (header row first). */
export function table(rows: readonly (readonly string[])[]): string {
  return tabwrite(`${rows.map((r) => r.join('\t')).join('\n')}\n`, { minwidth: 6, padding: 3 });
}
