/**
 * The real thing for the search walk: glibc 2.36's getaddrinfo (`getent ahosts`) runs with the
 * pod's resolv.conf and /etc/hosts in a private namespace, against a server replaying svclab's
 * CoreDNS replies. The names and types it asks for, in order, and the addresses it returns must be
 * svclab's glibc walk. Skipped with a message where namespaces or getent are unavailable.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { applyScenario } from '../index.ts';
import type { Cluster } from '../model/types.ts';
import { resolveInPod } from './in-pod.ts';
import { buildQuery } from './query.ts';
import { resolvConf } from './resolv/pod.ts';
import { ClusterDns, type DnsExchange } from './respond.ts';
import { canUnshareNet, runGetent } from './test-support/glibc-run.ts';
import { clusterDnsScenario } from './test-support/scenarios.ts';
import { candidate } from './walk/types.ts';
import { TYPE } from './wire/types.ts';

const OK = canUnshareNet();
const POD = 'default/nginx-59ff7ffd6b-7vgh2';

/** A pod in `shop` that tunes its resolver through dnsConfig. */
const TUNED = `---
apiVersion: v1
kind: Pod
metadata:
  name: tuned
  namespace: shop
spec:
  nodeName: node1
  dnsConfig:
    searches: [corp.example]
    options:
      - name: ndots
        value: "2"
      - name: edns0
      - name: no-tld-query
  containers:
    - name: main
status:
  phase: Running
  podIP: 10.244.1.77
`;

/**
 * [pod, name, IPv6 in the namespace]. getent sets AI_ADDRCONFIG: with a global IPv6 address as
 * well it asks A and AAAA (svclab's default, hints without flags); without one, as in an IPv4-only
 * pod, A only (svclab's `addrconfig: true`).
 */
const CASES: ReadonlyArray<readonly [string, string, boolean]> = [
  [POD, 'web', false],
  [POD, 'shop', false],
  [POD, 'web', true],
  [POD, 'shop', true], // NODATA does not stop glibc
  [POD, 'api-lb.shop', true],
  [POD, 'db.example.com', true],
  [POD, 'web.default.svc.cluster.local', true],
  [POD, 'web.default.svc.cluster.local.', true],
  [POD, 'nope', true],
  [POD, 'a.b.c.d.e.example', true],
  [POD, 'search-proxy', true], // ExternalName: CNAME and the upstream's A
  [POD, 'nowhere', true], // CNAME only: glibc stops there with no address
  [POD, 'nginx', true], // headless: three addresses
  [POD, 'localhost', true], // /etc/hosts: no query
  [POD, 'nginx-59ff7ffd6b-7vgh2', true], // the pod's own name, from /etc/hosts
  [POD, 'workers.batch', true], // 80 addresses: over 512 bytes, TC, the pair again over TCP
  [POD, 'crew.batch', false], // 30 addresses: TC without EDNS too; A only
  ['shop/tuned', 'workers.batch', true], // edns0: 1200 bytes still too small for 80
  ['shop/tuned', 'api-lb', true], // ndots 2, EDNS, extra search domain
  ['shop/tuned', 'nope', true], // no-tld-query: never `nope.` as is
  ['shop/tuned', 'db.example.com', true], // 2 dots >= ndots 2: as is first
];

function hostsFile(entries: ReadonlyArray<{ address: string; names: readonly string[] }> | null) {
  return `# Kubernetes-managed hosts file.\n${(entries ?? []).map((e) => `${e.address}\t${e.names.join('\t')}`).join('\n')}\n`;
}

describe.skipIf(!OK)("real glibc getaddrinfo walks the pod's search list as svclab says", () => {
  const cluster: Cluster = applyScenario(clusterDnsScenario + TUNED).cluster;
  const dns = new ClusterDns(cluster);
  afterAll(() => {});

  it.each(CASES)('%s: getent ahosts %s (IPv6 present: %s)', async (pod, name, ipv6) => {
    const rc = resolvConf(cluster, pod);
    if (!rc.ok) throw new Error(JSON.stringify(rc.diagnostics));
    const { settings } = rc.value;
    // Every name glibc could ask for, answered as svclab's CoreDNS answers glibc's query shape.
    const replies: Record<string, string> = {};
    for (const suffix of [null, ...settings.searches]) {
      const fq = candidate(name, suffix);
      for (const type of [TYPE.A, TYPE.AAAA]) {
        const q = buildQuery(fq, type, {
          id: 0,
          ad: false,
          edns: settings.edns0,
          udpSize: 1200,
          cookie: null,
        });
        for (const via of ['udp', 'tcp'] as const) {
          const wire = dns.exchange(q, via).wire;
          replies[`${fq.toLowerCase()}|${type}|${settings.edns0 ? 1 : 0}|${via}`] =
            Buffer.from(wire).toString('hex');
        }
      }
    }
    const real = await runGetent({
      name,
      resolvConf: rc.value.text,
      hosts: hostsFile(rc.value.hosts),
      replies,
      ipv6,
    });
    const walk = resolveInPod(cluster, { pod, name, dns, addrconfig: !ipv6 });
    if (!walk.ok) throw new Error('walk failed');
    const entry = (name: string, type: number, e: DnsExchange, transport: string) => ({
      name,
      type,
      edns: e.query.edns !== undefined,
      transport,
    });
    // Per name: the UDP queries first, then (after a truncated reply) the pair again over TCP.
    const ours = walk.value.steps.flatMap((s) => [
      ...s.queries.flatMap((q) => (q.udp ? [entry(s.name, q.type, q.udp, 'udp')] : [])),
      ...s.queries.map((q) => entry(s.name, q.type, q.exchange, q.transport)),
    ]);
    const asked = real.queries.map((q) => ({
      name: q.name,
      type: q.type,
      edns: q.edns,
      transport: q.transport,
    }));
    // With very many addresses (80 here) getaddrinfo's scratch buffer is too small (ERANGE) and
    // glibc runs the whole lookup again with a bigger one: the same walk, repeated verbatim.
    const repeats = Math.max(1, Math.round(asked.length / Math.max(1, ours.length)));
    expect(asked).toEqual(Array.from({ length: repeats }, () => ours).flat());
    if (!name.startsWith('workers')) expect(repeats).toBe(1);
    // RD set, AD clear (glibc 2.31+ without trust-ad).
    for (const q of real.queries) expect(q.flags & 0x0120).toBe(0x0100);
    const addresses = new Set(
      real.output
        .split('\n')
        .filter((l) => l)
        .map((l) => l.split(/\s+/)[0]),
    );
    expect(addresses).toEqual(new Set(walk.value.addresses));
  });
});

if (!OK) {
  describe('real glibc', () => {
    it.skip('unshare -n -m or getent is unavailable: the real getaddrinfo comparison is skipped', () => {});
  });
}
