/**
 * `kubectl describe service NAME` (reference §6.6; kubectl's pkg/describe/describe.go
 * describeService, formatEndpointSlices, buildIngressString, printLabelsMultiline).
 */
import { slicesOf } from '../model/endpointslice-controller.ts';
import { minorVersion } from '../model/settings.ts';
import type { Cluster, Service } from '../model/types.ts';
import { formatEndpointSlices, formatEndpoints } from './describe-endpoints.ts';
import { selectorText } from './get.ts';
import { tabwrite } from './tabwriter.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function multiline(title: string, entries: Array<[string, string]>, sep: string): string[] {
  if (entries.length === 0) return [`${title}:\t<none>`];
  return entries.map(([k, v], i) => `${i === 0 ? `${title}:` : ''}\t${k}${sep}${v}`);
}

/** printAnnotationsMultiline's limit: longer (or multi-line) values go below their key, cut. */
const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline: `k: v`, or `k:` then each value line indented two spaces. */
function annotationLines(entries: Array<[string, string]>): string[] {
  if (entries.length === 0) return ['Annotations:\t<none>'];
  const out: string[] = [];
  entries.forEach(([key, raw], i) => {
    const lead = i === 0 ? 'Annotations:\t' : '\t';
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      out.push(`${lead}${key}:`);
      for (const line of value.split('\n'))
        out.push(`\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}`);
    } else out.push(`${lead}${key}: ${value}`);
  });
  return out;
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** buildIngressString; the ipMode suffix since kubectl 1.31. */
function ingressText(svc: Service, minor: number): string {
  return (svc.status?.loadBalancer?.ingress ?? [])
    .map((i) => {
      if (!i.ip) return i.hostname ?? '';
      return i.ipMode && minor >= 31 ? `${i.ip} (${i.ipMode})` : i.ip;
    })
    .join(', ');
}

/**
 * The lines follow the kubectl of the cluster's version (users run a matching client): 1.30
 * reads EndpointSlices instead of Endpoints (kubernetes#124598), 1.31 adds Internal Traffic
 * Policy and the ingress ipMode and renames the second `IP:` to `Desired LoadBalancer IP:`
 * (#125117), 1.34 adds Traffic Distribution (#131491), 1.36 AppProtocol (#135744).
 */
export function describeService(svc: Service, cluster: Cluster): string {
  const minor = minorVersion(cluster.kubernetesVersion);
  const spec = svc.spec;
  const labels = Object.entries(svc.metadata.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const annotations = Object.entries(svc.metadata.annotations ?? {})
    .filter(([k]) => k !== LAST_APPLIED)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const lines = [
    `Name:\t${svc.metadata.name ?? ''}`,
    `Namespace:\t${svc.metadata.namespace ?? 'default'}`,
    ...multiline('Labels', labels, '='),
    ...annotationLines(annotations),
    `Selector:\t${selectorText(spec.selector)}`,
    `Type:\t${spec.type ?? ''}`,
  ];
  if (spec.ipFamilyPolicy) lines.push(`IP Family Policy:\t${spec.ipFamilyPolicy}`);
  lines.push(`IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}`);
  lines.push(`IP:\t${spec.clusterIP ?? ''}`);
  lines.push(`IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}`);
  if (spec.externalIPs?.length) lines.push(`External IPs:\t${spec.externalIPs.join(',')}`);
  if (spec.loadBalancerIP)
    lines.push(`${minor >= 31 ? 'Desired LoadBalancer IP' : 'IP'}:\t${spec.loadBalancerIP}`);
  if (spec.externalName) lines.push(`External Name:\t${spec.externalName}`);
  if (svc.status?.loadBalancer?.ingress?.length)
    lines.push(`LoadBalancer Ingress:\t${ingressText(svc, minor)}`);
  const slices = slicesOf(svc, cluster.endpointSlices);
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    lines.push(`Port:\t${name}\t${port.port}/${port.protocol}`);
    lines.push(`TargetPort:\t${port.targetPort ?? port.port}/${port.protocol}`);
    if (port.appProtocol && minor >= 36) lines.push(`AppProtocol:\t${port.appProtocol}`);
    if (port.nodePort) lines.push(`NodePort:\t${name}\t${port.nodePort}/${port.protocol}`);
    const endpoints =
      minor >= 30
        ? formatEndpointSlices(slices, port.name ?? '')
        : formatEndpoints(svc, slices, port.name ?? '');
    lines.push(`Endpoints:\t${endpoints}`);
  }
  lines.push(`Session Affinity:\t${spec.sessionAffinity ?? 'None'}`);
  if (spec.externalTrafficPolicy)
    lines.push(`External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy && minor >= 31)
    lines.push(`Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) lines.push(`HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if (spec.loadBalancerSourceRanges?.length)
    lines.push(`LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}`);
  if (spec.trafficDistribution && minor >= 34)
    lines.push(`Traffic Distribution:\t${spec.trafficDistribution}`);
  lines.push('Events:\t<none>');
  return tabwrite(`${lines.join('\n')}\n`, { minwidth: 0, padding: 2 });
}
