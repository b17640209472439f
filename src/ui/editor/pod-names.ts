/**
 * Names for Pods a scale-up creates, spelled as a ReplicaSet spells them: the generateName
 * prefix and five characters from apimachinery's rand.String alphabet (no vowels, no 0/1/3, so
 * no words and no look-alikes). Drawn from a hash of the prefix and a counter, not at random, so
 * the same edit gives the same names.
 */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function podNameSuffix(prefix: string, n: number): string {
  let h = fnv1a(`${prefix}#${n}`);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += ALPHABET[h % ALPHABET.length];
    h = Math.floor(h / ALPHABET.length) ^ (Math.imul(h, 0x9e3779b1) >>> 7);
  }
  return out;
}

/** A generator of fresh names `prefix-xxxxx`, skipping names already taken. */
export function freshPodNames(prefix: string, taken: ReadonlySet<string>): () => string {
  let n = 0;
  const used = new Set(taken);
  return () => {
    let name: string;
    do name = `${prefix}-${podNameSuffix(prefix, n++)}`;
    while (used.has(name));
    used.add(name);
    return name;
  };
}
