import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../index.ts';
import type { Cluster, Pod } from '../../model/types.ts';
import { clusterOf } from '../test-support/cluster.ts';
import { parseHostResolvConf } from './host.ts';
import { podHostsEntries } from './hosts.ts';
import { resolvConf } from './pod.ts';

const HEAD = `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
kubernetesVersion: VERSION
---
apiVersion: v1
kind: Node
metadata:
  name: node1
spec:
  podCIDR: 10.244.1.0/24
`;

/** A cluster with one pod `default/client` whose spec gets `extra` (YAML under spec:). */
function withPod(extra: string, opts: { node?: string; version?: string } = {}): Cluster {
  const upstream = opts.node
    ? `---
apiVersion: svclab.dev/v1alpha1
kind: UpstreamDNS
resolvConf: |
${opts.node
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`
    : '';
  return applyScenario(
    `${HEAD.replace('VERSION', opts.version ?? 'v1.26.0')}${upstream}---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: shop
spec:
  nodeName: node1
  containers:
    - name: main
${extra}`,
  ).cluster;
}

const text = (c: Cluster, pod = 'shop/client') => {
  const r = resolvConf(c, pod);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
};

describe("a pod's /etc/resolv.conf, as the kubelet and containerd write it", () => {
  it('ClusterFirst (the default): search list for the namespace, the kube-dns ClusterIP, ndots:5', () => {
    const r = text(withPod(''));
    expect(r.text).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(r.ndots).toBe(5);
    expect(r.type).toBe('cluster');
  });

  it("ClusterFirst appends the node's search domains (duplicates dropped) but not its options", () => {
    const node =
      'nameserver 192.0.2.53\nsearch example.com cluster.local.\noptions timeout:2 rotate\n';
    expect(text(withPod('', { node })).text).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local example.com\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('Default copies the parsed node file: nameservers, last search line, options', () => {
    const node =
      '# comment\nnameserver 192.0.2.53\nsearch old.example\nnameserver 192.0.2.54\nsearch corp.example. .\noptions ndots:2\noptions edns0 ndots:3\n';
    expect(text(withPod('  dnsPolicy: Default\n', { node })).text).toBe(
      'search corp.example\nnameserver 192.0.2.53\nnameserver 192.0.2.54\noptions ndots:3 edns0\n',
    );
  });

  it('a host-network pod with ClusterFirst falls back to Default; ClusterFirstWithHostNet does not', () => {
    const host = text(withPod('  hostNetwork: true\n'));
    expect(host.type).toBe('host');
    expect(host.text).toBe('nameserver 192.0.2.53\n');
    expect(host.hosts).toBeNull();
    const withNet = text(withPod('  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n'));
    expect(withNet.type).toBe('cluster');
    expect(withNet.text).toContain('nameserver 10.96.0.10\n');
  });

  it('None takes only dnsConfig; dnsConfig is appended to other policies, options replaced in place', () => {
    const none = text(
      withPod(`  dnsPolicy: None
  dnsConfig:
    nameservers: [1.1.1.1]
    searches: [my.dns.search.suffix]
    options:
      - name: ndots
        value: "2"
      - name: edns0
`),
    );
    expect(none.text).toBe(
      'search my.dns.search.suffix\nnameserver 1.1.1.1\noptions ndots:2 edns0\n',
    );
    expect(none.settings.edns0).toBe(true);
    const merged = text(
      withPod(`  dnsConfig:
    nameservers: [10.96.0.10, 192.0.2.99]
    searches: [svc.cluster.local, corp.example]
    options:
      - name: ndots
        value: "1"
      - name: single-request-reopen
`),
    );
    expect(merged.text).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\nnameserver 192.0.2.99\noptions ndots:1 single-request-reopen\n',
    );
    expect(merged.ndots).toBe(1);
  });

  it('None without nameservers is what the API server rejects (SVCLAB-4009)', () => {
    const r = resolvConf(
      withPod('  dnsPolicy: None\n  dnsConfig:\n    searches: [a.example]\n'),
      'shop/client',
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SVCLAB-4009']);
    expect(r.diagnostics[0]?.message).toBe(
      'spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
    );
  });

  it('keeps 3 nameservers and says so in a DNSConfigForming event', () => {
    const node =
      'nameserver 192.0.2.1\nnameserver 192.0.2.2\nnameserver 192.0.2.3\nnameserver 192.0.2.4\n';
    const r = text(withPod('  dnsPolicy: Default\n', { node }));
    expect(r.nameservers).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
    expect(r.events.map((e) => e.message)).toEqual([
      'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 192.0.2.1 192.0.2.2 192.0.2.3',
    ]);
  });

  it('search limits: 32 domains / 2048 chars from 1.26 (ExpandedDNSConfig), 6 / 256 before', () => {
    const many = Array.from({ length: 40 }, (_, i) => `d${i}.example`).join(' ');
    const node = `nameserver 192.0.2.53\nsearch ${many}\n`;
    expect(text(withPod('', { node })).searches).toHaveLength(32);
    const old = text(withPod('', { node, version: 'v1.25.0' }));
    expect(old.searches).toEqual([
      'shop.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
      'd0.example',
      'd1.example',
      'd2.example',
    ]);
    expect(old.events[0]?.message).toBe(
      'Search Line limits were exceeded, some search paths have been omitted, the applied search line is: shop.svc.cluster.local svc.cluster.local cluster.local d0.example d1.example d2.example',
    );
    // The character limit drops whole domains from the end until the line fits.
    const long = Array.from({ length: 4 }, (_, i) => `${String(i).repeat(60)}.example`).join(' ');
    const cut = text(withPod('', { node: `search ${long}\n`, version: 'v1.25.0' }));
    expect(cut.searches.join(' ').length).toBeLessThanOrEqual(256);
    expect(cut.searches).toHaveLength(5);
  });

  it('an unknown pod is a NotFound diagnostic (SVCLAB-4005)', () => {
    const r = resolvConf(withPod(''), 'shop/nope');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'SVCLAB-4005',
      message: 'Error from server (NotFound): pods "nope" not found',
    });
  });

  it("the node file parser follows the kubelet's (last search wins, lone dot dropped)", () => {
    expect(
      parseHostResolvConf('search a.example.\nsearch b.example . c.example\n').searches,
    ).toEqual(['b.example', 'c.example']);
  });

  it("/etc/hosts has localhost and the pod's own names", () => {
    const c = clusterOf(`---
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: default
spec:
  nodeName: node1
  hostname: web-0
  subdomain: web
  containers:
    - name: main
status:
  podIP: 10.244.1.7
`);
    const pod = c.pods.find((p) => p.metadata.name === 'web-0') as Pod;
    expect(podHostsEntries(pod, 'cluster.local')?.at(-1)).toEqual({
      address: '10.244.1.7',
      names: ['web-0.web.default.svc.cluster.local', 'web-0'],
    });
  });
});
