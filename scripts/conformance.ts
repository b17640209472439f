/**
 * `npm run conformance`: runs every kube-proxy fixture (golden/kube-proxy-v1.26/NAME.NODE.golden,
 * real kube-proxy 1.26 output for NAME.yaml on NODE) through the CLI's own code path
 * (`svclab iptables NAME.yaml --node NODE --format restore`) and compares byte for byte.
 * Prints `N/M byte-identical` and a unified diff of the first mismatch; exits 1 unless all match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';

const DIR = join(import.meta.dirname, '..', 'golden', 'kube-proxy-v1.26');

/** A unified diff of two texts (LCS over lines; fixtures are small). */
function unifiedDiff(expected: string, actual: string, nameA: string, nameB: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        a[i] === b[j]
          ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: Array<{ op: ' ' | '-' | '+'; line: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ op: ' ', line: a[i++] ?? '' });
      j++;
    } else if (
      i < a.length &&
      (j >= b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))
    ) {
      ops.push({ op: '-', line: a[i++] ?? '' });
    } else {
      ops.push({ op: '+', line: b[j++] ?? '' });
    }
  }
  const out = [`--- ${nameA}`, `+++ ${nameB}`];
  const context = 3;
  for (let k = 0; k < ops.length; k++) {
    if (ops[k]?.op === ' ') continue;
    const start = Math.max(0, k - context);
    let end = k;
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && ops[next]?.op === ' ') next++;
      if (next >= ops.length || next - end > 2 * context) break;
      end = next + 1;
    }
    end = Math.min(ops.length, end + context);
    const oldStart = ops.slice(0, start).filter((o) => o.op !== '+').length + 1;
    const newStart = ops.slice(0, start).filter((o) => o.op !== '-').length + 1;
    const hunk = ops.slice(start, end);
    out.push(
      `@@ -${oldStart},${hunk.filter((o) => o.op !== '+').length} +${newStart},${hunk.filter((o) => o.op !== '-').length} @@`,
    );
    for (const o of hunk) out.push(`${o.op}${o.line}`);
    k = end - 1;
  }
  return `${out.join('\n')}\n`;
}

async function main(): Promise<number> {
  const goldens = readdirSync(DIR)
    .filter((f) => f.endsWith('.golden'))
    .sort();
  let identical = 0;
  let firstDiff: string | null = null;
  for (const golden of goldens) {
    const [scenario, node] = golden.split('.');
    const yamlPath = join(DIR, `${scenario}.yaml`);
    let out = '';
    let err = '';
    const code = await runCli(['iptables', yamlPath, '--node', node ?? '', '--format', 'restore'], {
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
      readFile: (p) => {
        try {
          return readFileSync(p, 'utf8');
        } catch {
          return null;
        }
      },
    });
    const expected = readFileSync(join(DIR, golden), 'utf8');
    if (code === 0 && out === expected) {
      identical++;
      continue;
    }
    process.stdout.write(
      `MISMATCH ${golden}${code === 0 ? '' : ` (exit ${code}: ${err.trim()})`}\n`,
    );
    firstDiff ??= unifiedDiff(expected, out, `${golden} (kube-proxy 1.26)`, `svclab iptables`);
  }
  process.stdout.write(`${identical}/${goldens.length} byte-identical\n`);
  if (firstDiff) process.stdout.write(`\nfirst mismatch:\n${firstDiff}`);
  return identical === goldens.length ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
