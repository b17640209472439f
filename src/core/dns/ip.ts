/**
 * IPv4/IPv6 text <-> bytes, with the printing rules the real tools use: IPv6 as inet_ntop prints
 * it (RFC 5952: longest run of two or more zero groups becomes `::`, first run on a tie, lower
 * case, `::ffff:a.b.c.d` for v4-mapped), which is what dig shows for AAAA rdata.
 */

export function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] ?? '';
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    // Go's net.ParseIP (used by CoreDNS) rejects leading zeros; so do we.
    if (p.length > 1 && p.startsWith('0')) return null;
    const v = Number(p);
    if (v > 255) return null;
    out[i] = v;
  }
  return out;
}

export function parseIPv6(text: string): Uint8Array | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  let head = text;
  const tailV4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tailV4.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string): number[] | null => {
    if (s === '') return [];
    const groups = s.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const left = parse(halves[0] ?? '');
  const right = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!left || !right) return null;
  const tail = [...right, ...tailV4];
  const total = left.length + tail.length;
  let groups: number[];
  if (halves.length === 2) {
    if (total > 7) return null;
    groups = [...left, ...new Array<number>(8 - total).fill(0), ...tail];
  } else {
    if (total !== 8) return null;
    groups = [...left, ...tail];
  }
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

export function formatIPv4(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4)).join('.');
}

export function formatIPv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  // v4-mapped: inet_ntop prints the last 32 bits dotted.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIPv4(bytes.subarray(12, 16))}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export type IPFamilyName = 'IPv4' | 'IPv6';

/** Parses either family; the canonical text is what CoreDNS (Go's net.IP.String) prints. */
export function parseIP(text: string): { family: IPFamilyName; bytes: Uint8Array } | null {
  const v4 = parseIPv4(text);
  if (v4) return { family: 'IPv4', bytes: v4 };
  const v6 = parseIPv6(text);
  if (v6) return { family: 'IPv6', bytes: v6 };
  return null;
}

export function canonicalIP(text: string): string | null {
  const ip = parseIP(text);
  if (!ip) return null;
  return ip.family === 'IPv4' ? formatIPv4(ip.bytes) : formatIPv6(ip.bytes);
}

/** The reverse-lookup name: `10.96.0.10` -> `10.0.96.10.in-addr.arpa.` (RFC 1035 / RFC 3596). */
export function reverseName(text: string): string | null {
  const ip = parseIP(text);
  if (!ip) return null;
  if (ip.family === 'IPv4') return `${Array.from(ip.bytes).reverse().join('.')}.in-addr.arpa.`;
  const nibbles: string[] = [];
  for (const b of ip.bytes) nibbles.push((b >> 4).toString(16), (b & 0xf).toString(16));
  return `${nibbles.reverse().join('.')}.ip6.arpa.`;
}

/**
 * The address a full reverse name stands for (case-insensitive), or null when the name is not
 * exactly 4 decimal labels under in-addr.arpa or 32 nibbles under ip6.arpa
 * (CoreDNS dnsutil.ExtractAddressFromReverse).
 */
export function addressFromReverse(name: string): string | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.endsWith('.in-addr.arpa')) {
    const labels = lower.slice(0, -'.in-addr.arpa'.length).split('.');
    if (labels.length !== 4) return null;
    const text = labels.reverse().join('.');
    return parseIPv4(text) ? text : null;
  }
  if (lower.endsWith('.ip6.arpa')) {
    const labels = lower.slice(0, -'.ip6.arpa'.length).split('.');
    if (labels.length !== 32 || !labels.every((l) => /^[0-9a-f]$/.test(l))) return null;
    const hex = labels.reverse().join('');
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return formatIPv6(bytes);
  }
  return null;
}
