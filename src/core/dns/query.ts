/**
 * Query messages as dig 9.18 sends them: RD and AD set (`+adflag` is on by default since 9.11),
 * EDNS version 0 with a 1232-byte UDP size (DNS flag day 2020) and an 8-byte client COOKIE.
 */
import { fqdn } from './wire/name.ts';
import { CLASS_IN, EDNS_OPTION, EMPTY_HEADER, type Message } from './wire/types.ts';

export interface QueryOptions {
  readonly id?: number;
  readonly rd?: boolean;
  readonly ad?: boolean;
  readonly cd?: boolean;
  /** false: no OPT record at all (`+noedns`). */
  readonly edns?: boolean;
  readonly udpSize?: number;
  readonly dnssecOk?: boolean;
  /** The 8-byte client cookie; null sends none (`+nocookie`). */
  readonly cookie?: Uint8Array | null;
}

/** FNV-1a over a string: a stable seed for ids and cookies (the core draws no randomness). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** An 8-byte client cookie derived from a seed. */
export function clientCookie(seed: number): Uint8Array {
  const out = new Uint8Array(8);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < 8; i++) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
    x = (x ^ (x >>> 12)) >>> 0;
    out[i] = x & 0xff;
  }
  return out;
}

export function buildQuery(name: string, type: number, options: QueryOptions = {}): Message {
  const seed = stableHash(`${name}/${type}`);
  const cookie =
    options.cookie === undefined
      ? clientCookie(seed)
      : options.cookie === null
        ? null
        : options.cookie;
  const withEdns = options.edns ?? true;
  return {
    header: {
      ...EMPTY_HEADER,
      id: options.id ?? seed & 0xffff,
      rd: options.rd ?? true,
      ad: options.ad ?? true,
      cd: options.cd ?? false,
    },
    questions: [{ name: fqdn(name), type, class: CLASS_IN }],
    answers: [],
    authority: [],
    additional: [],
    ...(withEdns
      ? {
          edns: {
            udpSize: options.udpSize ?? 1232,
            extendedRcode: 0,
            version: 0,
            do: options.dnssecOk ?? false,
            z: 0,
            options: cookie ? [{ code: EDNS_OPTION.COOKIE, data: cookie }] : [],
          },
        }
      : {}),
  };
}
