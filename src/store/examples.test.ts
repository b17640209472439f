import { describe, expect, it } from 'vitest';
import { applyScenario, hasErrors } from '../core/index.ts';
import { EXAMPLES, SEED_EXAMPLE_ID } from './examples.ts';

describe('the Examples menu', () => {
  it('opens with the seed and offers every Service feature the issue lists', () => {
    expect(EXAMPLES[0]?.id).toBe(SEED_EXAMPLE_ID);
    expect(EXAMPLES.map((e) => e.id)).toEqual([
      'seed-nginx',
      'nodeport',
      'headless-dig',
      'loadbalancer-source-ranges',
      'externalname',
      'external-traffic-local',
      'session-affinity',
      'pod-not-ready',
    ]);
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s applies with no errors', (_id, example) => {
    const applied = applyScenario(example.text);
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(hasErrors(applied.diagnostics)).toBe(false);
    expect(applied.cluster.services.length).toBeGreaterThan(0);
  });

  it('titles each example by its first comment line', () => {
    for (const e of EXAMPLES) expect(e.title).not.toMatch(/^#|\n/);
    expect(EXAMPLES[0]?.title).toBe(
      "Seed: ClusterIP nginx, 3 Pods on 2 nodes (the blog post's cluster)",
    );
  });
});
