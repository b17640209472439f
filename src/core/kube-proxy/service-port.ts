import { savedAddress } from '../iptables/address.ts';
import type { Protocol as IptProtocol, SourceRef } from '../iptables/types.ts';
import type { Service } from '../model/types.ts';
import { type ServicePortChains, servicePortChains, servicePortNameString } from './chain-names.ts';
import type { Family } from './endpoints.ts';
import type { ProxyProfile } from './profile.ts';

/**
 * kube-proxy's per-port view of a Service (pkg/proxy/serviceport.go `BaseServicePortInfo`,
 * pkg/proxy/servicechangetracker.go): one entry per spec.ports[i] of a Service that has a cluster
 * IP of the proxier's family. Headless (clusterIP None), ExternalName and Services labelled
 * `service.kubernetes.io/service-proxy-name` are not proxied.
 */

export interface Located<T> {
  readonly value: T;
  readonly field: string;
}

export interface ServicePortInfo {
  readonly service: Service;
  readonly object: string; // `Service ns/name`
  readonly namespace: string;
  readonly name: string;
  readonly portIndex: number;
  readonly portName: string;
  /** `ns/name:port` (proxy.ServicePortName.String()). */
  readonly nameString: string;
  /** Upper-case API protocol, for matching EndpointSlice ports. */
  readonly apiProtocol: string;
  readonly protocol: IptProtocol;
  readonly chains: ServicePortChains;
  readonly clusterIP: Located<string>;
  readonly port: number;
  readonly nodePort: number;
  readonly externalIPs: readonly Located<string>[];
  readonly loadBalancerIPs: readonly Located<string>[];
  readonly sourceRanges: readonly Located<string>[];
  readonly healthCheckNodePort: number;
  readonly affinityTimeout: number | null;
  readonly internalPolicyLocal: boolean;
  readonly externalPolicyLocal: boolean;
  readonly externallyAccessible: boolean;
  readonly annotations: Readonly<Record<string, string>>;
  readonly trafficDistribution: string;
}

const SERVICE_PROXY_NAME = 'service.kubernetes.io/service-proxy-name';
const DEFAULT_AFFINITY_SECONDS = 10800;

function familyOf(ip: string): Family {
  return ip.includes(':') ? 'IPv6' : 'IPv4';
}

/** 1.30+: addresses are parsed and printed back (`10.0.0.7/24` → `10.0.0.0/24`). */
function normalise(text: string, cidr: boolean, profile: ProxyProfile): string {
  if (!profile.normalisedAddresses) return text;
  const saved = savedAddress(text);
  if (saved === text) return text;
  return cidr ? saved : (saved.split('/')[0] ?? text);
}

function clusterIPOf(svc: Service, family: Family): Located<string> | null {
  const ips = svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : []);
  for (const [i, ip] of ips.entries()) {
    if (ip === 'None' || ip === '') return null;
    if (familyOf(ip) === family) {
      return { value: ip, field: svc.spec.clusterIPs ? `spec.clusterIPs[${i}]` : 'spec.clusterIP' };
    }
  }
  return null;
}

export function servicePorts(
  svc: Service,
  family: Family,
  profile: ProxyProfile,
): ServicePortInfo[] {
  const type = svc.spec.type ?? 'ClusterIP';
  if (type === 'ExternalName') return [];
  if (svc.metadata.labels?.[SERVICE_PROXY_NAME] !== undefined) return [];
  const clusterIP = clusterIPOf(svc, family);
  if (!clusterIP) return [];
  const namespace = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const externalIPs: Located<string>[] = [];
  for (const [i, ip] of (svc.spec.externalIPs ?? []).entries()) {
    if (familyOf(ip) === family) {
      externalIPs.push({ value: normalise(ip, false, profile), field: `spec.externalIPs[${i}]` });
    }
  }
  const loadBalancerIPs: Located<string>[] = [];
  for (const [i, ing] of (svc.status?.loadBalancer?.ingress ?? []).entries()) {
    if (!ing.ip || familyOf(ing.ip) !== family) continue;
    if (profile.ipModeProxy && ing.ipMode === 'Proxy') continue;
    loadBalancerIPs.push({
      value: normalise(ing.ip, false, profile),
      field: `status.loadBalancer.ingress[${i}].ip`,
    });
  }
  const sourceRanges: Located<string>[] = [];
  for (const [i, raw] of (svc.spec.loadBalancerSourceRanges ?? []).entries()) {
    const range = raw.trim();
    if (!/^[0-9a-fA-F.:]+\/\d+$/.test(range) || familyOf(range) !== family) continue;
    sourceRanges.push({
      value: normalise(range, true, profile),
      field: `spec.loadBalancerSourceRanges[${i}]`,
    });
  }
  const externallyAccessibleType =
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && (svc.spec.externalIPs ?? []).length > 0);
  const externalPolicyLocal =
    externallyAccessibleType && svc.spec.externalTrafficPolicy === 'Local';
  const annotations = svc.metadata.annotations ?? {};
  const affinityTimeout =
    svc.spec.sessionAffinity === 'ClientIP'
      ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS)
      : null;
  const healthCheckNodePort =
    type === 'LoadBalancer' && externalPolicyLocal ? (svc.spec.healthCheckNodePort ?? 0) : 0;
  return (svc.spec.ports ?? []).map((p, portIndex) => {
    const portName = p.name ?? '';
    const apiProtocol = p.protocol ?? 'TCP';
    const protocol = apiProtocol.toLowerCase() as IptProtocol;
    const nameString = servicePortNameString(namespace, name, portName);
    const nodePort = p.nodePort ?? 0;
    return {
      service: svc,
      object: `Service ${namespace}/${name}`,
      namespace,
      name,
      portIndex,
      portName,
      nameString,
      apiProtocol,
      protocol,
      chains: servicePortChains(nameString, protocol),
      clusterIP,
      port: p.port,
      nodePort,
      externalIPs,
      loadBalancerIPs,
      sourceRanges,
      healthCheckNodePort,
      affinityTimeout,
      internalPolicyLocal: svc.spec.internalTrafficPolicy === 'Local',
      externalPolicyLocal,
      externallyAccessible: nodePort !== 0 || loadBalancerIPs.length > 0 || externalIPs.length > 0,
      annotations,
      trafficDistribution: svc.spec.trafficDistribution ?? '',
    };
  });
}

/** The Service's own reference for a field. */
export function serviceRef(info: ServicePortInfo, field: string): SourceRef {
  return { object: info.object, field };
}
