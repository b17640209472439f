/** Record data as BIND prints it (lib/dns/rdata/generic/*.c `totext`), one line each. */
import { type ResourceRecord, typeName } from '../wire/types.ts';

function txtString(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b >= 0x7f) out += `\\${String(b).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
}

export function rdataText(rr: ResourceRecord): string {
  const d = rr.data;
  switch (d.kind) {
    case 'A':
    case 'AAAA':
      return d.address;
    case 'NAME':
      return d.target;
    case 'SOA':
      return [d.mname, d.rname, d.serial, d.refresh, d.retry, d.expire, d.minimum].join(' ');
    case 'MX':
      return `${d.preference} ${d.exchange}`;
    case 'SRV':
      return `${d.priority} ${d.weight} ${d.port} ${d.target}`;
    case 'TXT':
      return d.strings.map(txtString).join(' ');
    case 'RAW':
      // RFC 3597 generic form, which BIND uses for types it has no text form for.
      return d.bytes.length === 0 ? '\\# 0' : `\\# ${d.bytes.length} ${hex(d.bytes)}`;
  }
}

export function classText(klass: number): string {
  if (klass === 1) return 'IN';
  if (klass === 3) return 'CH';
  if (klass === 4) return 'HS';
  if (klass === 254) return 'NONE';
  if (klass === 255) return 'ANY';
  return `CLASS${klass}`;
}

export { typeName };
