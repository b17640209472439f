/**
 * What CoreDNS's kubernetes plugin holds in its informer caches (plugin/kubernetes/object): the
 * Services with their ClusterIPs and ports, and each Service's endpoints reduced to the ready
 * addresses, their DNS labels and the slice's ports.
 */
import type { Cluster, EndpointSlice, Service } from '../../model/types.ts';
import { canonicalIP } from '../ip.ts';

export interface PortEntry {
  readonly name: string;
  readonly protocol: string;
  /** -1 when the object declares no port (CoreDNS's sentinel): A records yes, SRV no. */
  readonly port: number;
}

export interface EndpointAddress {
  readonly ip: string;
  /** The endpoint's `hostname`, when the EndpointSlice controller set one. */
  readonly hostname: string;
}

/** One EndpointSlice as CoreDNS keeps it: ready addresses and the slice's ports. */
export interface EndpointSubset {
  readonly addresses: readonly EndpointAddress[];
  readonly ports: readonly PortEntry[];
}

export interface ServiceEntry {
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly headless: boolean;
  readonly clusterIPs: readonly string[];
  readonly externalName: string;
  readonly ports: readonly PortEntry[];
  readonly subsets: readonly EndpointSubset[];
}

export interface ClusterIndex {
  readonly zone: string; // `cluster.local.`
  readonly namespaces: ReadonlySet<string>;
  readonly services: readonly ServiceEntry[];
  /** The address(es) CoreDNS answers for `ns.dns.<zone>` and as the NS target. */
  readonly dnsService: ServiceEntry;
}

const SENTINEL: PortEntry = { name: '', protocol: '', port: -1 };

/** Namespaces every cluster has, whether or not the scenario puts objects in them. */
const BUILTIN_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

function serviceEntry(svc: Service, subsets: readonly EndpointSubset[]): ServiceEntry {
  const ips = (svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : []))
    .filter((ip) => ip !== 'None' && ip !== '')
    .map((ip) => canonicalIP(ip) ?? ip);
  const ports = (svc.spec.ports ?? []).map((p) => ({
    name: p.name ?? '',
    protocol: p.protocol ?? 'TCP',
    port: p.port,
  }));
  return {
    name: svc.metadata.name ?? '',
    namespace: svc.metadata.namespace ?? 'default',
    type: svc.spec.type ?? 'ClusterIP',
    headless: svc.spec.clusterIP === 'None',
    clusterIPs: svc.spec.type === 'ExternalName' ? [] : ips,
    externalName: svc.spec.externalName ?? '',
    ports: ports.length > 0 ? ports : [SENTINEL],
    subsets,
  };
}

/** CoreDNS object.EndpointSliceToEndpoints: only ready endpoints (a missing condition is ready). */
function subsetOf(slice: EndpointSlice): EndpointSubset {
  const addresses: EndpointAddress[] = [];
  for (const ep of slice.endpoints ?? []) {
    if (ep.conditions?.ready === false) continue;
    for (const ip of ep.addresses) {
      addresses.push({ ip: canonicalIP(ip) ?? ip, hostname: ep.hostname ?? '' });
    }
  }
  const ports = (slice.ports ?? []).map((p) => ({
    name: p.name ?? '',
    protocol: p.protocol ?? 'TCP',
    port: p.port ?? -1,
  }));
  return { addresses, ports: ports.length > 0 ? ports : [SENTINEL] };
}

/** kubeadm's kube-dns Service, for scenarios that do not spell it out. */
function kubeDns(clusterDNS: string): ServiceEntry {
  return {
    name: 'kube-dns',
    namespace: 'kube-system',
    type: 'ClusterIP',
    headless: false,
    clusterIPs: [clusterDNS],
    externalName: '',
    ports: [
      { name: 'dns', protocol: 'UDP', port: 53 },
      { name: 'dns-tcp', protocol: 'TCP', port: 53 },
      { name: 'metrics', protocol: 'TCP', port: 9153 },
    ],
    subsets: [],
  };
}

/** The Service's first address in the service CIDR, as the API server allocates `kubernetes`. */
function firstServiceIP(subnet: string): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(subnet);
  if (!m) return null;
  const base = m.slice(1, 5).reduce((n, o) => n * 256 + Number(o), 0);
  const mask = Number(m[5]);
  const network = Math.floor(base / 2 ** (32 - mask)) * 2 ** (32 - mask);
  const ip = network + 1;
  return [24, 16, 8, 0].map((s) => Math.floor(ip / 2 ** s) % 256).join('.');
}

export function indexCluster(cluster: Cluster): ClusterIndex {
  const slicesByService = new Map<string, EndpointSubset[]>();
  for (const slice of cluster.endpointSlices) {
    const owner = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!owner || slice.addressType === 'FQDN') continue;
    const key = `${slice.metadata.namespace ?? 'default'}/${owner}`;
    const list = slicesByService.get(key) ?? [];
    list.push(subsetOf(slice));
    slicesByService.set(key, list);
  }
  const services = cluster.services.map((svc) =>
    serviceEntry(
      svc,
      slicesByService.get(`${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`) ?? [],
    ),
  );
  const has = (ns: string, name: string) =>
    services.some((s) => s.namespace === ns && s.name === name);
  // Every kubeadm cluster has these two Services; a scenario usually leaves them out.
  if (!has('kube-system', 'kube-dns')) services.push(kubeDns(cluster.clusterDNS));
  const apiIP = firstServiceIP(cluster.serviceSubnet);
  if (!has('default', 'kubernetes') && apiIP) {
    services.push({
      name: 'kubernetes',
      namespace: 'default',
      type: 'ClusterIP',
      headless: false,
      clusterIPs: [apiIP],
      externalName: '',
      ports: [{ name: 'https', protocol: 'TCP', port: 443 }],
      subsets: [],
    });
  }
  const namespaces = new Set(BUILTIN_NAMESPACES);
  for (const o of [...cluster.services, ...cluster.pods, ...cluster.endpointSlices]) {
    namespaces.add(o.metadata.namespace ?? 'default');
  }
  for (const o of cluster.others) {
    if (o.kind === 'Namespace' && o.metadata?.name) namespaces.add(o.metadata.name);
  }
  const dnsService =
    services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns') ??
    kubeDns(cluster.clusterDNS);
  return {
    zone: `${cluster.dnsDomain.replace(/\.$/, '').toLowerCase()}.`,
    namespaces,
    services,
    dnsService,
  };
}

/** The endpoint's DNS label: hostname, else the dashed IP (CoreDNS endpointHostname). */
export function endpointLabel(addr: EndpointAddress): string {
  if (addr.hostname !== '') return addr.hostname;
  if (addr.ip.includes('.')) return addr.ip.replaceAll('.', '-');
  // IPv6: colons become dashes; a trailing dash would not be a valid label, so append 0.
  const dashed = addr.ip.replaceAll(':', '-');
  return dashed.endsWith('-') ? `${dashed}0` : dashed;
}
