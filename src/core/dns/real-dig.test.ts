/**
 * The real thing: each case serves the responder's bytes on 127.0.0.1 (UDP and TCP), runs the
 * real `dig @127.0.0.1 -p PORT ...` (BIND 9.18) against it, and compares dig's whole text with
 * ours for the same query (dig's own id and cookie, read off the wire). Only the query time and
 * WHEN may differ. Skipped with a message when dig is not installed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScenario } from '../index.ts';
import { parseDigArgs } from './dig/args.ts';
import { runDig } from './dig/run.ts';
import { resolvConf } from './resolv/pod.ts';
import { ClusterDns } from './respond.ts';
import {
  canUnshareMount,
  type DigServer,
  digPath,
  runRealDig,
  runWithResolvConf,
  startDigServer,
} from './test-support/dig-server.ts';
import { clusterDnsScenario } from './test-support/scenarios.ts';
import { digRepeatsFooter, digWalk } from './walk/dig.ts';
import { EDNS_OPTION } from './wire/types.ts';

const DIG = digPath();

/** Every record type and outcome the issue names, as `dig` arguments. */
export const REAL_DIG_CASES: readonly string[] = [
  'nginx.default.svc.cluster.local', // the seed capture: headless, three ready pods
  'web.default.svc.cluster.local', // ClusterIP
  'api-np.default.svc.cluster.local', // NodePort: still the ClusterIP
  'api-lb.shop.svc.cluster.local', // LoadBalancer: still the ClusterIP
  'web.default.svc.cluster.local AAAA', // NODATA
  'nope.default.svc.cluster.local', // NXDOMAIN
  'cassandra.data.svc.cluster.local', // headless, not-ready pod left out
  'cassandra-1.cassandra.data.svc.cluster.local', // per-endpoint hostname
  'cassandra-2.cassandra.data.svc.cluster.local', // not ready: NXDOMAIN
  '10-244-2-12.nginx.default.svc.cluster.local', // dashed-IP endpoint name
  'warmup.data.svc.cluster.local', // publishNotReadyAddresses
  'idle.data.svc.cluster.local', // headless without ready endpoints: NXDOMAIN
  '_http._tcp.web.default.svc.cluster.local SRV', // ClusterIP SRV
  '_cql._tcp.cassandra.data.svc.cluster.local SRV', // headless SRV, target port
  'cassandra.data.svc.cluster.local SRV', // every port of every endpoint
  '_http._udp.web.default.svc.cluster.local SRV', // wrong protocol: NXDOMAIN
  'web.default.svc.cluster.local SRV', // both ports, weight 50
  'search-proxy.default.svc.cluster.local', // ExternalName + upstream A
  'search-proxy.default.svc.cluster.local CNAME',
  'web-alias.default.svc.cluster.local', // ExternalName inside the zone
  'nowhere.default.svc.cluster.local', // ExternalName whose target does not resolve
  'search-proxy.default.svc.cluster.local SRV', // NODATA
  '10-244-1-5.default.pod.cluster.local', // pod record, pods insecure
  '10-244-1-5.nosuchns.pod.cluster.local', // namespace must exist
  '-x 10.96.77.77', // PTR of a ClusterIP
  '-x 10.244.1.95', // PTR of a headless endpoint (hostname)
  '-x 10.244.2.97', // PTR of a ClusterIP Service's endpoint: dashed IP
  '-x 10.244.9.9', // nothing known: falls through to the upstream
  'dns-version.cluster.local TXT',
  'cluster.local SOA',
  'cluster.local NS',
  'cluster.local TXT', // NXDOMAIN quirk
  'default.svc.cluster.local', // a namespace: NODATA
  'web.default.svc.cluster.local MX', // NODATA via the fake A lookup
  'example.com', // forwarded
  'www.example.com', // forwarded CNAME chain
  'NGINX.Default.svc.Cluster.Local', // case echoed
  'crew.batch.svc.cluster.local', // 30 addresses: compressed
  'workers.batch.svc.cluster.local', // 80 addresses: truncated, dig retries over TCP
  'nginx.default.svc.cluster.local +noedns',
  'nginx.default.svc.cluster.local +short',
  '_cql._tcp.cassandra.data.svc.cluster.local SRV +short',
  'dns-version.cluster.local TXT +short',
];

const normalise = (text: string) =>
  text
    .replace(/^;; Query time: \d+ msec$/gm, ';; Query time: 0 msec')
    .replace(/^;; WHEN: .*$/gm, ';; WHEN: -');

describe.skipIf(!DIG)('real dig 9.18 agrees with our dig text and answers', () => {
  let server: DigServer;
  beforeAll(async () => {
    const applied = applyScenario(clusterDnsScenario);
    server = await startDigServer(new ClusterDns(applied.cluster));
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(REAL_DIG_CASES)('dig %s', async (line) => {
    const words = line.split(' ');
    const args = ['@127.0.0.1', '-p', String(server.port), ...words];
    server.received.length = 0;
    const real = await runRealDig(args);
    const sent = server.received[0]?.query;
    expect(sent, 'dig sent a query').toBeDefined();
    const retry = server.received.find((r) => r.transport === 'tcp')?.query;
    const parsed = parseDigArgs(words);
    if ('error' in parsed) throw new Error(parsed.error);
    const cookie = sent?.edns?.options.find((o) => o.code === EDNS_OPTION.COOKIE)?.data ?? null;
    const ours = runDig(server.dns, {
      args,
      name: parsed.name,
      type: parsed.type,
      server: '127.0.0.1',
      port: server.port,
      serverGiven: true,
      short: parsed.short,
      query: { id: sent?.header.id ?? 0, cookie, edns: parsed.edns },
      ...(retry ? { retryId: retry.header.id } : {}),
    });
    expect(normalise(ours.text)).toBe(normalise(real));
  });
});

/**
 * `dig +search` reads the pod's resolv.conf (search list, ndots): each case mounts the resolv.conf
 * svclab writes for a pod in `default` over /etc/resolv.conf in a private mount namespace, runs
 * real dig, and compares the names dig asked for, in order, with svclab's dig walk, and the text.
 */
export const SEARCH_CASES: readonly string[] = [
  'web +search', // first search domain answers
  'shop +search', // NXDOMAIN, then NODATA: dig stops there (glibc would go on)
  'api-lb.shop +search', // second domain
  'db.example.com +search', // three NXDOMAINs, then the name as is (forwarded)
  'nope +search', // every candidate NXDOMAIN, the last one printed
  'a.b.c.d.e.example +search', // 5 dots >= ndots 5: as is only
  'web.default.svc.cluster.local. +search', // absolute: as is only
  'db.example.com +search +ndots=1', // +ndots overrides resolv.conf
  'cassandra.data SRV +search',
  'nope.default.svc.cluster.local. +search', // absolute, 5 dots, NXDOMAIN: footer twice
  'nope. +search', // absolute, 1 dot: footer once
  'a.b.c.d.e.nope +search +ndots=3',
  'web +search +short',
];

const UNSHARE = DIG !== null && canUnshareMount();

describe.skipIf(!UNSHARE)('real dig +search walks the pod resolv.conf as svclab says', () => {
  let server: DigServer;
  let resolvPath: string;
  beforeAll(async () => {
    const cluster = applyScenario(clusterDnsScenario).cluster;
    server = await startDigServer(new ClusterDns(cluster));
    const rc = resolvConf(cluster, 'default/nginx-59ff7ffd6b-7vgh2');
    if (!rc.ok) throw new Error('no resolv.conf');
    const dir = mkdtempSync(join(tmpdir(), 'svclab-dns-'));
    resolvPath = join(dir, 'resolv.conf');
    writeFileSync(resolvPath, rc.value.text);
  });
  afterAll(async () => {
    await server?.close();
    if (resolvPath) rmSync(dirname(resolvPath), { recursive: true, force: true });
  });

  it.each(SEARCH_CASES)('dig %s', async (line) => {
    const words = line.split(' ');
    const args = ['@127.0.0.1', '-p', String(server.port), ...words];
    server.received.length = 0;
    const real = await runWithResolvConf(resolvPath, ['dig', ...args]);
    const parsed = parseDigArgs(words);
    if ('error' in parsed) throw new Error(parsed.error);
    const cluster = server.dns as ClusterDns;
    const rc = resolvConf(cluster.cluster, 'default/nginx-59ff7ffd6b-7vgh2');
    if (!rc.ok) throw new Error('no resolv.conf');
    const sent = server.received.filter((r) => r.transport === 'udp').map((r) => r.query);
    const last = sent[sent.length - 1];
    const cookie = last?.edns?.options.find((o) => o.code === EDNS_OPTION.COOKIE)?.data ?? null;
    const walk = digWalk({
      name: parsed.name,
      type: parsed.type,
      search: parsed.search,
      searches: rc.value.searches,
      ndots: parsed.ndots ?? rc.value.ndots,
      ask: (name, type, _serial, via) =>
        cluster.exchange({ ...sent[0]!, questions: [{ name, type, class: 1 }] }, via),
    });
    expect(sent.map((q) => q.questions[0]?.name)).toEqual(walk.steps.map((s) => s.name));
    const finalName = walk.steps[walk.steps.length - 1]?.name ?? parsed.name;
    const ours = runDig(server.dns, {
      args,
      name: finalName,
      type: parsed.type,
      server: '127.0.0.1',
      port: server.port,
      serverGiven: true,
      short: parsed.short,
      query: { id: last?.header.id ?? 0, cookie, edns: parsed.edns },
      footerTwice: digRepeatsFooter(walk, parsed.search),
    });
    expect(normalise(ours.text)).toBe(normalise(real));
  });
});

if (!DIG) {
  describe('real dig', () => {
    it.skip('dig is not installed (apt-get install bind9-dnsutils): the real-dig comparison is skipped', () => {});
  });
}
