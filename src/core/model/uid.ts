/**
 * Object uids. The API server gives every object a random UUID; the simulator derives one from
 * the object's kind, namespace and name (four FNV-1a hashes laid out as a version-4-shaped UUID), so
 * uids are stable across applies and EndpointSlice targetRefs and ownerReferences can name them.
 */
import { fnv1a } from './seed.ts';

export function uidFor(kind: string, namespace: string, name: string): string {
  const key = `${kind}/${namespace}/${name}`;
  const h = [0, 1, 2, 3].map((i) => fnv1a(`${i}:${key}`).toString(16).padStart(8, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16] ?? '0', 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
