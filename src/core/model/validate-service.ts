/**
 * `ValidateService` (pkg/apis/core/validation/validation.go), in upstream order: stage 5 of a
 * create, after defaulting and allocation. All errors are aggregated into one 422 response.
 * Version-dependent wording follows the scenario's Kubernetes minor version.
 */
import type { FieldError, GoValue } from './field-error.ts';
import {
  duplicate,
  forbidden,
  int,
  invalid,
  notSupported,
  required,
  str,
  strings,
} from './field-error.ts';
import { parseIP } from './ip.ts';
import {
  INVALID_IP,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidCIDR,
  isValidIP,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  specialIPError,
} from './names.ts';
import { externallyAccessible, needsHealthCheck } from './service-defaults.ts';
import type { ObjectMeta, Service } from './types.ts';

const sorted = (xs: Iterable<string>) => [...xs].sort();

function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIPs?.length === 1 && svc.spec.clusterIPs[0] === 'None';
}

/** ValidateObjectMeta (create) with the kind's name rule. */
export function validateObjectMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  nameRule: (name: string) => string[],
): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const m of nameRule(meta.generateName))
      errs.push(invalid('metadata.generateName', str(meta.generateName), m));
  }
  if (!meta.name) {
    errs.push(required('metadata.name', 'name or generateName is required'));
  } else {
    for (const m of nameRule(meta.name)) errs.push(invalid('metadata.name', str(meta.name), m));
  }
  if (namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace', ''));
    else
      for (const m of isDNS1123Label(meta.namespace))
        errs.push(invalid('metadata.namespace', str(meta.namespace), m));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  for (const key of sorted(Object.keys(meta.annotations ?? {}))) {
    for (const m of isQualifiedName(key.toLowerCase()))
      errs.push(invalid('metadata.annotations', str(key), m));
  }
  return errs;
}

/** ValidateLabels: keys are qualified names, values label values (map order sorted). */
export function validateLabels(labels: Record<string, string> | undefined, path: string) {
  const errs: FieldError[] = [];
  for (const key of sorted(Object.keys(labels ?? {}))) {
    for (const m of isQualifiedName(key)) errs.push(invalid(path, str(key), m));
    const value = labels?.[key] ?? '';
    for (const m of isValidLabelValue(value)) errs.push(invalid(path, str(value), m));
  }
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields: also run during allocation (stage 4). */
export function validateClusterIPsRelatedFields(svc: Service): FieldError[] {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const clusterIPs = spec.clusterIPs ?? [];
  const ipsValue = strings(spec.clusterIPs ?? null);
  let hasInvalidIPs = false;
  if (spec.clusterIP) {
    if (clusterIPs.length === 0) errs.push(required('spec.clusterIPs'));
    else if (clusterIPs[0] !== spec.clusterIP)
      errs.push(invalid('spec.clusterIPs', ipsValue, 'first value must match `clusterIP`'));
  } else if (clusterIPs.length !== 0) {
    errs.push(
      invalid('spec.clusterIPs', ipsValue, 'must be empty when `clusterIP` is not specified'),
    );
  }
  const seen = new Set<string>();
  for (const [i, fam] of (spec.ipFamilies ?? []).entries()) {
    if (fam !== 'IPv4' && fam !== 'IPv6')
      errs.push(notSupported(`spec.ipFamilies[${i}]`, str(fam), ['IPv4', 'IPv6']));
    if (seen.has(fam)) errs.push(duplicate(`spec.ipFamilies[${i}]`, str(fam)));
    seen.add(fam);
  }
  const policy = spec.ipFamilyPolicy;
  if (
    policy !== undefined &&
    policy !== 'SingleStack' &&
    policy !== 'PreferDualStack' &&
    policy !== 'RequireDualStack'
  )
    errs.push(
      notSupported('spec.ipFamilyPolicy', str(policy), [
        'PreferDualStack',
        'RequireDualStack',
        'SingleStack',
      ]),
    );
  for (const [i, ip] of clusterIPs.entries()) {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid('spec.clusterIPs', ipsValue, "'None' must be the first and only value"));
      }
      continue;
    }
    const msgs = isValidIP(ip);
    if (msgs.length > 0) hasInvalidIPs = true;
    for (const m of msgs) errs.push(invalid(`spec.clusterIPs[${i}]`, str(ip), m));
  }
  if (clusterIPs.length > 2)
    errs.push(invalid('spec.clusterIPs', ipsValue, 'may only hold up to 2 values'));
  if (hasInvalidIPs) return errs;
  if (clusterIPs.length > 1) {
    const fams = clusterIPs.map((ip) => parseIP(ip)?.family);
    if (!(fams.length === 2 && fams[0] !== fams[1]))
      errs.push(
        invalid('spec.clusterIPs', ipsValue, 'may specify no more than one IP for each IP family'),
      );
  }
  if (!isHeadless(svc) && clusterIPs.length > 0 && (spec.ipFamilies?.length ?? 0) > 0) {
    for (const [i, ip] of clusterIPs.entries()) {
      const fam = spec.ipFamilies?.[i];
      if (fam === undefined) break;
      const isV6 = parseIP(ip)?.family === 6;
      if (fam === 'IPv4' && isV6)
        errs.push(
          invalid(
            `spec.clusterIPs[${i}]`,
            str(ip),
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      if (fam === 'IPv6' && !isV6)
        errs.push(
          invalid(
            `spec.clusterIPs[${i}]`,
            str(ip),
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
    }
  }
  return errs;
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_AFFINITY_SECONDS = 86400;

function trafficDistributions(minor: number): string[] {
  // PreferSameZone/PreferSameNode: PreferSameTrafficDistribution gate, beta (on) in 1.34.
  return minor >= 34 ? ['PreferClose', 'PreferSameNode', 'PreferSameZone'] : ['PreferClose'];
}

export function validateService(svc: Service, minor: number): FieldError[] {
  const spec = svc.spec;
  const errs = validateObjectMeta(svc.metadata, true, isDNS1035Label);
  const ann = svc.metadata.annotations ?? {};
  const hintsKey = 'service.kubernetes.io/topology-aware-hints';
  const modeKey = 'service.kubernetes.io/topology-mode';
  if (ann[modeKey] !== undefined && ann[hintsKey] !== undefined && ann[modeKey] !== ann[hintsKey])
    errs.push(
      invalid(
        `metadata.annotations[${modeKey}]`,
        str(ann[modeKey]),
        `must match annotations[${hintsKey}] when both are specified`,
      ),
    );
  const ports = spec.ports ?? [];
  const headless = isHeadless(svc);
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName')
    errs.push(required('spec.ports'));
  if (spec.type === 'LoadBalancer' && headless)
    errs.push(
      invalid(
        'spec.clusterIPs[0]',
        str('None'),
        "may not be set to 'None' for LoadBalancer services",
      ),
    );
  if (spec.type === 'NodePort' && headless)
    errs.push(
      invalid('spec.clusterIPs[0]', str('None'), "may not be set to 'None' for NodePort services"),
    );
  if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs?.length ?? 0) > 0)
      errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies?.length ?? 0) > 0)
      errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined)
      errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname.length > 0)
      for (const m of isDNS1123Subdomain(cname))
        errs.push(invalid('spec.externalName', str(cname), m));
    else errs.push(required('spec.externalName'));
  }

  const names = new Set<string>();
  for (const [i, sp] of ports.entries()) {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !sp.name) errs.push(required(`${path}.name`));
    else if (sp.name) {
      for (const m of isDNS1123Label(sp.name)) errs.push(invalid(`${path}.name`, str(sp.name), m));
      if (names.has(sp.name)) errs.push(duplicate(`${path}.name`, str(sp.name)));
      else names.add(sp.name);
    }
    for (const m of isValidPortNum(sp.port ?? 0))
      errs.push(invalid(`${path}.port`, int(sp.port ?? 0), m));
    const protocol = sp.protocol ?? '';
    if (protocol === '') errs.push(required(`${path}.protocol`));
    else if (!PROTOCOLS.includes(protocol))
      errs.push(notSupported(`${path}.protocol`, str(protocol), PROTOCOLS));
    const tp = sp.targetPort ?? 0;
    if (typeof tp === 'number')
      for (const m of isValidPortNum(tp)) errs.push(invalid(`${path}.targetPort`, int(tp), m));
    else for (const m of isValidPortName(tp)) errs.push(invalid(`${path}.targetPort`, str(tp), m));
    if (sp.appProtocol !== undefined)
      for (const m of isQualifiedName(sp.appProtocol))
        errs.push(invalid(`${path}.appProtocol`, str(sp.appProtocol), m));
  }

  if (spec.selector !== undefined) errs.push(...validateLabels(spec.selector, 'spec.selector'));

  const affinity = spec.sessionAffinity ?? '';
  if (affinity === '') errs.push(required('spec.sessionAffinity'));
  else if (affinity !== 'ClientIP' && affinity !== 'None')
    errs.push(notSupported('spec.sessionAffinity', str(affinity), ['ClientIP', 'None']));
  if (affinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const detail = 'when session affinity type is ClientIP';
    const path = 'spec.sessionAffinityConfig';
    const timeout = cfg?.clientIP?.timeoutSeconds;
    if (!cfg) errs.push(required(path, detail));
    else if (!cfg.clientIP) errs.push(required(`${path}.clientIP`, detail));
    else if (timeout === undefined) errs.push(required(`${path}.clientIP.timeoutSeconds`, detail));
    else if (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS)
      errs.push(
        invalid(
          `${path}.clientIP.timeoutSeconds`,
          int(timeout),
          `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`,
        ),
      );
  } else if (affinity === 'None' && spec.sessionAffinityConfig !== undefined) {
    errs.push(
      forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'),
    );
  }

  errs.push(...validateClusterIPsRelatedFields(svc));

  for (const [i, ip] of (spec.externalIPs ?? []).entries()) {
    const path = `spec.externalIPs[${i}]`;
    const bad = isValidIP(ip);
    if (bad.length > 0) for (const m of bad) errs.push(invalid(path, str(ip), m));
    else {
      const special = specialIPError(ip);
      if (special && special !== INVALID_IP) errs.push(invalid(path, str(ip), special));
    }
  }

  const type = spec.type ?? '';
  if (type === '') errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type))
    errs.push(notSupported('spec.type', str(type), SERVICE_TYPES));

  if (type === 'ClusterIP')
    for (const [i, sp] of ports.entries())
      if (sp.nodePort)
        errs.push(
          forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"),
        );

  const nodePorts = new Set<string>();
  for (const [i, sp] of ports.entries()) {
    if (!sp.nodePort) continue;
    const key = `${sp.protocol}/${sp.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, int(sp.nodePort)));
    nodePorts.add(key);
  }
  const portKeys = new Set<string>();
  for (const [i, sp] of ports.entries()) {
    const key = `${sp.protocol}/${sp.port}`;
    if (portKeys.has(key)) {
      const value: GoValue = {
        go: 'servicePort',
        v: { Name: '', Protocol: sp.protocol ?? '', Port: sp.port ?? 0 },
      };
      errs.push(duplicate(`spec.ports[${i}]`, value));
    }
    portKeys.add(key);
  }

  errs.push(...validateSourceRanges(svc, minor));

  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer')
    errs.push(
      forbidden(
        'spec.allocateLoadBalancerNodePorts',
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined)
    errs.push(required('allocateLoadBalancerNodePorts'));

  if (type === 'LoadBalancer') {
    if (spec.loadBalancerClass !== undefined)
      for (const m of isQualifiedName(spec.loadBalancerClass))
        errs.push(invalid('spec.loadBalancerClass', str(spec.loadBalancerClass), m));
  } else if (spec.loadBalancerClass !== undefined) {
    errs.push(
      forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"),
    );
  }

  const etp = spec.externalTrafficPolicy ?? '';
  if (!externallyAccessible(svc)) {
    if (etp !== '')
      errs.push(
        invalid(
          'spec.externalTrafficPolicy',
          str(etp),
          'may only be set for externally-accessible services',
        ),
      );
  } else if (etp === '') errs.push(required('spec.externalTrafficPolicy'));
  else if (etp !== 'Cluster' && etp !== 'Local')
    errs.push(notSupported('spec.externalTrafficPolicy', str(etp), ['Cluster', 'Local']));
  const hc = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(svc)) {
    if (hc !== 0)
      errs.push(
        invalid(
          'spec.healthCheckNodePort',
          int(hc),
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
  } else if (hc === 0) errs.push(required('spec.healthCheckNodePort'));
  else
    for (const m of isValidPortNum(hc)) errs.push(invalid('spec.healthCheckNodePort', int(hc), m));

  const itp = spec.internalTrafficPolicy;
  if (itp === undefined) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP')
      errs.push(required('spec.internalTrafficPolicy'));
  } else if (itp !== 'Cluster' && itp !== 'Local')
    errs.push(notSupported('spec.internalTrafficPolicy', str(itp), ['Cluster', 'Local']));

  if (spec.trafficDistribution !== undefined) {
    const allowed = trafficDistributions(minor);
    if (!allowed.includes(spec.trafficDistribution))
      errs.push(notSupported('spec.trafficDistribution', str(spec.trafficDistribution), allowed));
  }
  return errs;
}

/** spec.LoadBalancerSourceRanges (capital L, historical) or its annotation. */
function validateSourceRanges(svc: Service, minor: number): FieldError[] {
  const errs: FieldError[] = [];
  const ranges = svc.spec.loadBalancerSourceRanges ?? [];
  const isLB = svc.spec.type === 'LoadBalancer';
  const annKey = 'service.beta.kubernetes.io/load-balancer-source-ranges';
  const ann = svc.metadata.annotations?.[annKey];
  if (ranges.length > 0) {
    const path = 'spec.LoadBalancerSourceRanges';
    if (!isLB) errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    for (const [i, raw] of ranges.entries()) {
      const value = raw.trim();
      if (minor >= 31) {
        for (const m of isValidCIDR(value)) errs.push(invalid(`${path}[${i}]`, str(value), m));
      } else if (isValidCIDR(value).length > 0) {
        errs.push(
          invalid(
            path,
            str(value),
            'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ',
          ),
        );
      }
    }
  } else if (ann !== undefined) {
    const path = `metadata.annotations[${annKey}]`;
    if (!isLB) errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    const val = ann.trim();
    if (val !== '') {
      for (const raw of val.split(',')) {
        const value = raw.trim();
        if (minor >= 31)
          for (const m of isValidCIDR(value)) errs.push(invalid(path, str(value), m));
        else if (isValidCIDR(value).length > 0)
          errs.push(
            invalid(
              path,
              str(value),
              'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ',
            ),
          );
      }
    }
  }
  return errs;
}
