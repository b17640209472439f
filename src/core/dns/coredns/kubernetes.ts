/**
 * The kubernetes plugin's backend (plugin/kubernetes/kubernetes.go, reverse.go, ns.go): which
 * "services" (CoreDNS's msg.Service: a host that is an IP or a name, a port, a TTL and the DNS
 * name it lives at) a request finds, or that the name does not exist.
 */
import { addressFromReverse, parseIP } from '../ip.ts';
import { canonical, splitName } from '../wire/name.ts';
import { TYPE } from '../wire/types.ts';
import { type ClusterIndex, endpointLabel, type ServiceEntry } from './cluster-index.ts';
import type { CorednsConfig } from './config.ts';
import { parseRequest, type RecordRequest } from './parse-request.ts';

/** CoreDNS's msg.Service. */
export interface Backend {
  /** An IP address, or a name (an ExternalName target), or '' for a TXT. */
  readonly host: string;
  readonly port: number;
  readonly ttl: number;
  /** Where the record lives (msg.Domain(key)): the SRV target, the NS name. */
  readonly domain: string;
  readonly text?: string;
}

/** The three errors the plugin treats as "name does not exist" (IsNameError). */
export const NAME_ERROR = 'NXDOMAIN' as const;
export type Found = readonly Backend[] | typeof NAME_ERROR;

export interface RequestState {
  /** The question name as spelled on the wire. */
  readonly qname: string;
  /** Lower-cased qname. */
  readonly name: string;
  readonly qtype: number;
  /** The matched zone in the query's spelling (CoreDNS keeps the client's case). */
  readonly zone: string;
}

export function hostType(b: Backend): 'A' | 'AAAA' | 'CNAME' | 'TXT' {
  if (b.text !== undefined) return 'TXT';
  const ip = parseIP(b.host);
  if (!ip) return 'CNAME';
  return ip.family === 'IPv4' ? 'A' : 'AAAA';
}

const match = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function matchPortAndProtocol(r: RecordRequest, name: string, protocol: string): boolean {
  return (
    (r.port === '' || match(r.port, name)) && (r.protocol === '' || match(r.protocol, protocol))
  );
}

export class KubernetesBackend {
  constructor(
    readonly index: ClusterIndex,
    readonly config: CorednsConfig,
  ) {}

  private exposed(ns: string): boolean {
    return this.index.namespaces.has(ns.toLowerCase());
  }

  /** `kube-dns.kube-system.svc.<zone>` and its addresses (ns.go nsAddrs). */
  nsAddrs(zone: string): Backend[] {
    const s = this.index.dnsService;
    const domain = `${s.name}.${s.namespace}.svc.${zone}`;
    return s.clusterIPs.map((ip) => ({ host: ip, port: 0, ttl: this.config.ttl, domain }));
  }

  /** Services(): the per-type special cases, then Records(). */
  services(state: RequestState): Found {
    if (state.qtype === TYPE.TXT) {
      const segs = splitName(state.name).slice(0, -splitName(state.zone).length);
      if (segs.length === 1 && segs[0] === 'dns-version') {
        // DNSSchemaVersion; the plugin gives it TTL 28800 (the cache then caps it).
        return [{ host: '', port: 0, ttl: 28800, domain: state.qname, text: '1.1.0' }];
      }
      // NODATA only if the name has records of some other type, else NXDOMAIN.
      const others = this.records(state);
      return others !== NAME_ERROR && others.length > 0 ? [] : NAME_ERROR;
    }
    if (state.qtype === TYPE.NS) return this.nsAddrs(state.zone);
    if (state.name === `ns.dns.${canonical(state.zone)}`) {
      const want = state.qtype === TYPE.A ? 'A' : state.qtype === TYPE.AAAA ? 'AAAA' : '';
      return this.nsAddrs(state.zone)
        .filter((b) => hostType(b) === want)
        .map((b) => ({ ...b, domain: state.qname }));
    }
    const found = this.records(state);
    // SRV for ExternalName Services is not implemented upstream: drop the CNAME hosts.
    if (state.qtype !== TYPE.SRV || found === NAME_ERROR) return found;
    return found.filter((b) => hostType(b) !== 'CNAME');
  }

  records(state: RequestState): Found {
    const zone = canonical(state.zone);
    const r = parseRequest(state.name, zone);
    if (r === 'invalid') return NAME_ERROR;
    if (r.podOrSvc === '') return [];
    if (zone.endsWith('in-addr.arpa.') || zone.endsWith('ip6.arpa.')) return NAME_ERROR;
    if (!this.exposed(r.namespace)) return NAME_ERROR;
    return r.podOrSvc === 'pod' ? this.findPods(r, state.zone) : this.findServices(r, state.zone);
  }

  private findPods(r: RecordRequest, zone: string): Found {
    if (this.config.pods === 'disabled') return NAME_ERROR;
    if (r.service === '') return [];
    const label = r.service;
    const text =
      (label.match(/-/g) ?? []).length === 3 && !label.includes('--')
        ? label.replaceAll('-', '.')
        : label.replaceAll('-', ':');
    const domain = `${label}.${r.namespace}.pod.${zone}`;
    const ip = parseIP(text);
    if (!ip) return NAME_ERROR;
    // `pods insecure` answers for any well-formed IP; `verified` needs a pod with it (not modelled
    // beyond the IP list the index has: scenario pods are not indexed here).
    return [{ host: text, port: 0, ttl: this.config.ttl, domain }];
  }

  private findServices(r: RecordRequest, zone: string): Found {
    if (r.service === '') return [];
    const out: Backend[] = [];
    let found = false;
    const ttl = this.config.ttl;
    for (const svc of this.index.services) {
      if (!match(svc.namespace, r.namespace) || !match(svc.name, r.service)) continue;
      const domain = `${svc.name}.${svc.namespace}.svc.${zone}`;
      if (svc.type === 'ExternalName') {
        // An ExternalName has no endpoints and no ports: sub-names do not exist.
        if (r.endpoint !== '' || r.port !== '' || r.protocol !== '') continue;
        // An IP-looking externalName is not turned into a CNAME: the name does not exist.
        if (svc.externalName === '' || parseIP(svc.externalName)) continue;
        out.push({ host: svc.externalName, port: 0, ttl, domain });
        found = true;
        continue;
      }
      if (svc.headless || r.endpoint !== '') {
        for (const subset of svc.subsets) {
          for (const addr of subset.addresses) {
            const label = endpointLabel(addr);
            if (r.endpoint !== '' && !match(r.endpoint, label)) continue;
            for (const p of subset.ports) {
              if (!matchPortAndProtocol(r, p.name, p.protocol)) continue;
              out.push({ host: addr.ip, port: p.port, ttl, domain: `${label}.${domain}` });
              found = true;
            }
          }
        }
        continue;
      }
      for (const p of svc.ports) {
        if (!matchPortAndProtocol(r, p.name, p.protocol)) continue;
        found = true;
        for (const ip of svc.clusterIPs) out.push({ host: ip, port: p.port, ttl, domain });
      }
    }
    return found ? out : NAME_ERROR;
  }

  /** Reverse(): a Service ClusterIP first, else every ready endpoint with that address. */
  reverse(state: RequestState): Found {
    const ip = addressFromReverse(state.name);
    if (ip === null) {
      const r = this.records(state);
      return r === NAME_ERROR ? r : [];
    }
    const primary = this.index.zone;
    const ttl = this.config.ttl;
    const byClusterIP = this.index.services.find((s) => s.clusterIPs.includes(ip));
    if (byClusterIP) {
      const host = `${byClusterIP.name}.${byClusterIP.namespace}.svc.${primary}`;
      return [{ host, port: 0, ttl, domain: host }];
    }
    const out: Backend[] = [];
    for (const svc of this.index.services) out.push(...endpointPtrs(svc, ip, primary, ttl));
    return out.length > 0 ? out : NAME_ERROR;
  }
}

function endpointPtrs(svc: ServiceEntry, ip: string, zone: string, ttl: number): Backend[] {
  const out: Backend[] = [];
  for (const subset of svc.subsets) {
    for (const addr of subset.addresses) {
      if (addr.ip !== ip) continue;
      const host = `${endpointLabel(addr)}.${svc.name}.${svc.namespace}.svc.${zone}`;
      out.push({ host, port: 0, ttl, domain: host });
    }
  }
  return out;
}
