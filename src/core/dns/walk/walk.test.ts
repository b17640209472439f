import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../index.ts';
import { digInPod, resolveInPod } from '../in-pod.ts';
import { ClusterDns } from '../respond.ts';
import { clusterDnsScenario } from '../test-support/scenarios.ts';
import { TYPE } from '../wire/types.ts';
import type { SearchWalk } from './types.ts';

const cluster = applyScenario(clusterDnsScenario).cluster;
const dns = new ClusterDns(cluster);
const POD = 'default/nginx-59ff7ffd6b-7vgh2';

function walk(name: string, extra: { family?: 'ipv4' | 'ipv6'; pod?: string } = {}): SearchWalk {
  const r = resolveInPod(cluster, { pod: extra.pod ?? POD, name, dns, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}
const path = (w: SearchWalk) => w.steps.map((s) => `${s.name} ${s.outcome}`);

describe("glibc's getaddrinfo walk from a pod in default (ndots:5)", () => {
  it('a short Service name: the first search domain answers; A and AAAA go together', () => {
    const w = walk('web');
    expect(path(w)).toEqual(['web.default.svc.cluster.local. answer']);
    expect(w.steps[0]?.queries.map((q) => [q.type, q.outcome])).toEqual([
      [TYPE.A, 'answer'],
      [TYPE.AAAA, 'nodata'],
    ]);
    expect(w.addresses).toEqual(['10.96.77.77']);
    expect(w.steps[0]?.stops).toBe(true);
  });

  it('NODATA does not stop glibc: a namespace name goes on to the root and fails', () => {
    const w = walk('shop');
    expect(path(w)).toEqual([
      'shop.default.svc.cluster.local. nxdomain',
      'shop.svc.cluster.local. nodata',
      'shop.cluster.local. nxdomain',
      'shop. nxdomain',
    ]);
    expect(w.result).toBe('nodata');
    expect(w.addresses).toEqual([]);
  });

  it('another namespace: two names; an external name: three NXDOMAINs inside the cluster first', () => {
    expect(path(walk('api-lb.shop'))).toEqual([
      'api-lb.shop.default.svc.cluster.local. nxdomain',
      'api-lb.shop.svc.cluster.local. answer',
    ]);
    const ext = walk('db.example.com');
    expect(path(ext)).toEqual([
      'db.example.com.default.svc.cluster.local. nxdomain',
      'db.example.com.svc.cluster.local. nxdomain',
      'db.example.com.cluster.local. nxdomain',
      'db.example.com. answer',
    ]);
    expect(ext.addresses).toEqual(['192.0.2.30']);
    expect(ext.steps.flatMap((s) => s.queries)).toHaveLength(8);
  });

  it('even the full name (4 dots < ndots 5) is searched first; a trailing dot is one query pair', () => {
    expect(path(walk('web.default.svc.cluster.local'))).toEqual([
      'web.default.svc.cluster.local.default.svc.cluster.local. nxdomain',
      'web.default.svc.cluster.local.svc.cluster.local. nxdomain',
      'web.default.svc.cluster.local.cluster.local. nxdomain',
      'web.default.svc.cluster.local. answer',
    ]);
    expect(path(walk('web.default.svc.cluster.local.'))).toEqual([
      'web.default.svc.cluster.local. answer',
    ]);
    expect(path(walk('nope.default.svc.cluster.local.'))).toEqual([
      'nope.default.svc.cluster.local. nxdomain',
    ]);
  });

  it('five dots or more: the name as is first, then the search list', () => {
    expect(path(walk('_http._tcp.web.default.svc.cluster.local'))[0]).toBe(
      '_http._tcp.web.default.svc.cluster.local. answer',
    );
    const miss = walk('a.b.c.d.e.example');
    expect(miss.steps.map((s) => s.suffix)).toEqual([
      null,
      'default.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
    ]);
    expect(miss.result).toBe('nxdomain');
  });

  it('queries carry RD only and no EDNS; AF_INET asks for A alone', () => {
    const q = walk('web').steps[0]?.queries[0]?.exchange.query;
    expect([q?.header.rd, q?.header.ad, q?.edns]).toEqual([true, false, undefined]);
    expect(walk('web', { family: 'ipv4' }).steps[0]?.queries.map((x) => x.type)).toEqual([TYPE.A]);
  });

  it('a truncated UDP reply sends the pair again over TCP, whose answers count', () => {
    const w = walk('workers.batch');
    const step = w.steps[1];
    expect(step?.name).toBe('workers.batch.svc.cluster.local.');
    expect(step?.queries.map((q) => [q.transport, q.udp?.response.header.tc])).toEqual([
      ['tcp', true],
      ['tcp', false],
    ]);
    expect(w.addresses).toHaveLength(80);
  });

  it('AI_ADDRCONFIG: an IPv4-only pod asks for A only', () => {
    const r = resolveInPod(cluster, { pod: POD, name: 'shop', dns, addrconfig: true });
    if (!r.ok) throw new Error('walk failed');
    expect(r.value.steps.map((s) => s.queries.map((q) => q.type))).toEqual([
      [TYPE.A],
      [TYPE.A],
      [TYPE.A],
      [TYPE.A],
    ]);
  });

  it('/etc/hosts answers localhost and the pod itself without a query', () => {
    const w = walk('localhost');
    expect([w.result, w.steps.length, w.addresses]).toEqual(['files', 0, ['127.0.0.1', '::1']]);
    expect(walk('nginx-59ff7ffd6b-7vgh2').result).toBe('files');
  });
});

describe('dig +search from the same pod', () => {
  const dig = (...args: string[]) => {
    const r = digInPod(cluster, { pod: POD, args, dns });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    return r.value;
  };

  it('without +search dig sends exactly the name typed', () => {
    const d = dig('web');
    expect(path(d.walk)).toEqual(['web. nxdomain']);
    expect(d.text).toContain('status: NXDOMAIN');
  });

  it('+search uses the resolv.conf list and ndots, and stops at NODATA where glibc goes on', () => {
    expect(path(dig('web', '+search').walk)).toEqual(['web.default.svc.cluster.local. answer']);
    const shop = dig('shop', '+search');
    expect(path(shop.walk)).toEqual([
      'shop.default.svc.cluster.local. nxdomain',
      'shop.svc.cluster.local. nodata',
    ]);
    expect(shop.text).toContain(';shop.svc.cluster.local.\t\tIN\tA');
    expect(shop.text).toContain('; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> shop +search\n');
  });

  it('+search with enough dots, or a trailing dot, sends the name once', () => {
    expect(dig('a.b.c.d.e.example', '+search').walk.steps).toHaveLength(1);
    expect(dig('example.com.', '+search').walk.steps).toHaveLength(1);
    expect(path(dig('db.example.com', '+search', '+ndots=1').walk)).toEqual([
      'db.example.com. answer',
    ]);
  });

  it('prints its footer twice for an NXDOMAIN name sent as is for its dots (as real dig 9.18)', () => {
    const count = (t: string) => t.split(';; MSG SIZE').length - 1;
    expect(count(dig('a.b.c.d.e.nope', '+search').text)).toBe(2);
    expect(count(dig('a.b.c.d.e.nope').text)).toBe(1);
    expect(count(dig('nope', '+search').text)).toBe(1);
  });

  it("the SERVER is the pod's nameserver; a Default-policy pod asks the node's resolver", () => {
    expect(dig('web.default.svc.cluster.local').text).toContain(
      ';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n',
    );
  });
});
