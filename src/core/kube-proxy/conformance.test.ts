import { describe, expect, it } from 'vitest';
import { applyScenario, compileKubeProxy, printRestore } from '../index.ts';
import { kubeProxyFixtures } from './test-support/fixtures.ts';

// Real kube-proxy 1.26 output (golden/kube-proxy-v1.26): the restore text must be byte-identical,
// both as the compiler's own text and as printed back from the IR.
describe('kube-proxy 1.26 conformance fixtures', () => {
  it.each(kubeProxyFixtures().map((f) => [`${f.scenario} on ${f.node}`, f] as const))(
    '%s is byte-identical',
    (_name, f) => {
      const applied = applyScenario(f.yaml);
      const result = compileKubeProxy(applied.cluster, { node: f.node });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.profile.label).toBe('v1.26');
      expect(result.value.restoreText).toBe(f.expected);
      expect(printRestore(result.value.ruleset)).toBe(f.expected);
    },
  );
});
