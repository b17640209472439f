/**
 * The `Endpoints:` line of `kubectl describe service`, per Service port. kubectl 1.30+ reads the
 * Service's EndpointSlices (formatEndpointSlices); older kubectl read its Endpoints object
 * (formatEndpoints), which the simulator derives from the same slices the way the Endpoints
 * controller fills it: ready Pods in `addresses` (sorted by IP), unready ones in
 * `notReadyAddresses`, terminating ones left out unless publishNotReadyAddresses.
 */
import { hasManagedSlices } from '../model/endpointslice-controller.ts';
import type { EndpointSlice, Service } from '../model/types.ts';

const MAX = 3;

/** net.JoinHostPort */
function hostPort(addr: string, port: number | undefined): string {
  return `${addr.includes(':') ? `[${addr}]` : addr}:${port ?? 0}`;
}

/**
 * formatEndpointSlices: ready (or nil-ready) endpoints of the slices whose port name matches, as
 * `IP:port`. kubectl's own quirk is kept: it notes "more" when the list is full *before* it skips
 * an unready endpoint, so 3 ready endpoints followed by an unready one print `... + 0 more...`.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const visit = (ready: boolean | undefined, text: string) => {
    if (list.length === MAX) more = true;
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
      for (const e of slice.endpoints)
        visit(e.conditions.ready, hostPort(e.addresses[0] ?? '', port.port));
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX} more...` : text;
}

/** Go's sort of EndpointAddress by IP: byte order of the text. */
function byIP(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * formatEndpoints (kubectl ≤ 1.29) over the Endpoints object: `<none>` when the Service has no
 * Endpoints object (no selector) or it has no subsets; else the ready addresses `IP:port`.
 */
export function formatEndpoints(
  svc: Service,
  slices: readonly EndpointSlice[],
  portName: string,
): string {
  if (!hasManagedSlices(svc)) return '<none>';
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const inEndpoints = slices.flatMap((s) =>
    s.endpoints.filter((e) => publishNotReady || e.conditions.terminating !== true),
  );
  if (inEndpoints.length === 0) return '<none>';
  const list: string[] = [];
  for (const slice of slices) {
    const ready = slice.endpoints
      .filter((e) => e.conditions.ready !== false)
      .filter((e) => publishNotReady || e.conditions.terminating !== true)
      .map((e) => e.addresses[0] ?? '')
      .sort(byIP);
    if (!slice.ports || slice.ports.length === 0) {
      list.push(...ready);
      continue;
    }
    for (const port of slice.ports)
      if ((port.name ?? '') === portName) list.push(...ready.map((ip) => hostPort(ip, port.port)));
  }
  const shown = list.slice(0, MAX).join(',');
  return list.length > MAX ? `${shown} + ${list.length - MAX} more...` : shown;
}
