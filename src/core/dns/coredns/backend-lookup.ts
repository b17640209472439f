/**
 * Records from backend services (plugin/backend_lookup.go): A/AAAA with CNAME chasing for
 * ExternalName, SRV with CoreDNS's weights, TXT, CNAME, PTR, NS and the zone's SOA.
 */
import { canonical, fqdn, isSubdomain } from '../wire/name.ts';
import { utf8 } from '../wire/text.ts';
import { CLASS_IN, type ResourceRecord, TYPE } from '../wire/types.ts';
import {
  type Backend,
  hostType,
  type KubernetesBackend,
  NAME_ERROR,
  type RequestState,
} from './kubernetes.ts';

export type Records = readonly ResourceRecord[] | typeof NAME_ERROR;

/** Resolves a name outside the zone through the whole server again (the plugin's Upstream). */
export type UpstreamLookup = (name: string, qtype: number) => readonly ResourceRecord[] | null;

const rr = (
  name: string,
  type: number,
  ttl: number,
  data: ResourceRecord['data'],
): ResourceRecord => ({
  name,
  type,
  class: CLASS_IN,
  ttl,
  data,
});

function address(name: string, b: Backend, family: 'A' | 'AAAA'): ResourceRecord {
  return family === 'A'
    ? rr(name, TYPE.A, b.ttl, { kind: 'A', address: b.host })
    : rr(name, TYPE.AAAA, b.ttl, { kind: 'AAAA', address: b.host });
}

function withQuestion(state: RequestState, name: string): RequestState {
  return { ...state, qname: fqdn(name), name: canonical(name) };
}

/** A or AAAA (backend_lookup.go A/AAAA; they differ only in the family they keep). */
export function addresses(
  k: KubernetesBackend,
  state: RequestState,
  family: 'A' | 'AAAA',
  previous: readonly ResourceRecord[],
  upstream: UpstreamLookup,
): Records {
  const found = k.services(state);
  if (found === NAME_ERROR) return found;
  const out: ResourceRecord[] = [];
  const seen = new Set<string>();
  for (const b of found) {
    const what = hostType(b);
    if (what === family) {
      if (!seen.has(b.host)) {
        seen.add(b.host);
        out.push(address(state.qname, b, family));
      }
      continue;
    }
    if (what !== 'CNAME') continue;
    const target = fqdn(b.host);
    if (isSubdomain(state.name, target)) continue; // x CNAME x (or below): a direct loop
    const cname = rr(state.qname, TYPE.CNAME, b.ttl, { kind: 'NAME', target });
    if (previous.length > 7) continue; // chains stop after 8 CNAMEs
    if (
      previous.some((p) => p.data.kind === 'NAME' && canonical(p.data.target) === canonical(target))
    )
      continue;
    if (isSubdomain(state.zone, target)) {
      const next = addresses(
        k,
        withQuestion(state, target),
        family,
        [...previous, cname],
        upstream,
      );
      // The CNAME is kept only if the in-zone target produced addresses.
      if (next !== NAME_ERROR && next.length > 0) out.push(cname, ...next);
      continue;
    }
    const answer = upstream(target, family === 'A' ? TYPE.A : TYPE.AAAA);
    if (answer === null) continue;
    out.push(cname, ...answer);
  }
  return out;
}

/** SRV with weight floor(100/n) over all n matches, deduplicated on (target, port). */
export function srv(
  k: KubernetesBackend,
  state: RequestState,
): { records: ResourceRecord[]; extra: ResourceRecord[] } | typeof NAME_ERROR {
  const found = k.services(state);
  if (found === NAME_ERROR) return found;
  const total = found.length * 100; // every backend weighs 100 at priority 0
  const records: ResourceRecord[] = [];
  const extra: ResourceRecord[] = [];
  const dup = new Set<string>();
  for (const b of found) {
    if (b.port === -1) continue; // no declared port: no SRV (but it counted in the weights)
    const weight = Math.max(1, Math.floor((100 / total) * 100));
    const what = hostType(b);
    if (what !== 'A' && what !== 'AAAA') continue;
    const target = fqdn(b.domain);
    const srvKey = `${target}|port|${b.port}`;
    if (!dup.has(srvKey)) {
      dup.add(srvKey);
      records.push(
        rr(state.qname, TYPE.SRV, b.ttl, {
          kind: 'SRV',
          priority: 0,
          weight,
          port: b.port,
          target,
        }),
      );
    }
    const addrKey = `${target}|addr|${b.host}`;
    if (!dup.has(addrKey)) {
      dup.add(addrKey);
      extra.push(address(target, b, what));
    }
  }
  return { records, extra };
}

export function txt(k: KubernetesBackend, state: RequestState): Records {
  const found = k.services(state);
  if (found === NAME_ERROR) return found;
  return found
    .filter((b) => b.text !== undefined)
    .map((b) => rr(state.qname, TYPE.TXT, b.ttl, { kind: 'TXT', strings: [utf8(b.text ?? '')] }));
}

export function cname(k: KubernetesBackend, state: RequestState): Records {
  const found = k.services(state);
  if (found === NAME_ERROR) return found;
  const first = found[0];
  if (!first || hostType(first) !== 'CNAME') return [];
  return [rr(state.qname, TYPE.CNAME, first.ttl, { kind: 'NAME', target: fqdn(first.host) })];
}

export function ptr(k: KubernetesBackend, state: RequestState): Records {
  const found = k.reverse(state);
  if (found === NAME_ERROR) return found;
  const seen = new Set<string>();
  const out: ResourceRecord[] = [];
  for (const b of found) {
    if (seen.has(b.host)) continue;
    seen.add(b.host);
    out.push(rr(state.qname, TYPE.PTR, b.ttl, { kind: 'NAME', target: fqdn(b.host) }));
  }
  return out;
}

export function ns(
  k: KubernetesBackend,
  state: RequestState,
): { records: ResourceRecord[]; extra: ResourceRecord[] } {
  const records: ResourceRecord[] = [];
  const extra: ResourceRecord[] = [];
  for (const b of k.nsAddrs(state.zone)) {
    const what = hostType(b);
    if (what !== 'A' && what !== 'AAAA') continue;
    extra.push(address(b.domain, b, what));
    if (records.some((r) => r.data.kind === 'NAME' && r.data.target === b.domain)) continue;
    records.push(rr(state.qname, TYPE.NS, b.ttl, { kind: 'NAME', target: b.domain }));
  }
  return { records, extra };
}

/** The zone's SOA: TTL min(ttl, 300), `ns.dns.<zone>`, `hostmaster.<zone>`, fixed timers. */
export function soa(k: KubernetesBackend, zone: string): ResourceRecord {
  const min = k.config.ttl;
  return rr(zone, TYPE.SOA, Math.min(min, 300), {
    kind: 'SOA',
    mname: `ns.dns.${zone}`,
    rname: `hostmaster.${zone}`,
    serial: k.config.serial,
    refresh: 7200,
    retry: 1800,
    expire: 86400,
    minimum: min,
  });
}

export type { Backend };
