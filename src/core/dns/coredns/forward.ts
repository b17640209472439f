/**
 * `forward . /etc/resolv.conf`: names the kubernetes plugin does not own (and reverse names it
 * cannot answer, via `fallthrough in-addr.arpa ip6.arpa`) go to the node's resolver, modelled as
 * the scenario's upstream table. A recursive resolver answers without `aa` and with `ra`.
 */
import { parseIPv4, parseIPv6 } from '../ip.ts';
import { canonical, fqdn } from '../wire/name.ts';
import { utf8 } from '../wire/text.ts';
import { CLASS_IN, RCODE, type ResourceRecord, TYPE } from '../wire/types.ts';
import type { UpstreamRecord } from './upstream.ts';

export interface UpstreamAnswer {
  readonly rcode: number;
  readonly answers: readonly ResourceRecord[];
}

const TYPES: Record<UpstreamRecord['type'], number> = {
  A: TYPE.A,
  AAAA: TYPE.AAAA,
  CNAME: TYPE.CNAME,
  TXT: TYPE.TXT,
  MX: TYPE.MX,
};

function toRecord(owner: string, r: UpstreamRecord): ResourceRecord | null {
  const ttl = r.ttl ?? 300;
  const base = { name: owner, type: TYPES[r.type], class: CLASS_IN, ttl };
  switch (r.type) {
    case 'A':
      return parseIPv4(r.value) ? { ...base, data: { kind: 'A', address: r.value } } : null;
    case 'AAAA':
      return parseIPv6(r.value) ? { ...base, data: { kind: 'AAAA', address: r.value } } : null;
    case 'CNAME':
      return { ...base, data: { kind: 'NAME', target: fqdn(r.value) } };
    case 'TXT':
      return { ...base, data: { kind: 'TXT', strings: [utf8(r.value)] } };
    case 'MX': {
      const [pref, host] = r.value.split(/\s+/);
      if (!host || !/^[0-9]+$/.test(pref ?? '')) return null;
      return { ...base, data: { kind: 'MX', preference: Number(pref), exchange: fqdn(host) } };
    }
  }
}

/**
 * The upstream's answer for (name, type): the records of that type, following CNAMEs inside the
 * table as a recursive resolver would (up to 8); NODATA if the name exists with other types only;
 * NXDOMAIN otherwise.
 */
export function upstreamAnswer(
  table: readonly UpstreamRecord[],
  qname: string,
  qtype: number,
): UpstreamAnswer {
  const answers: ResourceRecord[] = [];
  let owner = fqdn(qname);
  for (let hop = 0; hop < 8; hop++) {
    const here = table.filter((r) => canonical(r.name) === canonical(owner));
    if (here.length === 0) return { rcode: RCODE.NXDOMAIN, answers };
    const exact = here.filter((r) => TYPES[r.type] === qtype || qtype === TYPE.ANY);
    if (exact.length > 0 || qtype === TYPE.CNAME) {
      for (const r of exact) {
        const rec = toRecord(owner, r);
        if (rec) answers.push(rec);
      }
      return { rcode: RCODE.NOERROR, answers };
    }
    const alias = here.find((r) => r.type === 'CNAME');
    if (!alias) return { rcode: RCODE.NOERROR, answers };
    const rec = toRecord(owner, alias);
    if (rec) answers.push(rec);
    owner = fqdn(alias.value);
  }
  return { rcode: RCODE.NOERROR, answers };
}
