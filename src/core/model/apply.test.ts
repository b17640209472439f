import { describe, expect, it } from 'vitest';
import { applyScenario } from './apply.ts';
import { kubeProxyFixtures } from './test-support/fixtures.ts';

const yamlFiles = Object.keys(kubeProxyFixtures);

describe('applyScenario on the kube-proxy v1.26 fixtures', () => {
  it('finds the fixtures', () => expect(yamlFiles.length).toBe(12));

  it.each(yamlFiles)('%s loads without errors', (file) => {
    const applied = applyScenario(kubeProxyFixtures[file] ?? '');
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(applied.cluster.kubernetesVersion).toBe('v1.26.0');
    expect(applied.cluster.nodes.map((n) => n.metadata.name)).toEqual(['node1', 'node2']);
    expect(applied.cluster.services.length).toBeGreaterThan(0);
  });

  it('reads the seed fixture into the right objects and settings', () => {
    const { cluster } = applyScenario(kubeProxyFixtures['01-clusterip-seed-nginx.yaml'] ?? '');
    expect(cluster.serviceSubnet).toBe('10.96.0.0/12');
    expect(cluster.podSubnet).toBe('10.244.0.0/16');
    expect(cluster.clusterDNS).toBe('10.96.0.10');
    expect(cluster.dnsDomain).toBe('cluster.local');
    expect(cluster.proxy.mode).toBe('iptables');
    expect(cluster.proxy.clusterCIDR).toBe('10.244.0.0/16');
    expect(cluster.proxy.iptables?.masqueradeBit).toBe(14);
    expect(cluster.services[0]?.spec.clusterIP).toBe('10.99.62.169');
    const slice = cluster.endpointSlices[0];
    expect(slice?.metadata.name).toBe('nginx-7x2kq');
    expect(slice?.endpoints.map((e) => e.addresses[0])).toEqual([
      '10.244.1.14',
      '10.244.1.16',
      '10.244.2.12',
    ]);
  });
});

describe('applyScenario defaults', () => {
  it('gives an empty scenario kubeadm defaults and two nodes', () => {
    const { cluster, diagnostics } = applyScenario('');
    expect(cluster.serviceSubnet).toBe('10.96.0.0/12');
    expect(cluster.clusterDNS).toBe('10.96.0.10');
    expect(cluster.nodes.map((n) => [n.metadata.name, n.spec?.podCIDR])).toEqual([
      ['node1', '10.244.1.0/24'],
      ['node2', '10.244.2.0/24'],
    ]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['info']);
  });

  it('derives clusterDNS from a custom service subnet (10th address)', () => {
    const { cluster } = applyScenario(
      'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  serviceSubnet: 10.128.0.0/16\n  dnsDomain: corp.local\n',
    );
    expect(cluster.clusterDNS).toBe('10.128.0.10');
    expect(cluster.dnsDomain).toBe('corp.local');
  });
});

describe('applyScenario on bad input', () => {
  const text = [
    'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports:\n  - port: "80"\n',
    'b: [\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n',
    'apiVersion: v1\nkind: Service\nmetadata: {name: ok}\nspec:\n  ports:\n  - port: 80\n',
  ].join('---\n');
  const { cluster, diagnostics, documents } = applyScenario(text);

  it('keeps the valid objects', () => {
    expect(cluster.services.map((s) => s.metadata.name)).toEqual(['ok']);
    expect(cluster.others.map((o) => o.kind)).toEqual(['Deployment']);
    expect(documents.map((d) => d.status)).toEqual(['rejected', 'kept', 'applied']);
  });

  it("reports the parser's message with line and column", () => {
    const syntax = diagnostics.find((d) => d.code === 'SVCLAB-1001');
    expect(syntax).toMatchObject({ document: 1, line: 9, column: 1 });
  });

  it('reports decode errors as the API server words them', () => {
    expect(diagnostics.find((d) => d.code === 'SVCLAB-2001')?.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
  });

  it('warns about unknown kinds, naming the document', () => {
    expect(diagnostics.find((d) => d.code === 'SVCLAB-1004')?.message).toContain('document 3');
  });
});

describe('fields the model does not type-check', () => {
  it('a null volume mount or a non-list volumes field is data, not a crash', () => {
    const r = applyScenario(`apiVersion: v1
kind: Pod
metadata: {name: odd}
spec:
  nodeName: node1
  volumes: 5
  containers: [{name: c, image: nginx, volumeMounts: [null]}]
`);
    expect(r.diagnostics.filter((d) => d.code === 'SVCLAB-1999')).toEqual([]);
    expect(r.cluster.pods).toHaveLength(1);
  });
});
