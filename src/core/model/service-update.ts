/**
 * A second `kubectl apply` of a Service that exists: an update, not a create
 * (pkg/registry/core/service/storage/storage.go beginUpdate, patchAllocatedValues;
 * pkg/apis/core/validation ValidateServiceUpdate). What the user omitted that the server had
 * allocated is put back; what the user changed that may not change is refused — the reference's
 * mistake 16: `spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set`.
 */
import { type FieldError, forbidden, invalid, strings } from './field-error.ts';
import { needsHealthCheck } from './service-defaults.ts';
import type { Service, ServicePort } from './types.ts';

function needsClusterIP(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && svc.spec.clusterIP !== 'None';
}

function needsNodePort(svc: Service): boolean {
  const t = svc.spec.type;
  return (
    t === 'NodePort' || (t === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false)
  );
}

/** patchAllocatedValues: the allocated clusterIP(s), nodePorts and healthCheckNodePort the update omits. */
export function patchAllocatedValues(next: Service, old: Service): Service {
  const spec = { ...next.spec };
  if (needsClusterIP(old) && needsClusterIP(next)) {
    if (!spec.clusterIP && old.spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
    if ((spec.clusterIPs?.length ?? 0) === 0 && (old.spec.clusterIPs?.length ?? 0) > 0)
      spec.clusterIPs = [...(old.spec.clusterIPs ?? [])];
  }
  if (needsNodePort(old) && needsNodePort(next) && spec.ports) {
    const used = (s: Service) => new Set((s.spec.ports ?? []).map((p) => p.nodePort ?? 0));
    const oldUsed = used(old);
    const taken = new Set([...used(next)].filter((n) => oldUsed.has(n)));
    // By port name: the user may have changed other properties of the port.
    const byName = new Map((old.spec.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    spec.ports = spec.ports.map((p): ServicePort => {
      if (p.nodePort) return p;
      const previous = byName.get(p.name ?? '') ?? 0;
      return previous && !taken.has(previous) ? { ...p, nodePort: previous } : p;
    });
  }
  if (needsHealthCheck(old) && needsHealthCheck(next) && !spec.healthCheckNodePort)
    if (old.spec.healthCheckNodePort) spec.healthCheckNodePort = old.spec.healthCheckNodePort;
  // normalizeClusterIPs: a singular clusterIP without the plural is copied into it; a changed
  // singular with an unchanged plural means the user edited `clusterIP` only.
  if ((spec.clusterIPs?.length ?? 0) === 0) {
    if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  } else if (
    spec.clusterIP !== old.spec.clusterIP &&
    JSON.stringify(spec.clusterIPs) === JSON.stringify(old.spec.clusterIPs ?? [])
  ) {
    if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
    else delete spec.clusterIPs;
  }
  return { ...next, spec };
}

/**
 * ValidateServiceUpdate's own checks (the full ValidateService follows them): the primary
 * clusterIP may not change (validateUpgradeDowngradeClusterIPs), nor the healthCheckNodePort.
 * Changes to or from ExternalName are exempt.
 */
export function validateServiceUpdate(old: Service, next: Service): FieldError[] {
  const errs: FieldError[] = [];
  if (old.spec.type !== 'ExternalName' && next.spec.type !== 'ExternalName') {
    const before = old.spec.clusterIPs ?? [];
    const after = next.spec.clusterIPs ?? [];
    const value = strings(after.length > 0 ? after : null);
    if (before.length === after.length) {
      before.forEach((ip, i) => {
        if (ip !== after[i])
          errs.push(invalid(`spec.clusterIPs[${i}]`, value, 'may not change once set'));
      });
    } else if (before.length > after.length) {
      if (after.length === 0)
        errs.push(invalid('spec.clusterIPs[0]', value, 'primary clusterIP can not be unset'));
      else if (after[0] !== before[0])
        errs.push(invalid('spec.clusterIPs[0]', value, 'may not change once set'));
    } else if (before.length > 0 && after[0] !== before[0]) {
      errs.push(invalid('spec.clusterIPs[0]', value, 'may not change once set'));
    }
  }
  if (
    needsHealthCheck(old) &&
    needsHealthCheck(next) &&
    old.spec.healthCheckNodePort !== next.spec.healthCheckNodePort
  )
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  return errs;
}
