/**
 * Message -> wire bytes (RFC 1035 §4), with name compression done exactly as miekg/dns packs it
 * (the library CoreDNS answers through), because compression decides the `MSG SIZE` dig prints:
 *
 * - the compression table is keyed on the presentation suffix, case-sensitively, and only exists
 *   when the message is compressed at all;
 * - owner names, question names and the names inside NS/CNAME/PTR/SOA/MX rdata may be replaced
 *   by a pointer; SRV targets never are (RFC 2782) but still add their suffixes to the table;
 * - a suffix is remembered only if it starts before offset 0x4000 (14-bit pointers).
 */
import { parseIPv4, parseIPv6 } from '../ip.ts';
import { nameToLabels, splitName } from './name.ts';
import { type Edns, type Message, type Question, type ResourceRecord, TYPE } from './types.ts';

class Writer {
  bytes = new Uint8Array(512);
  length = 0;
  readonly table: Map<string, number> | null;

  constructor(compress: boolean) {
    this.table = compress ? new Map() : null;
  }

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  u8(v: number): void {
    this.room(1);
    this.bytes[this.length++] = v & 0xff;
  }

  u16(v: number): void {
    this.u8(v >> 8);
    this.u8(v);
  }

  u32(v: number): void {
    this.u16(Math.floor(v / 0x10000) & 0xffff);
    this.u16(v & 0xffff);
  }

  raw(b: Uint8Array): void {
    this.room(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }

  setU16(at: number, v: number): void {
    this.bytes[at] = (v >> 8) & 0xff;
    this.bytes[at + 1] = v & 0xff;
  }

  name(name: string, compressible: boolean): void {
    const labels = nameToLabels(name);
    if (labels === null) throw new RangeError(`invalid domain name: ${name}`);
    const texts = splitName(name);
    for (let i = 0; i < labels.length; i++) {
      if (this.table) {
        const suffix = `${texts.slice(i).join('.')}.`;
        const at = this.table.get(suffix);
        if (at !== undefined && compressible) {
          this.u16(0xc000 | at);
          return;
        }
        if (at === undefined && this.length < 0x4000) this.table.set(suffix, this.length);
      }
      const label = labels[i]!;
      this.u8(label.length);
      this.raw(label);
    }
    this.u8(0);
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

function writeQuestion(w: Writer, q: Question): void {
  w.name(q.name, true);
  w.u16(q.type);
  w.u16(q.class);
}

function writeRData(w: Writer, rr: ResourceRecord): void {
  const d = rr.data;
  switch (d.kind) {
    case 'A': {
      const b = parseIPv4(d.address);
      if (!b) throw new RangeError(`invalid IPv4 address: ${d.address}`);
      w.raw(b);
      return;
    }
    case 'AAAA': {
      const b = parseIPv6(d.address);
      if (!b) throw new RangeError(`invalid IPv6 address: ${d.address}`);
      w.raw(b);
      return;
    }
    case 'NAME':
      w.name(d.target, true);
      return;
    case 'SOA':
      w.name(d.mname, true);
      w.name(d.rname, true);
      for (const v of [d.serial, d.refresh, d.retry, d.expire, d.minimum]) w.u32(v);
      return;
    case 'MX':
      w.u16(d.preference);
      w.name(d.exchange, true);
      return;
    case 'SRV':
      w.u16(d.priority);
      w.u16(d.weight);
      w.u16(d.port);
      w.name(d.target, false);
      return;
    case 'TXT':
      for (const s of d.strings) {
        w.u8(s.length);
        w.raw(s);
      }
      return;
    case 'RAW':
      w.raw(d.bytes);
      return;
  }
}

function writeRecord(w: Writer, rr: ResourceRecord): void {
  w.name(rr.name, true);
  w.u16(rr.type);
  w.u16(rr.class);
  w.u32(rr.ttl >>> 0);
  const lengthAt = w.length;
  w.u16(0);
  writeRData(w, rr);
  w.setU16(lengthAt, w.length - lengthAt - 2);
}

function writeOpt(w: Writer, edns: Edns): void {
  w.u8(0); // root owner
  w.u16(TYPE.OPT);
  w.u16(edns.udpSize);
  w.u8(edns.extendedRcode);
  w.u8(edns.version);
  w.u16((edns.do ? 0x8000 : 0) | (edns.z & 0x7fff));
  const lengthAt = w.length;
  w.u16(0);
  for (const o of edns.options) {
    w.u16(o.code);
    w.u16(o.data.length);
    w.raw(o.data);
  }
  w.setU16(lengthAt, w.length - lengthAt - 2);
}

function writeHeader(w: Writer, m: Message): void {
  const h = m.header;
  w.u16(h.id);
  w.u8(
    (h.qr ? 0x80 : 0) |
      ((h.opcode & 0xf) << 3) |
      (h.aa ? 0x04 : 0) |
      (h.tc ? 0x02 : 0) |
      (h.rd ? 0x01 : 0),
  );
  w.u8(
    (h.ra ? 0x80 : 0) | (h.z ? 0x40 : 0) | (h.ad ? 0x20 : 0) | (h.cd ? 0x10 : 0) | (h.rcode & 0xf),
  );
  w.u16(m.questions.length);
  w.u16(m.answers.length);
  w.u16(m.authority.length);
  w.u16(m.additional.length + (m.edns ? 1 : 0));
}

/** Packs a message. Throws RangeError only for data no caller should build (a bad address). */
export function encodeMessage(m: Message, options: { compress: boolean }): Uint8Array {
  const w = new Writer(options.compress);
  writeHeader(w, m);
  for (const q of m.questions) writeQuestion(w, q);
  for (const rr of m.answers) writeRecord(w, rr);
  for (const rr of m.authority) writeRecord(w, rr);
  for (const rr of m.additional) writeRecord(w, rr);
  if (m.edns) writeOpt(w, m.edns);
  return w.done();
}

/** The length of the OPT record alone (root name, fixed fields, options). */
export function optLength(edns: Edns): number {
  return 11 + edns.options.reduce((n, o) => n + 4 + o.data.length, 0);
}

/**
 * How many records of each section fit in `size` bytes once compressed, counted the way miekg's
 * `Msg.Truncate` counts: a running offset with one shared compression table, the OPT record's
 * length reserved up front, and the first record that would overflow ends the count for every
 * later section too.
 */
export function fitCompressed(
  m: Message,
  size: number,
): { answers: number; authority: number; additional: number } {
  const w = new Writer(true);
  writeHeader(w, m);
  for (const q of m.questions) writeQuestion(w, q);
  const budget = size - (m.edns ? optLength(m.edns) : 0);
  let full = w.length >= budget;
  const count = (records: readonly ResourceRecord[]): number => {
    if (full) return 0;
    for (let i = 0; i < records.length; i++) {
      writeRecord(w, records[i]!);
      if (w.length > budget) {
        full = true;
        return i;
      }
      if (w.length === budget) {
        full = true;
        return i + 1;
      }
    }
    return records.length;
  };
  const answers = count(m.answers);
  const authority = count(m.authority);
  const additional = count(m.additional);
  return { answers, authority, additional };
}
