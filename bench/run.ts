import { heapUsedMB, type Row, type Section } from './harness.ts';
import { browserSection } from './sections/browser.ts';
import { kubeProxySection } from './sections/kube-proxy.ts';
import { traceSection } from './sections/trace.ts';
import { formatTable } from './table.ts';

/**
 * `npm run bench [-- SECTION...]`: prints speed and memory figures, never asserts.
 *
 * To add a section: write `bench/sections/NAME.ts` exporting a `Section` (see harness.ts: a name,
 * a title, and `run(report)` that calls `measure(...)` per case and reports each row), then add
 * it to SECTIONS below. Scenario builders shared between sections live in `bench/scenarios/`.
 */
const SECTIONS: readonly Section[] = [kubeProxySection, traceSection, browserSection];

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((a) => !SECTIONS.some((s) => s.name === a));
  if (unknown.length > 0) {
    console.error(
      `unknown section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`,
    );
    return 2;
  }
  const chosen = argv.length === 0 ? SECTIONS : SECTIONS.filter((s) => argv.includes(s.name));
  console.log(
    `node ${process.version}, ${process.arch}; times are medians (wall clock, and the process's CPU time); heap MB is what one run's result keeps alive after GC`,
  );
  console.log(`heap used at start: ${heapUsedMB().toFixed(1)} MB\n`);
  for (const section of chosen) {
    console.log(`## ${section.title}`);
    const rows: Row[] = [];
    await section.run((row) => {
      rows.push(row);
      process.stderr.write(`  ${row.what} (n=${row.n}): ${row.ms.toFixed(1)} ms\n`);
    });
    console.log(`${formatTable(rows)}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
