/**
 * CoreDNS as a kubeadm cluster runs it, end to end: a query message in, the reply message and its
 * exact bytes out. Plugin order is CoreDNS's compiled order, not the Corefile's: loadbalance and
 * cache wrap the kubernetes plugin and forward; the server's scrub writer makes the reply fit.
 */
import { type Message, RCODE, type ResourceRecord } from '../wire/types.ts';
import { applyCacheTtl } from './cache.ts';
import type { ClusterIndex } from './cluster-index.ts';
import type { CorednsConfig } from './config.ts';
import { type Answerer, handle } from './handler.ts';
import { KubernetesBackend } from './kubernetes.ts';
import { loadbalance } from './loadbalance.ts';
import { type Packed, scrub, sizeAndDo, type Transport } from './scrub.ts';

export interface Served extends Packed {
  /** Who produced the answer: the kubernetes plugin, or the upstream via `forward`. */
  readonly answeredBy: Answerer | 'server';
}

function dedup(rrs: readonly ResourceRecord[]): ResourceRecord[] {
  const seen = new Set<string>();
  return rrs.filter((rr) => {
    const key = JSON.stringify([rr.name.toLowerCase(), rr.type, rr.class, rr.data], (_k, v) =>
      v instanceof Uint8Array ? Array.from(v) : v,
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The reply for a malformed or unsupported query, as miekg/dns's server builds it. */
function refusal(query: Message, rcode: number, keepQuestion: boolean): Message {
  return {
    header: {
      ...query.header,
      qr: true,
      aa: false,
      tc: false,
      ra: false,
      ad: false,
      z: false,
      rcode,
    },
    questions: keepQuestion ? query.questions : [],
    answers: [],
    authority: [],
    additional: [],
  };
}

export class CorednsServer {
  private readonly backend: KubernetesBackend;

  constructor(index: ClusterIndex, config: CorednsConfig) {
    this.backend = new KubernetesBackend(index, config);
  }

  /** The reply before it is fitted to the client's buffer (cache TTLs and shuffle applied). */
  private answer(query: Message, depth: number): { message: Message; answeredBy: Answerer } {
    const config = this.backend.config;
    const upstream = (name: string, qtype: number) => {
      if (depth > 8) return null;
      const sub: Message = {
        ...query,
        questions: [{ name, type: qtype, class: query.questions[0]?.class ?? 1 }],
      };
      return this.answer(sub, depth + 1).message.answers;
    };
    const { message, answeredBy } = handle(this.backend, query, upstream);
    const clean: Message = {
      ...message,
      answers: dedup(message.answers),
      authority: dedup(message.authority),
      additional: dedup(message.additional),
    };
    const cached = applyCacheTtl(clean, config.cacheMinTtl, config.cacheMaxTtl);
    return { message: loadbalance(cached, config.shuffleSeed ^ query.header.id), answeredBy };
  }

  serve(query: Message, transport: Transport): Served {
    if (query.header.opcode !== 0) {
      return {
        ...scrub(query, refusal(query, RCODE.NOTIMP, true), transport),
        answeredBy: 'server',
      };
    }
    if (query.questions.length !== 1 || query.answers.length > 0 || query.authority.length > 0) {
      return {
        ...scrub(query, refusal(query, RCODE.FORMERR, false), transport),
        answeredBy: 'server',
      };
    }
    if (query.edns && query.edns.version > 0) {
      // RFC 6891 §6.1.3: BADVERS (16) = extended rcode 1, header rcode 0, OPT version 0.
      const bad = refusal(query, 0, true);
      const withOpt = sizeAndDo(query, bad);
      const edns = withOpt.edns ? { ...withOpt.edns, extendedRcode: 1 } : undefined;
      const reply = edns ? { ...withOpt, edns } : withOpt;
      return { ...scrub(query, reply, transport), answeredBy: 'server' };
    }
    const { message, answeredBy } = this.answer(query, 0);
    return { ...scrub(query, sizeAndDo(query, message), transport), answeredBy };
  }
}
