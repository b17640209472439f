import type { Row } from './harness.ts';

/** The bench's output: one aligned text table per section. */

const HEADER = ['what', 'n', 'median ms', 'cpu ms', 'runs', 'heap MB'] as const;

function milliseconds(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

function cells(row: Row): string[] {
  return [
    row.what,
    row.n.toLocaleString('en-US'),
    milliseconds(row.ms),
    milliseconds(row.cpuMs),
    String(row.runs),
    row.heapMB === null ? '-' : row.heapMB.toFixed(1),
  ];
}

export function formatTable(rows: readonly Row[]): string {
  const all = [[...HEADER], ...rows.map(cells)];
  const widths = HEADER.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0] ?? []), rule, ...all.slice(1).map(line)].join('\n');
}
