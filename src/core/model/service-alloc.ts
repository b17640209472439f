/**
 * Stage 4 of a Service create (reference §0, §2; pkg/registry/core/service/storage/alloc.go):
 * IP-family initialisation, ClusterIP allocation, NodePort and healthCheckNodePort allocation.
 * It runs before validation, and its errors are returned alone.
 */
import type { IPAllocator, PortAllocator } from './allocators.ts';
import type { FieldError } from './field-error.ts';
import { int, invalid, str, strings } from './field-error.ts';
import { parseIP } from './ip.ts';
import { needsHealthCheck } from './service-defaults.ts';
import type { IPFamily, Service, ServicePort } from './types.ts';
import { validateClusterIPsRelatedFields } from './validate-service.ts';

export interface Allocators {
  /** By family; the first entry is the cluster's primary family. */
  readonly ips: ReadonlyMap<IPFamily, IPAllocator>;
  readonly primaryFamily: IPFamily;
  readonly nodePorts: PortAllocator;
}

/** Why a create failed: a 422 with field errors, or a 500 (allocation internals). */
export type Failure =
  | { readonly kind: 'Invalid'; readonly errors: readonly FieldError[] }
  | { readonly kind: 'InternalError'; readonly message: string };

export type AllocateOutcome =
  | { readonly ok: true; readonly service: Service; readonly release: () => void }
  | { readonly ok: false; readonly failure: Failure };

const familyOf = (ip: string): IPFamily => (parseIP(ip)?.family === 6 ? 'IPv6' : 'IPv4');

function shouldAllocateNodePorts(svc: Service): boolean {
  if (svc.spec.type === 'NodePort') return true;
  return svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false;
}

/** `namespace/name`: the owner key of allocated values. */
export function ownerKey(svc: Service): string {
  return `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`;
}

export function allocateService(input: Service, al: Allocators, minor: number): AllocateOutcome {
  const spec = { ...input.spec };
  const svc: Service = { ...input, spec };
  const owner = ownerKey(svc);
  // normalizeClusterIPs (create): a singular clusterIP is copied into clusterIPs.
  if (spec.clusterIP && (spec.clusterIPs?.length ?? 0) === 0) spec.clusterIPs = [spec.clusterIP];

  const families = initIPFamilyFields(svc, al, minor);
  if (families) return { ok: false, failure: { kind: 'Invalid', errors: families } };

  const releases: Array<() => void> = [];
  const release = () => {
    for (const r of releases) r();
  };

  // ClusterIPs (not for ExternalName, not for headless).
  if (spec.type !== 'ExternalName' && spec.clusterIPs?.[0] !== 'None') {
    const ips = [...(spec.clusterIPs ?? [])];
    for (const [i, family] of (spec.ipFamilies ?? []).entries()) {
      const allocator = al.ips.get(family);
      if (!allocator) continue; // pre-validated: every family is configured
      const wanted = ips[i] ?? '';
      const result =
        wanted === ''
          ? allocator.allocateNext(owner, `${owner}/${family}`)
          : allocator.allocate(wanted, owner);
      if (!result.ok) {
        release();
        if (wanted === '')
          return {
            ok: false,
            failure: {
              kind: 'InternalError',
              message: `failed to allocate a serviceIP: ${result.error}`,
            },
          };
        return {
          ok: false,
          failure: {
            kind: 'Invalid',
            errors: [
              invalid(
                'spec.clusterIPs',
                strings(spec.clusterIPs ?? []),
                `failed to allocate IP ${wanted}: ${result.error}`,
              ),
            ],
          },
        };
      }
      const ip = result.value;
      releases.push(() => allocator.release(ip, owner));
      ips[i] = ip;
    }
    spec.clusterIPs = ips;
    if (ips[0] !== undefined) spec.clusterIP = ips[0];
  }

  // NodePorts: ports with the same `port` number share one nodePort (initNodePorts).
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const ports: ServicePort[] = (spec.ports ?? []).map((p) => ({ ...p }));
    const byPortNumber = new Map<number, number>();
    for (const [i, sp] of ports.entries()) {
      if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue;
      const shared = byPortNumber.get(sp.port);
      if (shared === undefined) {
        const requested =
          ports.find((p, j) => j >= i && p.port === sp.port && p.nodePort)?.nodePort ?? 0;
        const result =
          requested !== 0
            ? al.nodePorts.allocate(requested, owner)
            : al.nodePorts.allocateNext(owner, `${owner}:${sp.port}`);
        if (!result.ok) {
          release();
          if (requested === 0)
            return {
              ok: false,
              failure: {
                kind: 'InternalError',
                message: `failed to allocate a nodePort: ${result.error}`,
              },
            };
          return {
            ok: false,
            failure: {
              kind: 'Invalid',
              errors: [invalid(`spec.ports[${i}].nodePort`, int(requested), result.error)],
            },
          };
        }
        const np = result.value;
        releases.push(() => al.nodePorts.release(np, owner));
        sp.nodePort = np;
        byPortNumber.set(sp.port, np);
      } else if (sp.nodePort !== shared) {
        if (!sp.nodePort) sp.nodePort = shared;
        else {
          const result = al.nodePorts.allocate(sp.nodePort, owner);
          if (!result.ok) {
            release();
            return {
              ok: false,
              failure: {
                kind: 'Invalid',
                errors: [invalid(`spec.ports[${i}].nodePort`, int(sp.nodePort), result.error)],
              },
            };
          }
          const np = result.value;
          releases.push(() => al.nodePorts.release(np, owner));
        }
      }
    }
    spec.ports = ports;
  }

  // healthCheckNodePort for LoadBalancer + externalTrafficPolicy Local.
  if (needsHealthCheck(svc)) {
    const requested = spec.healthCheckNodePort ?? 0;
    const result =
      requested !== 0
        ? al.nodePorts.allocate(requested, owner)
        : al.nodePorts.allocateNext(owner, `${owner}:healthCheckNodePort`);
    if (!result.ok) {
      release();
      return {
        ok: false,
        failure: {
          kind: 'InternalError',
          message:
            requested !== 0
              ? `failed to allocate requested HealthCheck NodePort ${requested}: ${result.error}`
              : `failed to allocate a HealthCheck NodePort 0: ${result.error}`,
        },
      };
    }
    const np = result.value;
    releases.push(() => al.nodePorts.release(np, owner));
    spec.healthCheckNodePort = np;
  }
  return { ok: true, service: svc, release };
}

/** initIPFamilyFields (create): defaults ipFamilyPolicy/ipFamilies; returns errors, or null. */
function initIPFamilyFields(svc: Service, al: Allocators, minor: number): FieldError[] | null {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return null;
  const headless = spec.clusterIP === 'None';
  const selectorless = Object.keys(spec.selector ?? {}).length === 0;
  if (spec.ipFamilyPolicy === undefined)
    spec.ipFamilyPolicy = headless && selectorless ? 'RequireDualStack' : 'SingleStack';

  const pre = validateClusterIPsRelatedFields(svc);
  if (pre.length > 0) return pre;

  const errs: FieldError[] = [];
  const policy = spec.ipFamilyPolicy;
  if (policy === 'SingleStack') {
    if (spec.clusterIPs?.length === 2)
      errs.push(
        invalid(
          'spec.ipFamilyPolicy',
          str(policy),
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        ),
      );
    if (spec.ipFamilies?.length === 2)
      errs.push(
        invalid(
          'spec.ipFamilyPolicy',
          str(policy),
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        ),
      );
  }
  const families = [...(spec.ipFamilies ?? [])];
  for (const [i, ip] of (spec.clusterIPs ?? []).entries()) {
    if (ip === 'None') break;
    const fam = familyOf(ip);
    if (i >= families.length) {
      if (!al.ips.has(fam))
        errs.push(
          invalid(
            `spec.clusterIPs[${i}]`,
            strings(spec.clusterIPs ?? []),
            `${fam} is not configured on this cluster`,
          ),
        );
      else families.push(fam);
    }
  }
  spec.ipFamilies = families;
  if (errs.length > 0) return errs;

  if (headless && selectorless) {
    if (families.length === 0) families.push(al.primaryFamily);
    if (families.length < 2 && policy !== 'SingleStack')
      families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    spec.ipFamilies = families;
    return null;
  }
  if (policy === 'RequireDualStack' && al.ips.size < 2)
    errs.push(
      invalid(
        'spec.ipFamilyPolicy',
        str(policy),
        'this cluster is not configured for dual-stack services',
      ),
    );
  for (const [i, fam] of families.entries()) {
    if (!al.ips.has(fam))
      errs.push(invalid(`spec.ipFamilies[${i}]`, str(fam), 'not configured on this cluster'));
  }
  if (errs.length > 0) return errs;
  if (families.length === 0) families.push(al.primaryFamily);
  if (policy !== 'SingleStack' && families.length === 1 && al.ips.size === 2)
    families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
  spec.ipFamilies = families;
  void minor;
  return null;
}
