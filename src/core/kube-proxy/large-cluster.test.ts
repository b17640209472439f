import { describe, expect, it } from 'vitest';
import { applyScenario, compileKubeProxy, LARGE_CLUSTER_ENDPOINTS_THRESHOLD } from '../index.ts';

/**
 * Large-cluster mode (proxier.go: `largeClusterMode = totalEndpoints > 1000`, counting every
 * endpoint of every proxied service port, ready or not): appendServiceCommentLocked drops the
 * comment from SVC→SEP rules (affinity ones included) and from both SEP rules; every other
 * comment stays.
 */

function scenario(endpoints: number, options: { notReady?: number; affinity?: boolean } = {}) {
  const docs = [
    'apiVersion: v1\nkind: Node\nmetadata:\n  name: node1\nstatus:\n  addresses:\n  - type: InternalIP\n    address: 172.18.0.3',
    `apiVersion: v1
kind: Service
metadata:
  name: big
  namespace: default
spec:
  clusterIP: 10.100.90.1
${options.affinity ? '  sessionAffinity: ClientIP\n' : ''}  ports:
  - name: http
    port: 80
    targetPort: 8080`,
  ];
  // EndpointSlices hold at most 1000 endpoints: 500 per slice.
  for (let start = 0; start < endpoints; start += 500) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(endpoints, start + 500); i++) {
      const ready = i >= endpoints - (options.notReady ?? 0) ? 'false' : 'true';
      lines.push(
        `- addresses:\n  - 10.244.${(i >> 8) + 1}.${i & 255}\n  conditions:\n    ready: ${ready}\n  nodeName: node1`,
      );
    }
    docs.push(`apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: big-${start}
  namespace: default
  labels:
    kubernetes.io/service-name: big
addressType: IPv4
ports:
- name: http
  port: 8080
  protocol: TCP
endpoints:
${lines.join('\n')}`);
  }
  const applied = applyScenario(docs.join('\n---\n'));
  expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const result = compileKubeProxy(applied.cluster, { node: 'node1' });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.value;
}

const endpointRules = (text: string) =>
  text.split('\n').filter((l) => /^-A KUBE-(SVC|SEP)-/.test(l) && !l.includes('cluster IP'));

describe('large-cluster mode', () => {
  it('is off at exactly 1000 endpoints: every SVC→SEP and SEP rule keeps its comment', () => {
    const rules = scenario(LARGE_CLUSTER_ENDPOINTS_THRESHOLD);
    expect(rules.largeClusterMode).toBe(false);
    const lines = endpointRules(rules.restoreText);
    expect(lines).toHaveLength(3000);
    expect(lines.every((l) => l.includes('-m comment --comment'))).toBe(true);
  });

  it('is on above 1000: SVC→SEP and SEP rules lose the comment, other comments stay', () => {
    const rules = scenario(1001);
    expect(rules.largeClusterMode).toBe(true);
    const text = rules.restoreText;
    const lines = endpointRules(text);
    expect(lines).toHaveLength(3003);
    expect(lines.filter((l) => l.includes('-m comment'))).toEqual([]);
    expect(text).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/big:http cluster IP" -m tcp -p tcp -d 10.100.90.1 --dport 80 -j KUBE-SVC-',
    );
    expect(text).toMatch(
      /^-A KUBE-SVC-\w+ -m comment --comment "default\/big:http cluster IP" .* ! -s 10\.244\.0\.0\/16 -j KUBE-MARK-MASQ$/m,
    );
    expect(text).toMatch(/^-A KUBE-SEP-\w+ -s 10\.244\.1\.0 -j KUBE-MARK-MASQ$/m);
    expect(text).toMatch(
      /^-A KUBE-SEP-\w+ -m tcp -p tcp -j DNAT --to-destination 10\.244\.1\.0:8080$/m,
    );
    expect(text).toContain(
      '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"',
    );
  });

  it('counts endpoints that are not ready', () => {
    const rules = scenario(1001, { notReady: 1 });
    expect(rules.largeClusterMode).toBe(true);
    expect(rules.restoreText).not.toContain('10.244.4.232:8080');
  });

  it('drops the comment from session-affinity rules too', () => {
    const text = scenario(1001, { affinity: true }).restoreText;
    expect(text).toMatch(
      /^-A KUBE-SVC-\w+ -m recent --name KUBE-SEP-\w+ --rcheck --seconds 10800 --reap -j KUBE-SEP-\w+$/m,
    );
    expect(text).toMatch(
      /^-A KUBE-SEP-\w+ -m recent --name KUBE-SEP-\w+ --set -m tcp -p tcp -j DNAT --to-destination /m,
    );
  });
});
