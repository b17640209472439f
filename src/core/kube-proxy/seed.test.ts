import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScenario, compileKubeProxy, nodeRuleset, printSave } from '../index.ts';
import { readGolden } from './test-support/fixtures.ts';

/**
 * The seed blog post (golden/seed/) shows ten lines of a real node's `iptables-save` for the nginx
 * Service. The app's seed scenario must print them on both nodes. The blog's kube-proxy predates
 * the endpoint in the SVC→SEP comment (`"ns/svc:port -> ip:port"` in every version modelled,
 * 1.26 to 1.34, reference §5.3), so those three lines are compared with it taken out; all else,
 * probabilities as the kernel keeps them included, must be identical.
 */

const blog = readGolden('seed', 'seed-kubernetes-service-blog.txt');
const blogLines = blog
  .split('\n')
  .flatMap((l) => l.split(/(?=-A KUBE-)/).slice(1))
  .map((s) => (s.split('//')[0] ?? '').trim());

const seed = readFileSync(
  join(import.meta.dirname, '..', '..', 'examples', 'seed-nginx.yaml'),
  'utf8',
);

describe('the seed blog post lines', () => {
  it('are ten rules of the nginx Service', () => {
    expect(blogLines).toHaveLength(10);
    expect(blogLines.filter((l) => l.includes('--probability'))).toHaveLength(2);
  });

  it.each(['node1', 'node2'])('all appear in the save output on %s', (node) => {
    const applied = applyScenario(seed);
    const result = compileKubeProxy(applied.cluster, { node });
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    const save = printSave(nodeRuleset(result.value)).split('\n');
    const withoutEndpoint = save.map((l) => l.replace(/ -> [\d.]+:\d+"/, '"'));
    for (const line of blogLines) {
      if (/^-A KUBE-SVC-\S+ -m comment/.test(line)) expect(withoutEndpoint).toContain(line);
      else expect(save).toContain(line);
    }
    expect(save).toContain(
      '-A KUBE-SVC-ZUZW5FVTOFNMWE2A -m comment --comment "default/nginx:xsp7pg -> 10.244.1.14:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-SX3FZRKWG23D4ARR',
    );
  });
});
