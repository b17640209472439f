/**
 * dig's command line (bin/dig/dighost.c, dig.c `parse_args`), the part svclab accepts: `@server`,
 * `-p port`, `-x addr`, `-t type`, `-q name`, a name and a type in any order (a word that is a
 * type mnemonic is the type, as dig does), `IN`, and the `+options` listed below.
 */
import { reverseName } from '../ip.ts';
import { nameToLabels } from '../wire/name.ts';
import { parseType, TYPE } from '../wire/types.ts';

export interface DigArgs {
  readonly name: string;
  readonly type: number;
  readonly server?: string;
  readonly port?: number;
  readonly short: boolean;
  readonly search: boolean;
  readonly tcp: boolean;
  readonly edns: boolean;
  readonly cookie: boolean;
  readonly recurse: boolean;
  readonly adflag: boolean;
  readonly cdflag: boolean;
  readonly dnssec: boolean;
  readonly bufsize?: number;
  readonly ndots?: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const BOOL_OPTIONS: Record<string, keyof DigArgs> = {
  short: 'short',
  search: 'search',
  tcp: 'tcp',
  vc: 'tcp',
  edns: 'edns',
  cookie: 'cookie',
  recurse: 'recurse',
  rec: 'recurse',
  adflag: 'adflag',
  cdflag: 'cdflag',
  dnssec: 'dnssec',
};

/** Options dig accepts that change nothing svclab prints differently; accepted and ignored. */
const IGNORED = new Set(['cmd', 'nocmd', 'stats', 'comments', 'question', 'answer', 'all']);

export function parseDigArgs(args: readonly string[]): DigArgs | { error: string } {
  const out: Mutable<DigArgs> = {
    name: '',
    type: -1,
    short: false,
    search: false,
    tcp: false,
    edns: true,
    cookie: true,
    recurse: true,
    adflag: true,
    cdflag: false,
    dnssec: false,
  };
  let name: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('@')) {
      out.server = a.slice(1);
    } else if (a.startsWith('+')) {
      const body = a.slice(1);
      const [key = '', value] = body.split('=', 2);
      const negated = key.startsWith('no');
      const base = negated ? key.slice(2) : key;
      if (base === 'bufsize' && value !== undefined && /^[0-9]+$/.test(value)) {
        out.bufsize = Number(value);
      } else if (base === 'ndots' && value !== undefined && /^[0-9]+$/.test(value)) {
        out.ndots = Number(value);
      } else if (Object.hasOwn(BOOL_OPTIONS, base) && value === undefined) {
        (out as Record<string, unknown>)[BOOL_OPTIONS[base]!] = !negated;
      } else if (IGNORED.has(base)) {
        // accepted
      } else return { error: `Invalid option: ${a}` };
    } else if (a === '-x' || a === '-p' || a === '-t' || a === '-q') {
      const value = args[++i];
      if (value === undefined) return { error: `option requires an argument -- '${a.slice(1)}'` };
      if (a === '-x') {
        const rev = reverseName(value);
        if (!rev) return { error: `'${value}' is not a legal IP address` };
        name = rev;
        out.type = TYPE.PTR;
      } else if (a === '-p') {
        if (!/^[0-9]+$/.test(value) || Number(value) > 65535)
          return { error: `port '${value}' is not a number` };
        out.port = Number(value);
      } else if (a === '-t') {
        const t = parseType(value);
        if (t === null) return { error: `'${value}' is not a valid type` };
        out.type = t;
      } else name = value;
    } else if (a.startsWith('-')) {
      return { error: `Invalid option: ${a}` };
    } else {
      // As dig does: a word that reads as a type is the type (the last one wins, with a
      // warning in dig), a class word is the class, anything else is the name.
      const t = parseType(a);
      if (t !== null) out.type = t;
      else if (['IN', 'CH', 'HS', 'ANY', 'NONE'].includes(a.toUpperCase())) {
        if (a.toUpperCase() !== 'IN') return { error: `class ${a.toUpperCase()} is not modelled` };
      } else name = a;
    }
  }
  if (name === null) {
    // `dig` alone asks for the root's NS records.
    out.name = '.';
    if (out.type === -1) out.type = TYPE.NS;
  } else out.name = name;
  if (out.type === -1) out.type = TYPE.A;
  if (nameToLabels(out.name) === null) return { error: `'${out.name}' is not a legal name` };
  return out;
}
