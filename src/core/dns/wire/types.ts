/**
 * A DNS message (RFC 1035 §4) as plain data. Names are absolute presentation strings in the
 * spelling they had on the wire; the EDNS OPT pseudo-record (RFC 6891) is kept apart from the
 * additional section because every tool treats it apart (dig prints it as a pseudosection).
 */

export const TYPE = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  HINFO: 13,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  NAPTR: 35,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  DNSKEY: 48,
  SVCB: 64,
  HTTPS: 65,
  AXFR: 252,
  IXFR: 251,
  ANY: 255,
  CAA: 257,
} as const;

export const CLASS_IN = 1;

export const RCODE = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
  BADVERS: 16,
} as const;

/** EDNS option codes CoreDNS knows (plugin/pkg/edns, request/request.go supportedOptions). */
export const EDNS_OPTION = {
  NSID: 3,
  COOKIE: 10,
  TCP_KEEPALIVE: 11,
  PADDING: 12,
  EXPIRE: 9,
} as const;

export interface Header {
  readonly id: number;
  readonly qr: boolean;
  readonly opcode: number;
  readonly aa: boolean;
  readonly tc: boolean;
  readonly rd: boolean;
  readonly ra: boolean;
  /** The reserved Z bit; kept so a message round-trips byte for byte. */
  readonly z: boolean;
  readonly ad: boolean;
  readonly cd: boolean;
  /** The low 4 bits; EDNS adds the high 8 (see `Edns.extendedRcode`). */
  readonly rcode: number;
}

export interface Question {
  readonly name: string;
  readonly type: number;
  readonly class: number;
}

export type RData =
  | { readonly kind: 'A'; readonly address: string }
  | { readonly kind: 'AAAA'; readonly address: string }
  | { readonly kind: 'NAME'; readonly target: string } // NS, CNAME, PTR
  | {
      readonly kind: 'SOA';
      readonly mname: string;
      readonly rname: string;
      readonly serial: number;
      readonly refresh: number;
      readonly retry: number;
      readonly expire: number;
      readonly minimum: number;
    }
  | { readonly kind: 'MX'; readonly preference: number; readonly exchange: string }
  | {
      readonly kind: 'SRV';
      readonly priority: number;
      readonly weight: number;
      readonly port: number;
      readonly target: string;
    }
  /** Character-strings as raw bytes (TXT may hold any octets). */
  | { readonly kind: 'TXT'; readonly strings: readonly Uint8Array[] }
  | { readonly kind: 'RAW'; readonly bytes: Uint8Array };

export interface ResourceRecord {
  readonly name: string;
  readonly type: number;
  readonly class: number;
  readonly ttl: number;
  readonly data: RData;
}

export interface EdnsOption {
  readonly code: number;
  readonly data: Uint8Array;
}

export interface Edns {
  readonly udpSize: number;
  /** The upper 8 bits of the 12-bit rcode. */
  readonly extendedRcode: number;
  readonly version: number;
  readonly do: boolean;
  /** The 15 flag bits after DO, normally zero. */
  readonly z: number;
  readonly options: readonly EdnsOption[];
}

export interface Message {
  readonly header: Header;
  readonly questions: readonly Question[];
  readonly answers: readonly ResourceRecord[];
  readonly authority: readonly ResourceRecord[];
  /** Additional records without the OPT pseudo-record. */
  readonly additional: readonly ResourceRecord[];
  readonly edns?: Edns;
}

export const EMPTY_HEADER: Header = {
  id: 0,
  qr: false,
  opcode: 0,
  aa: false,
  tc: false,
  rd: false,
  ra: false,
  z: false,
  ad: false,
  cd: false,
  rcode: 0,
};

/** The name of each type this project prints, as BIND spells it; others print as TYPEnnn. */
export function typeName(type: number): string {
  for (const [name, code] of Object.entries(TYPE)) if (code === type) return name;
  return `TYPE${type}`;
}

/** Parses a type mnemonic (`a`, `SRV`, `TYPE65`), as dig accepts it; null if unknown. */
export function parseType(text: string): number | null {
  const upper = text.toUpperCase();
  if (Object.hasOwn(TYPE, upper)) return TYPE[upper as keyof typeof TYPE];
  const m = /^TYPE([0-9]{1,5})$/.exec(upper);
  if (m && Number(m[1]) <= 65535) return Number(m[1]);
  return null;
}

export function rcodeName(rcode: number): string {
  for (const [name, code] of Object.entries(RCODE)) if (code === rcode) return name;
  return `RESERVED${rcode}`;
}
