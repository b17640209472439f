import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../core/index.ts';
import headless from '../../examples/headless-dig.yaml?raw';
import seed from '../../examples/seed-nginx.yaml?raw';
import { digFromPod, podKey, sourcePods, suggestedNames } from './dns-adapter.ts';

const cluster = applyScenario(seed).cluster;
const pod = podKey(sourcePods(cluster)[0]!);

describe('the DNS tab adapter', () => {
  it('runs dig in the Pod against the kube-dns ClusterIP, as dig prints it', () => {
    const out = digFromPod(cluster, { pod, name: 'nginx.default.svc.cluster.local', type: 'A' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.text).toContain('; <<>> DiG 9.18');
    expect(out.text).toContain('<<>> nginx.default.svc.cluster.local A\n');
    expect(out.text).toMatch(/^nginx\.default\.svc\.cluster\.local\. 30 IN\tA\t10\.99\.62\.169$/m);
    expect(out.text).toContain(`;; SERVER: ${cluster.clusterDNS}#53(${cluster.clusterDNS}) (UDP)`);
    expect(out.command).toMatch(
      /^kubectl exec nginx-\S+ -- dig nginx.default.svc.cluster.local A$/,
    );
  });

  it('gives the same text for the same query twice (CoreDNS cache does not leak into the view)', () => {
    const q = { pod, name: 'nginx.default.svc.cluster.local', type: 'SRV' };
    const a = digFromPod(cluster, q);
    const b = digFromPod(cluster, q);
    expect(a).toEqual(b);
  });

  it('asks PTR for an address as dig -x', () => {
    const out = digFromPod(cluster, { pod, name: '10.99.62.169', type: 'PTR' });
    expect(out.command).toMatch(/-- dig -x 10\.99\.62\.169$/);
    expect(out.ok && out.text).toContain('169.62.99.10.in-addr.arpa.');
  });

  it('reports a dig usage error as dig does, with nothing run', () => {
    const out = digFromPod(cluster, { pod, name: 'nginx +frobnicate', type: 'A' });
    expect(out).toMatchObject({ ok: false, error: 'Invalid option: +frobnicate' });
  });

  it("suggests each Service, its SRV names and a headless Service's Pod hostnames", () => {
    expect(suggestedNames(cluster)).toEqual([
      'nginx.default.svc.cluster.local',
      '_xsp7pg._tcp.nginx.default.svc.cluster.local',
    ]);
    const hl = applyScenario(headless).cluster;
    expect(suggestedNames(hl)).toContain('cassandra-1.cassandra.default.svc.cluster.local');
    const out = digFromPod(hl, {
      pod: podKey(sourcePods(hl)[0]!),
      name: 'cassandra-1.cassandra.default.svc.cluster.local',
      type: 'A',
    });
    expect(out.ok && out.text).toMatch(
      /^cassandra-1\.cassandra\.default\.svc\.cluster\.local\. 30\s+IN\s+A\s+10\.244\.\d+\.\d+$/m,
    );
  });
});
