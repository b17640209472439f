/**
 * Service defaulting, as `SetDefaults_Service` (pkg/apis/core/v1/defaults.go) and the API
 * round-trip leave it (reference §7): what `kubectl get -o yaml` shows right after `kubectl apply`.
 * Runs before allocation and validation, which is why "Required value" errors for these fields
 * never reach users (reference §1.7).
 */
import { minorVersion } from './settings.ts';
import type { Service, ServicePort } from './types.ts';

/** `apiservice.ExternallyAccessible`: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(svc: Service): boolean {
  const t = svc.spec.type;
  return (
    t === 'LoadBalancer' ||
    t === 'NodePort' ||
    (t === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0)
  );
}

/** `apiservice.NeedsHealthCheck`: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

/** Default MaxClientIPServiceAffinitySeconds / DefaultClientIPServiceAffinitySeconds: 3 hours. */
export const DEFAULT_AFFINITY_TIMEOUT = 10800;

export function defaultService(input: Service, kubernetesVersion: string): Service {
  const minor = minorVersion(kubernetesVersion);
  const spec = { ...input.spec };
  if (spec.type === undefined || (spec.type as string) === '') spec.type = 'ClusterIP';
  if (spec.sessionAffinity === undefined || (spec.sessionAffinity as string) === '')
    spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  else if (spec.sessionAffinity === 'ClientIP') {
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (timeout === undefined) {
      spec.sessionAffinityConfig = {
        ...spec.sessionAffinityConfig,
        clientIP: {
          ...spec.sessionAffinityConfig?.clientIP,
          timeoutSeconds: DEFAULT_AFFINITY_TIMEOUT,
        },
      };
    }
  }
  if (spec.ports) spec.ports = spec.ports.map(defaultPort);
  const svc: Service = { ...input, spec };
  if (externallyAccessible(svc) && !spec.externalTrafficPolicy)
    spec.externalTrafficPolicy = 'Cluster';
  if (spec.type !== 'ExternalName' && spec.internalTrafficPolicy === undefined)
    spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined)
    spec.allocateLoadBalancerNodePorts = true;
  // Empty maps and lists do not survive the API's JSON round-trip (omitempty): `selector: {}` is
  // stored as no selector at all (kubernetes/kubernetes#25837).
  if (spec.selector && Object.keys(spec.selector).length === 0) delete spec.selector;
  for (const key of ['externalIPs', 'loadBalancerSourceRanges', 'ports'] as const) {
    if (spec[key]?.length === 0) delete spec[key];
  }
  // trafficDistribution: alpha (gate off) in 1.30, beta from 1.31. A disabled field is dropped.
  if (minor < 31) delete spec.trafficDistribution;
  return { ...svc, spec, status: defaultStatus(input, minor) };
}

function defaultPort(p: ServicePort): ServicePort {
  const out: ServicePort = { ...p };
  if (out.protocol === undefined || (out.protocol as string) === '') out.protocol = 'TCP';
  if (out.targetPort === undefined || out.targetPort === 0 || out.targetPort === '')
    out.targetPort = out.port ?? 0;
  return out;
}

/**
 * Status is the load-balancer controller's to write; the simulator keeps the ingress a scenario
 * gives (it stands for that controller) and otherwise shows `loadBalancer: {}` as the API does.
 * ipMode defaults to VIP for ingress IPs since 1.30 (LoadBalancerIPMode beta).
 */
function defaultStatus(svc: Service, minor: number): NonNullable<Service['status']> {
  const ingress = svc.status?.loadBalancer?.ingress;
  if (!ingress || ingress.length === 0 || svc.spec.type !== 'LoadBalancer')
    return { loadBalancer: {} };
  return {
    loadBalancer: {
      ingress: ingress.map((i) =>
        i.ip !== undefined && i.ipMode === undefined && minor >= 30 ? { ...i, ipMode: 'VIP' } : i,
      ),
    },
  };
}
