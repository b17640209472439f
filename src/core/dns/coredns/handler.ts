/**
 * Who answers a question and what (plugin/kubernetes/handler.go ServeDNS, then `forward`): the
 * kubernetes plugin for cluster.local and the reverse zones, NXDOMAIN/NODATA with the zone's SOA,
 * and everything else (or a reverse name the plugin cannot answer) from the upstream.
 */
import { canonical, isSubdomain } from '../wire/name.ts';
import { EMPTY_HEADER, type Message, RCODE, type ResourceRecord, TYPE } from '../wire/types.ts';
import {
  addresses,
  cname,
  ns,
  ptr,
  type Records,
  soa,
  srv,
  txt,
  type UpstreamLookup,
} from './backend-lookup.ts';
import { upstreamAnswer } from './forward.ts';
import { type KubernetesBackend, NAME_ERROR, type RequestState } from './kubernetes.ts';

export type Answerer = 'kubernetes' | 'forward';

export interface HandlerReply {
  readonly answeredBy: Answerer;
  readonly message: Message;
}

const REVERSE_ZONES = ['in-addr.arpa.', 'ip6.arpa.'];

/** The longest plugin zone the name is in, in the query's spelling (CoreDNS keeps its case). */
function matchZone(zones: readonly string[], qname: string): string | null {
  let best: string | null = null;
  for (const z of zones) {
    if (isSubdomain(z, qname) && (best === null || z.length > best.length)) best = z;
  }
  if (best === null) return null;
  return qname.slice(qname.length - best.length);
}

function reply(
  query: Message,
  rcode: number,
  extra: Partial<Message> & { aa: boolean; ra: boolean },
) {
  const q = query.header;
  return {
    header: {
      ...EMPTY_HEADER,
      id: q.id,
      qr: true,
      opcode: q.opcode,
      rd: q.rd,
      cd: q.cd,
      aa: extra.aa,
      ra: extra.ra,
      rcode,
    },
    questions: query.questions,
    answers: extra.answers ?? [],
    authority: extra.authority ?? [],
    additional: extra.additional ?? [],
  } satisfies Message;
}

export function forwardReply(k: KubernetesBackend, query: Message): HandlerReply {
  const q = query.questions[0]!;
  const up = upstreamAnswer(k.config.upstream, q.name, q.type);
  return {
    answeredBy: 'forward',
    message: reply(query, up.rcode, { aa: false, ra: true, answers: up.answers }),
  };
}

export function handle(
  k: KubernetesBackend,
  query: Message,
  upstream: UpstreamLookup,
): HandlerReply {
  const q = query.questions[0]!;
  const zone = matchZone([k.index.zone, ...REVERSE_ZONES], q.name);
  if (zone === null) return forwardReply(k, query);
  const state: RequestState = { qname: q.name, name: canonical(q.name), qtype: q.type, zone };
  let records: Records = [];
  let extra: ResourceRecord[] = [];
  switch (q.type) {
    case TYPE.A:
      records = addresses(k, state, 'A', [], upstream);
      break;
    case TYPE.AAAA:
      records = addresses(k, state, 'AAAA', [], upstream);
      break;
    case TYPE.TXT:
      records = txt(k, state);
      break;
    case TYPE.CNAME:
      records = cname(k, state);
      break;
    case TYPE.PTR:
      records = ptr(k, state);
      break;
    case TYPE.SRV: {
      const found = srv(k, state);
      if (found === NAME_ERROR) records = found;
      else ({ records, extra } = found);
      break;
    }
    case TYPE.SOA:
      // Only the apex has an SOA; below it the answer is NODATA, existing name or not.
      records = state.name === canonical(zone) ? [soa(k, zone)] : [];
      break;
    case TYPE.NS:
      if (state.name === canonical(zone)) {
        ({ records, extra } = ns(k, state));
        break;
      }
      records = probe(k, state, upstream);
      break;
    default:
      // MX, HINFO, HTTPS, anything: a fake A lookup decides NODATA versus NXDOMAIN.
      records = probe(k, state, upstream);
  }
  if (records === NAME_ERROR) {
    // `fallthrough in-addr.arpa ip6.arpa`: reverse names go on to `forward`.
    if (REVERSE_ZONES.some((z) => isSubdomain(z, state.name))) return forwardReply(k, query);
    return {
      answeredBy: 'kubernetes',
      message: reply(query, RCODE.NXDOMAIN, { aa: true, ra: false, authority: [soa(k, zone)] }),
    };
  }
  if (records.length === 0) {
    return {
      answeredBy: 'kubernetes',
      message: reply(query, RCODE.NOERROR, { aa: true, ra: false, authority: [soa(k, zone)] }),
    };
  }
  return {
    answeredBy: 'kubernetes',
    message: reply(query, RCODE.NOERROR, {
      aa: true,
      ra: false,
      answers: records,
      additional: extra,
    }),
  };
}

/**
 * The fake A lookup: only NXDOMAIN versus not matters. It runs with the original qtype, so for NS
 * below the apex the NS special case answers and every such name is NODATA, existing or not.
 */
function probe(k: KubernetesBackend, state: RequestState, upstream: UpstreamLookup): Records {
  const found = addresses(k, state, 'A', [], upstream);
  return found === NAME_ERROR ? found : [];
}
