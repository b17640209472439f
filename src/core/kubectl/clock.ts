/**
 * "Now" for AGE columns. The core has no clock: callers pass `now`; by default it is the newest
 * creationTimestamp in the cluster plus nine seconds — the seed blog post's newest Pod reads `9s`
 * — so the same scenario always prints the same ages.
 */
import type { Cluster } from '../model/types.ts';
import { parseTimestamp } from './duration.ts';

export const DEFAULT_NOW_OFFSET_MS = 9_000;

export function defaultNow(cluster: Cluster): number {
  let newest: number | null = null;
  for (const o of [
    ...cluster.nodes,
    ...cluster.pods,
    ...cluster.services,
    ...cluster.endpointSlices,
  ]) {
    const t = parseTimestamp(o.metadata.creationTimestamp);
    if (t !== null && (newest === null || t > newest)) newest = t;
  }
  return (newest ?? 0) + DEFAULT_NOW_OFFSET_MS;
}

/** `now` as an ISO string or epoch ms, or the default. */
export function resolveNow(cluster: Cluster, now: string | number | undefined): number {
  if (typeof now === 'number') return now;
  const t = parseTimestamp(now);
  return t ?? defaultNow(cluster);
}
