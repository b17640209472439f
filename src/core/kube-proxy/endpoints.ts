import type { SourceRef } from '../iptables/types.ts';
import type { EndpointSlice } from '../model/types.ts';

/**
 * kube-proxy's view of a Service's endpoints (pkg/proxy/endpointslicecache.go): every
 * EndpointSlice labelled `kubernetes.io/service-name` of the proxier's address family, merged per
 * (port name, protocol), de-duplicated by `ip:port`, sorted by the string `ip:port`.
 * Only `addresses[0]` is used; a nil `ready`/`serving` counts as true, a nil `terminating` as false.
 */

export interface EndpointInfo {
  readonly ip: string;
  readonly port: number;
  /** `ip:port` (`[ip]:port` for IPv6): the endpoint's identity and the DNAT destination. */
  readonly endpoint: string;
  readonly nodeName: string;
  readonly zone: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** Zone / node hints, or null when the endpoint has none. */
  readonly zoneHints: readonly string[] | null;
  readonly nodeHints: readonly string[] | null;
  readonly source: SourceRef;
}

export type Family = 'IPv4' | 'IPv6';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Key of an endpoint list: port name and upper-case protocol. */
export function portKey(name: string, protocol: string): string {
  return `${name}/${protocol}`;
}

function byEndpoint(a: EndpointInfo, b: EndpointInfo): number {
  return a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0;
}

export function collectEndpoints(
  slices: readonly EndpointSlice[],
  family: Family,
): ReadonlyMap<string, readonly EndpointInfo[]> {
  const byPort = new Map<string, Map<string, EndpointInfo>>();
  for (const slice of slices) {
    if (slice.addressType !== family) continue;
    const object = `EndpointSlice ${slice.metadata.namespace ?? 'default'}/${slice.metadata.name ?? ''}`;
    for (const port of slice.ports ?? []) {
      // kube-proxy ignores a port without a number (pkg/proxy/endpointslicecache.go).
      if (port.port === undefined || port.port === 0) continue;
      const key = portKey(port.name ?? '', port.protocol ?? 'TCP');
      let map = byPort.get(key);
      if (!map) {
        map = new Map();
        byPort.set(key, map);
      }
      for (const [ei, ep] of slice.endpoints.entries()) {
        const ip = ep.addresses[0];
        if (ip === undefined || ip.includes(':') !== (family === 'IPv6')) continue;
        const endpoint = family === 'IPv6' ? `[${ip}]:${port.port}` : `${ip}:${port.port}`;
        if (map.has(endpoint)) continue;
        const forZones = ep.hints?.forZones ?? [];
        const forNodes = ep.hints?.forNodes ?? [];
        map.set(endpoint, {
          ip,
          port: port.port,
          endpoint,
          nodeName: ep.nodeName ?? '',
          zone: ep.zone ?? '',
          ready: ep.conditions.ready ?? true,
          serving: ep.conditions.serving ?? true,
          terminating: ep.conditions.terminating ?? false,
          zoneHints: forZones.length > 0 ? forZones.map((z) => z.name) : null,
          nodeHints: forNodes.length > 0 ? forNodes.map((n) => n.name) : null,
          source: { object, field: `endpoints[${ei}]` },
        });
      }
    }
  }
  const out = new Map<string, readonly EndpointInfo[]>();
  for (const [key, map] of byPort) out.set(key, [...map.values()].sort(byEndpoint));
  return out;
}
