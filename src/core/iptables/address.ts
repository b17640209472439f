/**
 * Addresses as the kernel keeps them and iptables-save prints them: always with a prefix
 * length (`10.99.62.169` → `10.99.62.169/32`), host bits cleared (`10.244.1.7/16` →
 * `10.244.0.0/16`), IPv6 in inet_ntop's compressed lower-case form.
 */

function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function parseV6(text: string): number[] | null {
  const halves = text.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const items = s.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i] ?? '';
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseV4(item);
        if (!v4) return null;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else if (/^[0-9a-f]{1,4}$/.test(item)) out.push(Number.parseInt(item, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : null;
}

function formatV6(g: readonly number[]): string {
  // inet_ntop: compress the longest run (first if tied) of two or more zero groups.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function maskBits(values: number[], bitsPer: number, prefix: number): number[] {
  return values.map((v, i) => {
    const keep = Math.max(0, Math.min(bitsPer, prefix - i * bitsPer));
    const mask = keep === 0 ? 0 : ((0xffffffff << (bitsPer - keep)) >>> 0) & ((1 << bitsPer) - 1);
    return v & mask;
  });
}

/** A dotted quad in its canonical form (no leading zeros): the common case, printed as is. */
const CANONICAL_V4 =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The iptables-save form of `-s`/`-d` text, or the text unchanged if it is not an address. */
export function savedAddress(text: string): string {
  if (CANONICAL_V4.test(text)) return `${text}/32`;
  const [ip = '', prefixText] = text.split('/');
  const v4 = parseV4(ip);
  if (v4) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (!(prefix >= 0 && prefix <= 32)) return text;
    return `${maskBits(v4, 8, prefix).join('.')}/${prefix}`;
  }
  const v6 = parseV6(ip);
  if (v6) {
    const prefix = prefixText === undefined ? 128 : Number(prefixText);
    if (!(prefix >= 0 && prefix <= 128)) return text;
    return `${formatV6(maskBits(v6, 16, prefix))}/${prefix}`;
  }
  return text;
}

/** Whether the text is an IPv6 address or CIDR. */
export function isIPv6(text: string): boolean {
  return text.includes(':');
}
