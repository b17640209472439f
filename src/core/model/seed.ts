/**
 * Determinism in place of the API server's randomness. Where Kubernetes picks at random (the
 * start of a ClusterIP or NodePort scan, the 5-character suffix of a generated name), the simulator
 * derives the choice from a hash of the object's identity: the same scenario always gets the same
 * addresses and names, and an edit to one Service does not move another's.
 */

/** FNV-1a, 32 bits. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A seeded generator (mulberry32) of 32-bit unsigned integers. */
export function seededRandom(seed: string): () => number {
  let a = fnv1a(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform-ish pick in [0, n) for n < 2^53, from the seed. */
export function seededIndex(seed: string, n: bigint): bigint {
  if (n <= 0n) return 0n;
  const next = seededRandom(seed);
  const wide = (BigInt(next()) << 32n) | BigInt(next());
  return wide % n;
}

/**
 * apimachinery's utilrand.String alphabet: no vowels (no accidental words) and no confusable
 * characters (0/o, 1/l, 3/e, a/4).
 */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** The 5-character suffix of a generateName, derived from `seed`. */
export function nameSuffix(seed: string, length = 5): string {
  const next = seededRandom(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMS[next() % ALPHANUMS.length];
  return out;
}
