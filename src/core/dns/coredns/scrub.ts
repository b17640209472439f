/**
 * Making the reply fit (request/request.go SizeAndDo and Scrub, miekg/dns Msg.Truncate):
 *
 * - SizeAndDo: the query's OPT comes back with version 0, flags cleared except DO, the client's
 *   UDP size, and only NSID, EXPIRE, COOKIE, TCP-KEEPALIVE and PADDING options, unchanged — so a
 *   client cookie is echoed and no server cookie is added.
 * - Truncate: uncompressed if it fits the buffer (max(512, advertised size) on UDP, 64 KiB on
 *   TCP); else compressed; else whole records dropped (answer, authority, additional; the OPT
 *   stays) and TC set.
 * - Scrub: an uncompressed UDP reply over 1480 bytes (IPv4 client) or 1220 (IPv6) is compressed
 *   anyway, to avoid fragmentation.
 */
import { encodeMessage, fitCompressed } from '../wire/encode.ts';
import { EDNS_OPTION, type Edns, type Message } from '../wire/types.ts';

const SUPPORTED: ReadonlySet<number> = new Set([
  EDNS_OPTION.NSID,
  EDNS_OPTION.EXPIRE,
  EDNS_OPTION.COOKIE,
  EDNS_OPTION.TCP_KEEPALIVE,
  EDNS_OPTION.PADDING,
]);

export function sizeAndDo(query: Message, reply: Message): Message {
  const o = query.edns;
  if (!o) return reply;
  const edns: Edns = {
    udpSize: o.udpSize,
    extendedRcode: reply.edns?.extendedRcode ?? 0,
    version: 0,
    do: o.do,
    z: 0,
    options: o.options.filter((opt) => SUPPORTED.has(opt.code)),
  };
  return { ...reply, edns };
}

export interface Transport {
  readonly protocol: 'udp' | 'tcp';
  /** The client's address family (CoreDNS request.Family). */
  readonly family: 4 | 6;
}

/** The client's buffer (plugin/pkg/edns.Size). */
export function bufferSize(query: Message, transport: Transport): number {
  if (transport.protocol === 'tcp') return 65535;
  const advertised = query.edns?.udpSize ?? 0;
  return Math.max(512, advertised);
}

export interface Packed {
  readonly message: Message;
  readonly wire: Uint8Array;
  readonly compressed: boolean;
}

export function scrub(query: Message, reply: Message, transport: Transport): Packed {
  const size = bufferSize(query, transport);
  const plain = encodeMessage(reply, { compress: false });
  if (plain.length <= size) {
    const limit = transport.family === 4 ? 1480 : 1220;
    if (transport.protocol === 'udp' && plain.length > limit) {
      return { message: reply, wire: encodeMessage(reply, { compress: true }), compressed: true };
    }
    return { message: reply, wire: plain, compressed: false };
  }
  const fit = fitCompressed(reply, size);
  const cut =
    fit.answers < reply.answers.length ||
    fit.authority < reply.authority.length ||
    fit.additional < reply.additional.length;
  const message: Message = {
    ...reply,
    header: { ...reply.header, tc: reply.header.tc || cut },
    answers: reply.answers.slice(0, fit.answers),
    authority: reply.authority.slice(0, fit.authority),
    additional: reply.additional.slice(0, fit.additional),
  };
  return { message, wire: encodeMessage(message, { compress: true }), compressed: true };
}
