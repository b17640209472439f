import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../index.ts';
import { buildQuery } from '../query.ts';
import { ClusterDns } from '../respond.ts';
import { clusterOf, headlessWith, podYaml } from '../test-support/cluster.ts';
import { clusterDnsScenario } from '../test-support/scenarios.ts';
import { type Message, parseType, RCODE, TYPE } from '../wire/types.ts';

const scenario = new ClusterDns(applyScenario(clusterDnsScenario).cluster);

function ask(dns: ClusterDns, name: string, type = 'A', edns = true) {
  return dns.exchange(buildQuery(name, parseType(type)!, { edns }));
}

const rdata = (m: Message) =>
  m.answers.map((rr) => {
    const d = rr.data;
    if (d.kind === 'A' || d.kind === 'AAAA') return d.address;
    if (d.kind === 'NAME') return d.target;
    if (d.kind === 'SRV') return `${d.priority} ${d.weight} ${d.port} ${d.target}`;
    return d.kind;
  });

describe('the seed capture (dig nginx.default.svc.cluster.local, headless, three pods)', () => {
  const e = ask(scenario, 'nginx.default.svc.cluster.local');
  it('answers the three ready pod IPs with TTL 30', () => {
    expect(new Set(rdata(e.response))).toEqual(
      new Set(['10.244.1.15', '10.244.2.12', '10.244.1.14']),
    );
    expect(e.response.answers.map((rr) => rr.ttl)).toEqual([30, 30, 30]);
  });
  it('sets qr aa rd, not ra or ad, and echoes the OPT with the client cookie only', () => {
    const h = e.response.header;
    expect([h.qr, h.aa, h.rd, h.ra, h.ad, h.tc]).toEqual([true, true, true, false, false, false]);
    expect(e.response.edns?.options.map((o) => [o.code, o.data])).toEqual(
      e.query.edns?.options.map((o) => [o.code, o.data]),
    );
    expect(e.response.edns?.udpSize).toBe(1232);
  });
  it('is 213 bytes: uncompressed names, client cookie echoed (190 without EDNS)', () => {
    expect(e.wire.length).toBe(213);
    expect(e.compressed).toBe(false);
    expect(ask(scenario, 'nginx.default.svc.cluster.local', 'A', false).wire.length).toBe(190);
  });
});

describe('message sizes the reference measured with real dig', () => {
  it('NODATA for AAAA carries the 93-byte uncompressed SOA: 165 bytes', () => {
    const e = ask(scenario, 'nginx.default.svc.cluster.local', 'AAAA');
    expect(e.response.header.rcode).toBe(RCODE.NOERROR);
    expect(e.response.answers).toEqual([]);
    expect(e.wire.length).toBe(165);
  });
  it('_web._tcp SRV for three endpoints (hostnames nginx-0..2) is 547 bytes', () => {
    const dns = new ClusterDns(clusterOf(headlessWith(3, 'web', true)));
    const e = ask(dns, '_web._tcp.nginx.default.svc.cluster.local', 'SRV');
    expect(rdata(e.response)).toHaveLength(3);
    expect(e.wire.length).toBe(547);
  });
  it('24 addresses stay uncompressed (1200), 25 are compressed (472)', () => {
    const at = (n: number) =>
      ask(new ClusterDns(clusterOf(headlessWith(n))), 'nginx.default.svc.cluster.local');
    const a24 = at(24);
    expect([a24.wire.length, a24.compressed]).toEqual([1200, false]);
    const a25 = at(25);
    expect([a25.wire.length, a25.compressed]).toEqual([472, true]);
  });
  it('72 compressed addresses fit (1224); 73 set TC with 72 answers', () => {
    const a72 = ask(new ClusterDns(clusterOf(headlessWith(72))), 'nginx.default.svc.cluster.local');
    expect([a72.wire.length, a72.response.header.tc]).toEqual([1224, false]);
    const a73 = ask(new ClusterDns(clusterOf(headlessWith(73))), 'nginx.default.svc.cluster.local');
    expect([a73.response.header.tc, a73.response.answers.length]).toEqual([true, 72]);
    // Over TCP the whole answer comes back, uncompressed again (64 KiB buffer).
    const tcp = new ClusterDns(clusterOf(headlessWith(73))).exchange(
      buildQuery('nginx.default.svc.cluster.local', TYPE.A),
      'tcp',
    );
    expect([tcp.response.answers.length, tcp.compressed]).toEqual([73, false]);
  });
});

describe('SRV weights: floor(100 / n), minimum 1', () => {
  it.each([
    [1, 100],
    [2, 50],
    [3, 33],
    [6, 16],
  ])('%i targets -> weight %i', (n, weight) => {
    const dns = new ClusterDns(clusterOf(headlessWith(n)));
    const e = ask(dns, '_web._tcp.nginx.default.svc.cluster.local', 'SRV');
    expect(e.response.answers.map((rr) => (rr.data.kind === 'SRV' ? rr.data.weight : -1))).toEqual(
      new Array(n).fill(weight),
    );
  });
  it('a ClusterIP Service: the Service port, the Service name, priority 0', () => {
    const e = ask(scenario, '_http._tcp.web.default.svc.cluster.local', 'SRV');
    expect(rdata(e.response)).toEqual(['0 100 80 web.default.svc.cluster.local.']);
  });
  it('a headless Service: the target port and the endpoint hostname', () => {
    const e = ask(scenario, '_cql._tcp.cassandra.data.svc.cluster.local', 'SRV');
    expect(new Set(rdata(e.response))).toEqual(
      new Set([
        '0 50 9042 cassandra-0.cassandra.data.svc.cluster.local.',
        '0 50 9042 cassandra-1.cassandra.data.svc.cluster.local.',
      ]),
    );
  });
});

describe('NXDOMAIN versus NODATA', () => {
  const rcodeOf = (name: string, type = 'A') => {
    const r = ask(scenario, name, type).response;
    return r.header.rcode === RCODE.NXDOMAIN
      ? 'NXDOMAIN'
      : r.answers.length === 0
        ? 'NODATA'
        : 'DATA';
  };
  it.each([
    ['nope.default.svc.cluster.local', 'A', 'NXDOMAIN'],
    ['idle.data.svc.cluster.local', 'A', 'NXDOMAIN'], // headless, no ready endpoint
    ['cassandra-2.cassandra.data.svc.cluster.local', 'A', 'NXDOMAIN'], // not ready
    ['warmup.data.svc.cluster.local', 'A', 'DATA'], // publishNotReadyAddresses
    ['_http._udp.web.default.svc.cluster.local', 'SRV', 'NXDOMAIN'],
    ['a.b.c.web.default.svc.cluster.local', 'A', 'NXDOMAIN'], // too many labels
    ['web.default.svc.cluster.local', 'AAAA', 'NODATA'],
    ['web.default.svc.cluster.local', 'CNAME', 'NODATA'],
    ['web.default.svc.cluster.local', 'TXT', 'NODATA'],
    ['web.default.svc.cluster.local', 'MX', 'NODATA'],
    ['cluster.local', 'A', 'NODATA'],
    ['cluster.local', 'TXT', 'NXDOMAIN'],
    ['default.svc.cluster.local', 'A', 'NODATA'],
    ['nosuchns.svc.cluster.local', 'A', 'NXDOMAIN'],
    ['nope.default.svc.cluster.local', 'SOA', 'NODATA'], // SOA below the apex, even non-existent
    ['nope.default.svc.cluster.local', 'NS', 'NODATA'], // the NS special case answers first
    ['search-proxy.default.svc.cluster.local', 'SRV', 'NODATA'],
    ['x.search-proxy.default.svc.cluster.local', 'A', 'NXDOMAIN'],
    ['10-244-1-5.default.pod.cluster.local', 'A', 'DATA'],
    ['not-an-ip.default.pod.cluster.local', 'A', 'NXDOMAIN'],
    ['default.pod.cluster.local', 'A', 'NODATA'],
    ['*.default.svc.cluster.local', 'A', 'NXDOMAIN'], // no wildcards since CoreDNS 1.9
    ['web.default.other.cluster.local', 'A', 'NXDOMAIN'],
  ])('%s %s -> %s', (name, type, want) => {
    expect(rcodeOf(name, type)).toBe(want);
  });
  it('both carry one SOA in authority, AA set, spelled as the query spelled the zone', () => {
    const r = ask(scenario, 'nope.default.svc.Cluster.Local').response;
    expect(r.header.aa).toBe(true);
    expect(r.authority).toHaveLength(1);
    expect(r.authority[0]).toMatchObject({
      name: 'Cluster.Local.',
      ttl: 30,
      data: {
        kind: 'SOA',
        mname: 'ns.dns.Cluster.Local.',
        rname: 'hostmaster.Cluster.Local.',
        refresh: 7200,
        retry: 1800,
        expire: 86400,
        minimum: 30,
      },
    });
  });
});

describe('ExternalName, PTR, pods, TTLs', () => {
  it('ExternalName: the CNAME first, then the upstream A, one TTL for both', () => {
    const r = ask(scenario, 'search-proxy.default.svc.cluster.local').response;
    expect(rdata(r)).toEqual(['search.example.com.', '192.0.2.20']);
    expect(r.answers.map((rr) => rr.ttl)).toEqual([30, 30]);
  });
  it('ExternalName whose target does not resolve: just the CNAME, NOERROR', () => {
    const r = ask(scenario, 'nowhere.default.svc.cluster.local').response;
    expect([r.header.rcode, ...rdata(r)]).toEqual([RCODE.NOERROR, 'nowhere.example.com.']);
  });
  it('ExternalName inside the zone is chased by the plugin', () => {
    const r = ask(scenario, 'web-alias.default.svc.cluster.local').response;
    expect(rdata(r)).toEqual(['web.default.svc.cluster.local.', '10.96.77.77']);
  });
  it('an IP-looking externalName does not exist', () => {
    const dns = new ClusterDns(
      clusterOf(`---
apiVersion: v1
kind: Service
metadata:
  name: legacy
spec:
  type: ExternalName
  externalName: 192.0.2.44
`),
    );
    expect(ask(dns, 'legacy.default.svc.cluster.local').response.header.rcode).toBe(RCODE.NXDOMAIN);
  });
  it('PTR: ClusterIP -> Service; endpoint -> one name per selecting Service', () => {
    const dns = new ClusterDns(
      clusterOf(`---
apiVersion: v1
kind: Service
metadata:
  name: a
spec:
  clusterIP: 10.96.1.1
  selector:
    app: x
  ports:
    - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: b
spec:
  clusterIP: None
  selector:
    app: x
  ports:
    - port: 80
${podYaml({ name: 'x-0', ip: '10.244.1.9', labels: { app: 'x' } })}`),
    );
    expect(rdata(ask(dns, '1.1.96.10.in-addr.arpa', 'PTR').response)).toEqual([
      'a.default.svc.cluster.local.',
    ]);
    expect(new Set(rdata(ask(dns, '9.1.244.10.in-addr.arpa', 'PTR').response))).toEqual(
      new Set([
        '10-244-1-9.a.default.svc.cluster.local.',
        '10-244-1-9.b.default.svc.cluster.local.',
      ]),
    );
  });
  it('an unknown reverse name falls through to the upstream (no aa, ra set)', () => {
    const e = ask(scenario, '9.9.244.10.in-addr.arpa', 'PTR');
    expect(e.answeredBy).toBe('forward');
    expect([e.response.header.aa, e.response.header.ra]).toEqual([false, true]);
  });
  it('dns-version is 1.1.0 with TTL 30 (the plugin says 28800; cache 30 caps it)', () => {
    const r = ask(scenario, 'dns-version.cluster.local', 'TXT').response;
    expect(r.answers[0]?.ttl).toBe(30);
    expect(r.answers[0]?.data).toEqual({
      kind: 'TXT',
      strings: [new TextEncoder().encode('1.1.0')],
    });
  });
  it('answers echo the query spelling; SRV targets use the zone as spelled', () => {
    const r = ask(scenario, '_HTTP._TCP.web.default.svc.cLuStEr.LoCaL', 'SRV').response;
    expect(r.answers[0]?.name).toBe('_HTTP._TCP.web.default.svc.cLuStEr.LoCaL.');
    expect(rdata(r)).toEqual(['0 100 80 web.default.svc.cLuStEr.LoCaL.']);
  });
  it('a BADVERS for EDNS version 1', () => {
    const q = buildQuery('web.default.svc.cluster.local', TYPE.A);
    const e = scenario.exchange({ ...q, edns: { ...q.edns!, version: 1 } });
    expect([e.response.header.rcode, e.response.edns?.extendedRcode]).toEqual([0, 1]);
  });
});
