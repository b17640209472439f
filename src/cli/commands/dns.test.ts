/**
 * `svclab dns` and `svclab resolv-conf` on the seed, every kube-proxy conformance scenario and the
 * DNS cases, plus golden dig texts (golden/dns/*.dig; UPDATE_GOLDEN=1 rewrites them).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScenario, type Cluster } from '../../core/index.ts';
import { runCli } from '../main.ts';
import { memoryIo } from '../test-io.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const GOLDEN = join(ROOT, 'golden');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const SEED = 'src/examples/seed-nginx.yaml';
const DNS_CASES = 'golden/dns/cluster-dns.yaml';
const CONFORMANCE = readdirSync(join(GOLDEN, 'kube-proxy-v1.26'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `golden/kube-proxy-v1.26/${f}`);

async function svclab(...argv: string[]) {
  const files: Record<string, string> = {};
  for (const a of argv) if (a.endsWith('.yaml')) files[a] = read(a);
  const io = memoryIo(files);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Runs svclab on the scenario plus a pod `client` in `shop` and one in `default`, as x.yaml. */
async function withClient(file: string, argv: string[]) {
  const pod = (ns: string) => `---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: ${ns}
spec:
  containers:
    - name: main
`;
  const io = memoryIo({ 'x.yaml': `${read(file)}\n${pod('shop')}${pod('default')}` });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const fqdn = (ns: string | undefined, name: string | undefined) =>
  `${name}.${ns ?? 'default'}.svc.cluster.local`;

/** What `dig +short NAME` must list for a Service, from the model alone (as a sorted set). */
function expectedShort(cluster: Cluster, svcName: string, ns: string): string[] {
  const svc = cluster.services.find(
    (s) => s.metadata.name === svcName && (s.metadata.namespace ?? 'default') === ns,
  );
  if (!svc) return [];
  if (svc.spec.type === 'ExternalName') return [`${svc.spec.externalName}.`];
  if (svc.spec.clusterIP !== 'None') {
    return (svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? '']).filter((ip) => ip.includes('.'));
  }
  const ready = new Set<string>();
  for (const slice of cluster.endpointSlices) {
    if (slice.metadata.namespace !== ns) continue;
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svcName) continue;
    if (slice.addressType !== 'IPv4') continue;
    for (const e of slice.endpoints)
      if (e.conditions.ready !== false) for (const a of e.addresses) ready.add(a);
  }
  return [...ready].sort();
}

describe.each([SEED, ...CONFORMANCE])('svclab dns / resolv-conf on %s', (file) => {
  const cluster = applyScenario(read(file)).cluster;

  it('resolves every Service as CoreDNS does (+short), and the kubernetes Service in full', async () => {
    for (const svc of cluster.services) {
      const ns = svc.metadata.namespace ?? 'default';
      const name = svc.metadata.name ?? '';
      const r = await svclab('dns', file, fqdn(ns, name), '+short');
      expect(r.code, r.err).toBe(0);
      const lines = r.out.split('\n').filter((l) => l !== '');
      const want = expectedShort(cluster, name, ns);
      if (svc.spec.type === 'ExternalName') expect(lines[0]).toBe(want[0]);
      else expect([...lines].sort()).toEqual(want);
    }
    const full = await svclab('dns', file, 'kubernetes.default.svc.cluster.local');
    expect(full.code).toBe(0);
    expect(full.out).toContain('kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n');
    expect(full.out).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n');
    expect(full.out).toContain(
      ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n',
    );
  });

  it("prints each pod's resolv.conf (ClusterFirst: its namespace first, kube-dns, ndots:5)", async () => {
    if (cluster.pods.length === 0) {
      // Scenarios given as EndpointSlices have no Pod objects: add a client pod to ask about.
      const r = await withClient(file, ['resolv-conf', 'x.yaml', 'shop/client']);
      expect([r.code, r.out]).toEqual([
        0,
        'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
      ]);
    }
    for (const pod of cluster.pods) {
      const ns = pod.metadata.namespace ?? 'default';
      const r = await svclab('resolv-conf', file, `${ns}/${pod.metadata.name}`);
      expect(r.code).toBe(0);
      if (
        !pod.spec.hostNetwork &&
        (pod.spec.dnsPolicy ?? 'ClusterFirst') === 'ClusterFirst' &&
        !pod.spec.dnsConfig
      ) {
        expect(r.out).toBe(
          `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
        );
      }
    }
  });

  it('answers from a named pod, and as wire hex and JSON', async () => {
    const pod = cluster.pods[0];
    const from = pod ? `${pod.metadata.namespace}/${pod.metadata.name}` : 'default/client';
    const dig = pod
      ? await svclab('dns', file, 'kubernetes.default.svc.cluster.local', '--from', from)
      : await withClient(file, [
          'dns',
          'x.yaml',
          'kubernetes.default.svc.cluster.local',
          '--from',
          from,
        ]);
    expect(dig.code).toBe(0);
    const wire = await svclab(
      'dns',
      file,
      'kubernetes.default.svc.cluster.local',
      '--format',
      'wire',
    );
    expect(wire.out).toMatch(/^[0-9a-f]+\n$/);
    // 12 header + 42 question + 52 answer (uncompressed) + 23 OPT with the cookie = 129 bytes.
    expect(wire.out.length - 1).toBe(2 * 129);
    expect(dig.out).toContain('MSG SIZE  rcvd: 129\n');
    const json = JSON.parse(
      (await svclab('dns', file, 'kubernetes', '+search', '--format', 'json')).out,
    );
    expect(json.walk.map((s: { name: string }) => s.name)).toEqual([
      'kubernetes.default.svc.cluster.local.',
    ]);
    expect(json.exchanges[0].response.answers[0].data.address).toBe('10.96.0.1');
  });
});

/** Golden dig texts: [file name, scenario, dig arguments]. */
const GOLDEN_CASES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['seed-headless-a', DNS_CASES, ['nginx.default.svc.cluster.local']],
  ['seed-clusterip-a', SEED, ['nginx.default.svc.cluster.local']],
  ['headless-hostname-a', DNS_CASES, ['cassandra-1.cassandra.data.svc.cluster.local']],
  ['headless-srv', DNS_CASES, ['_cql._tcp.cassandra.data.svc.cluster.local', 'SRV']],
  ['clusterip-srv', DNS_CASES, ['_http._tcp.web.default.svc.cluster.local', 'SRV']],
  ['externalname-a', DNS_CASES, ['search-proxy.default.svc.cluster.local']],
  ['ptr-clusterip', DNS_CASES, ['-x', '10.96.77.77']],
  ['ptr-endpoint', DNS_CASES, ['-x', '10.244.1.95']],
  ['nxdomain', DNS_CASES, ['nope.default.svc.cluster.local']],
  ['search-nodata', DNS_CASES, ['shop', '+search']],
  ['truncated-tcp-retry', DNS_CASES, ['workers.batch.svc.cluster.local']],
  ['walk-namespace-nodata.walk', DNS_CASES, ['shop', '--walk']],
  ['walk-external-name.walk', DNS_CASES, ['db.example.com', '--walk']],
  ['walk-other-namespace.walk', DNS_CASES, ['api-lb.shop', '--walk']],
  ['walk-full-name.walk', DNS_CASES, ['web.default.svc.cluster.local', '--walk']],
  ['walk-hosts-file.walk', DNS_CASES, ['localhost', '--walk']],
  ['walk-truncated-tcp.walk', DNS_CASES, ['crew.batch', '--walk']],
];

describe('golden dig texts (golden/dns/*.dig) and getaddrinfo walks (*.walk)', () => {
  it.each(GOLDEN_CASES)('%s', async (name, file, args) => {
    const r = await svclab('dns', file, ...args);
    expect(r.code, r.err).toBe(0);
    const path = join(GOLDEN, 'dns', name.includes('.') ? name : `${name}.dig`);
    if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, r.out);
    expect(r.out).toBe(readFileSync(path, 'utf8'));
  });

  it("reproduces the seed post's capture: three A records, TTL 30, its SERVER line, 213 bytes", () => {
    const text = readFileSync(join(GOLDEN, 'dns', 'seed-headless-a.dig'), 'utf8');
    const answers = text
      .split('\n')
      .filter((l) => l.startsWith('nginx.default.svc.cluster.local. 30 IN\tA\t'));
    expect(answers.map((l) => l.split('\t').at(-1)).sort()).toEqual([
      '10.244.1.14',
      '10.244.1.15',
      '10.244.2.12',
    ]);
    const post = read('golden/seed/seed-kubernetes-service-blog.txt');
    const server = ';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)';
    expect(post).toContain(server);
    expect(text).toContain(`${server}\n`);
    expect(text).toContain(
      ';; flags: qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 1\n',
    );
    expect(text).toContain(';; MSG SIZE  rcvd: 213\n');
  });
});

describe('svclab dns and resolv-conf errors', () => {
  it('an unknown pod is one line, exit 1, as kubectl says it', async () => {
    const r = await svclab('dns', SEED, 'web', '--from', 'default/nope');
    expect([r.code, r.out, r.err]).toEqual([
      1,
      '',
      'Error from server (NotFound): pods "nope" not found\n',
    ]);
    const rc = await svclab('resolv-conf', SEED, 'kube-system/nope');
    expect([rc.code, rc.err]).toEqual([1, 'Error from server (NotFound): pods "nope" not found\n']);
  });

  it('usage errors are one line, exit 2', async () => {
    for (const argv of [
      ['dns', SEED],
      ['dns', SEED, 'web', '--format', 'xml'],
      ['dns', SEED, 'web', '+frobnicate'],
      ['dns', SEED, '-x', 'not-an-ip'],
      ['dns', SEED, '--query-hex', 'zz'],
      ['dns', SEED, 'web', 'AAAA', '--walk'],
      ['resolv-conf', SEED],
    ]) {
      const r = await svclab(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });

  it("resolv-conf prints the kubelet's DNSConfigForming event on stderr", async () => {
    const yaml = `${read(SEED)}---
apiVersion: svclab.dev/v1alpha1
kind: UpstreamDNS
resolvConf: |
  nameserver 192.0.2.1
  nameserver 192.0.2.2
  nameserver 192.0.2.3
  nameserver 192.0.2.4
  search corp.example
---
apiVersion: v1
kind: Pod
metadata:
  name: hostdns
  namespace: default
spec:
  nodeName: node1
  dnsPolicy: Default
  containers:
    - name: main
`;
    const io = memoryIo({ 'x.yaml': yaml });
    expect(await runCli(['resolv-conf', 'x.yaml', 'default/hostdns'], io)).toBe(0);
    expect(io.out()).toBe(
      'search corp.example\nnameserver 192.0.2.1\nnameserver 192.0.2.2\nnameserver 192.0.2.3\n',
    );
    expect(io.err()).toBe(
      'Warning  DNSConfigForming  Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 192.0.2.1 192.0.2.2 192.0.2.3\n',
    );
  });

  it('a server svclab does not model is one line, exit 1 (dig would time out)', async () => {
    const r = await svclab('dns', SEED, 'web', '@192.0.2.200');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^svclab dns: ;; no servers could be reached: .* 192\.0\.2\.200#53\n$/);
  });

  it('--query-hex answers that exact query: id, case, no EDNS', async () => {
    // id 0xbeef, RD, one question NGINX.default.svc.cluster.local A IN, no OPT.
    const q =
      'beef01000001000000000000054e47494e580764656661756c74037376630763' +
      '6c7573746572056c6f63616c0000010001';
    const r = await svclab('dns', DNS_CASES, '--query-hex', q);
    expect(r.code).toBe(0);
    expect(r.out).toContain('<<>> NGINX.default.svc.cluster.local. +noadflag +noedns\n');
    expect(r.out).toContain('status: NOERROR, id: 48879\n');
    expect(r.out).toContain(';; MSG SIZE  rcvd: 190\n');
    const wire = await svclab('dns', DNS_CASES, '--query-hex', q, '--format', 'wire');
    expect(wire.out.startsWith('beef8500')).toBe(true);
  });

  it("a Default-policy pod asks the node's resolver: cluster names do not resolve there", async () => {
    const yaml = `${read(SEED)}---
apiVersion: v1
kind: Pod
metadata:
  name: hostdns
  namespace: default
spec:
  nodeName: node1
  dnsPolicy: Default
  containers:
    - name: main
`;
    const io = memoryIo({ 'x.yaml': yaml });
    expect(
      await runCli(
        ['dns', 'x.yaml', 'nginx.default.svc.cluster.local', '--from', 'default/hostdns'],
        io,
      ),
    ).toBe(0);
    expect(io.out()).toContain('status: NXDOMAIN');
    expect(io.out()).toContain(';; flags: qr rd ra;');
    expect(io.out()).toContain(';; SERVER: 192.0.2.53#53(192.0.2.53) (UDP)\n');
  });
});
