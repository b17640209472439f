/** Address tests for the interpreter: exact CIDR containment for both families, parsed once. */
import { type Cidr, cidrContains, parseCidr, parseIP } from '../model/ip.ts';

const cidrs = new Map<string, Cidr | null>();

function cidrOf(text: string): Cidr | null {
  let c = cidrs.get(text);
  if (c === undefined) {
    const withPrefix = text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`;
    c = parseCidr(withPrefix);
    cidrs.set(text, c);
  }
  return c;
}

/** Whether `ip` is inside `cidr` (a CIDR or a bare address); false for anything unparsable. */
export function inCidr(cidr: string, ip: string): boolean {
  const c = cidrOf(cidr);
  const a = parseIP(ip);
  return c !== null && a !== null && cidrContains(c, a);
}
