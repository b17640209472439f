/**
 * `kubectl describe service NAME` (reference §6.6; kubectl's pkg/describe/describe.go
 * describeService, formatEndpointSlices, buildIngressString, printLabelsMultiline).
 */
import { slicesOf } from '../model/endpointslice-controller.ts';
import type { Cluster, EndpointSlice, Service } from '../model/types.ts';
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

/**
 * formatEndpointSlices: ready (or nil-ready) endpoints of the slices whose port name matches, as
 * `IP:port`. kubectl's own quirk is kept: it notes "more" when the list is full *before* it skips
 * an unready endpoint, so 3 ready endpoints followed by an unready one print `... + 0 more...`.
 */
function endpointsText(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const visit = (ready: boolean | undefined, text: string) => {
    if (list.length === max) more = true;
    if (ready === false) return;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    if (!slice.ports || slice.ports.length === 0) {
      // Headless Services may have no ports: the addresses alone.
      for (const e of slice.endpoints) visit(e.conditions.ready, e.addresses[0] ?? '');
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints) {
        const addr = e.addresses[0] ?? '';
        const host = addr.includes(':') ? `[${addr}]` : addr; // net.JoinHostPort
        visit(e.conditions.ready, `${host}:${port.port ?? 0}`);
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function ingressText(svc: Service): string {
  return (svc.status?.loadBalancer?.ingress ?? [])
    .map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? '')))
    .join(', ');
}

export function describeService(svc: Service, cluster: Cluster): string {
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
  if (spec.loadBalancerIP) lines.push(`Desired LoadBalancer IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) lines.push(`External Name:\t${spec.externalName}`);
  if (svc.status?.loadBalancer?.ingress?.length)
    lines.push(`LoadBalancer Ingress:\t${ingressText(svc)}`);
  const slices = slicesOf(svc, cluster.endpointSlices);
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    lines.push(`Port:\t${name}\t${port.port}/${port.protocol}`);
    lines.push(`TargetPort:\t${port.targetPort ?? port.port}/${port.protocol}`);
    if (port.appProtocol) lines.push(`AppProtocol:\t${port.appProtocol}`);
    if (port.nodePort) lines.push(`NodePort:\t${name}\t${port.nodePort}/${port.protocol}`);
    lines.push(`Endpoints:\t${endpointsText(slices, port.name ?? '')}`);
  }
  lines.push(`Session Affinity:\t${spec.sessionAffinity ?? 'None'}`);
  if (spec.externalTrafficPolicy)
    lines.push(`External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy)
    lines.push(`Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) lines.push(`HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if (spec.loadBalancerSourceRanges?.length)
    lines.push(`LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}`);
  if (spec.trafficDistribution) lines.push(`Traffic Distribution:\t${spec.trafficDistribution}`);
  lines.push('Events:\t<none>');
  return tabwrite(`${lines.join('\n')}\n`, { minwidth: 0, padding: 2 });
}
