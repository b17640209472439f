/**
 * Object uids. The API server gives every object a random version-4 UUID; the simulator derives
 * one from a SHA-256 of the object's kind, namespace and name (laid out as a version-4 UUID), so
 * uids are stable across applies, EndpointSlice targetRefs and ownerReferences can name them, and
 * objects with similar names still get unrelated-looking uids, as real ones are.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function uidFor(kind: string, namespace: string, name: string): string {
  const h = bytesToHex(sha256(utf8ToBytes(`${kind}/${namespace}/${name}`)));
  const variant = ((Number.parseInt(h[16] ?? '0', 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
