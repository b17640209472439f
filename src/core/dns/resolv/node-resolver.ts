/**
 * The node's own resolver, asked directly by a pod whose nameserver is not the cluster DNS
 * (dnsPolicy Default, or a host-network pod with ClusterFirst): it knows only the scenario's
 * upstream table, so cluster names do not resolve there. Modelled as a plain recursive resolver:
 * `qr rd ra`, no `aa`, the query's EDNS answered with UDP size 1232 and no options, names
 * compressed. What a real node resolver adds (its own cookie, an SOA in negative answers) depends
 * on the network and is not modelled.
 */
import { upstreamAnswer } from '../coredns/forward.ts';
import type { UpstreamRecord } from '../coredns/upstream.ts';
import type { DnsExchange, DnsServer } from '../respond.ts';
import { encodeMessage } from '../wire/encode.ts';
import { EMPTY_HEADER, type Message, RCODE } from '../wire/types.ts';

export class NodeResolver implements DnsServer {
  constructor(private readonly table: readonly UpstreamRecord[]) {}

  exchange(query: Message): DnsExchange {
    const q = query.questions[0];
    const up = q ? upstreamAnswer(this.table, q.name, q.type) : null;
    const response: Message = {
      header: {
        ...EMPTY_HEADER,
        id: query.header.id,
        qr: true,
        opcode: query.header.opcode,
        rd: query.header.rd,
        cd: query.header.cd,
        ra: true,
        rcode: up ? up.rcode : RCODE.FORMERR,
      },
      questions: query.questions,
      answers: up ? [...up.answers] : [],
      authority: [],
      additional: [],
      ...(query.edns
        ? {
            edns: {
              udpSize: 1232,
              extendedRcode: 0,
              version: 0,
              do: query.edns.do,
              z: 0,
              options: [],
            },
          }
        : {}),
    };
    const wire = encodeMessage(response, { compress: true });
    return {
      query,
      queryWire: encodeMessage(query, { compress: false }),
      response,
      wire,
      compressed: true,
      answeredBy: 'node-resolver',
    };
  }
}
