import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScenario, compileKubeProxy } from '../index.ts';
import { OWN_CASES } from './test-support/fixtures.ts';

/**
 * Our own golden cases, beyond the real kube-proxy fixtures: `golden/iptables/NAME.yaml` in,
 * `golden/iptables/NAME.expected` out — kube-proxy's restore text for every node of the scenario
 * under each version profile, one `### NODE VERSION` section each. Versions: the `# versions:`
 * line of the case, else v1.26.0 (held byte-identical to real kube-proxy by the fixtures) and
 * v1.34.0 (the newest modelled). Accept a change with
 * `npx vitest run -u src/core/kube-proxy/golden.test.ts`, then read the diff.
 */

const DEFAULT_VERSIONS = ['v1.26.0', 'v1.34.0'];

function versionsOf(yaml: string): string[] {
  const line = /^# versions: (.+)$/m.exec(yaml);
  return line?.[1] ? line[1].trim().split(/\s+/) : DEFAULT_VERSIONS;
}

function expectedText(yaml: string): string {
  const sections: string[] = [];
  for (const version of versionsOf(yaml)) {
    const applied = applyScenario(yaml, { kubernetesVersion: version });
    // Objects the API server of that version rejects are left out, as `kubectl apply` would.
    for (const d of applied.diagnostics.filter((x) => x.severity === 'error')) {
      sections.push(`### ${version} rejects: ${d.message}\n`);
    }
    for (const node of applied.cluster.nodes) {
      const name = node.metadata.name ?? '';
      const result = compileKubeProxy(applied.cluster, { node: name });
      const text = result.ok
        ? result.value.restoreText
        : `${result.diagnostics.map((d) => d.message).join('\n')}\n`;
      sections.push(`### ${name} ${version}\n${text}`);
    }
  }
  return sections.join('\n');
}

const cases = readdirSync(OWN_CASES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

describe('golden/iptables cases', () => {
  it.each(cases)('%s', async (name) => {
    const yaml = readFileSync(join(OWN_CASES, `${name}.yaml`), 'utf8');
    await expect(expectedText(yaml)).toMatchFileSnapshot(join(OWN_CASES, `${name}.expected`));
  });
});
