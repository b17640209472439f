/**
 * Domain names in presentation form (`nginx.default.svc.cluster.local.`) and as wire labels.
 *
 * Messages carry names as presentation strings, always absolute (trailing dot), spelled exactly as
 * they arrived: CoreDNS echoes the question's case, so the codec must never fold it. Escapes follow
 * RFC 1035 §5.1 as BIND prints them: `\.` for a dot inside a label, `\DDD` for other bytes.
 */

/** Characters BIND escapes with a backslash when printing a label (lib/dns/name.c). */
const SPECIAL = new Set([0x22, 0x28, 0x29, 0x2e, 0x3b, 0x5c, 0x40, 0x24]); // " ( ) . ; \ @ $

/** Splits a presentation name into raw labels; null when it is not a valid name. */
export function nameToLabels(name: string): Uint8Array[] | null {
  if (name === '.' || name === '') return [];
  const labels: Uint8Array[] = [];
  let current: number[] = [];
  let i = 0;
  const text = name;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      const d = text.slice(i + 1, i + 4);
      if (/^[0-9]{3}$/.test(d)) {
        const value = Number(d);
        if (value > 255) return null;
        current.push(value);
        i += 4;
        continue;
      }
      if (i + 1 >= text.length) return null;
      current.push(text.charCodeAt(i + 1) & 0xff);
      i += 2;
      continue;
    }
    if (c === 0x2e) {
      if (current.length === 0) return null; // empty label: `a..b` or a leading dot
      labels.push(Uint8Array.from(current));
      current = [];
      i += 1;
      continue;
    }
    if (c > 0x7e) return null; // presentation names are ASCII; bytes above need \DDD
    current.push(c);
    i += 1;
  }
  if (current.length > 0) labels.push(Uint8Array.from(current));
  if (labels.some((l) => l.length > 63)) return null;
  if (wireLength(labels) > 255) return null;
  return labels;
}

/** The wire length of an uncompressed name: one length byte per label, the bytes, the root. */
export function wireLength(labels: readonly Uint8Array[]): number {
  return labels.reduce((n, l) => n + 1 + l.length, 1);
}

function labelText(label: Uint8Array): string {
  let out = '';
  for (const b of label) {
    if (SPECIAL.has(b)) out += `\\${String.fromCharCode(b)}`;
    else if (b <= 0x20 || b >= 0x7f) out += `\\${String(b).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return out;
}

/** Raw labels back to an absolute presentation name (`.` for the root). */
export function labelsToName(labels: readonly Uint8Array[]): string {
  if (labels.length === 0) return '.';
  return `${labels.map(labelText).join('.')}.`;
}

/** Makes a name absolute: `web.default` -> `web.default.`. */
export function fqdn(name: string): string {
  return name.endsWith('.') && !name.endsWith('\\.') ? name : `${name}.`;
}

/** Case-insensitive comparison key (DNS names compare ASCII case-insensitively, RFC 4343). */
export function canonical(name: string): string {
  return fqdn(name).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** True when `name` equals `zone` or lies below it (case-insensitive, label-aligned). */
export function isSubdomain(zone: string, name: string): boolean {
  const z = canonical(zone);
  const n = canonical(name);
  if (z === '.') return true;
  return n === z || n.endsWith(`.${z}`);
}

/** The presentation labels of a name, without escapes resolved (`a.b.` -> [`a`, `b`]). */
export function splitName(name: string): string[] {
  const out: string[] = [];
  let current = '';
  const text = fqdn(name);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      current += text.slice(i, i + 2);
      i += 1;
    } else if (c === '.') {
      if (current !== '') out.push(current);
      current = '';
    } else current += c;
  }
  return out;
}
