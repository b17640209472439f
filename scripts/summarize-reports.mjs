// CI's test counter does not read Vitest or Playwright output, so print one plain line per suite
// from their JSON reports: "unit: N passed, N failed" and "e2e: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const unit = read('reports/unit.json');
if (unit) {
  const skipped = unit.numPendingTests + (unit.numTodoTests ?? 0);
  console.log(
    `unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
} else {
  console.log('unit: 0 passed, 1 failed');
}
const e2e = read('reports/e2e.json');
if (e2e) {
  const { expected, unexpected, flaky, skipped } = e2e.stats;
  console.log(
    `e2e: ${expected + flaky} passed, ${unexpected} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
} else {
  console.log('e2e: 0 passed, 1 failed');
}
