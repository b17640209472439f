/**
 * Wire bytes -> Message. Follows pointers backwards only and at most 126 times (miekg/dns's
 * limits), so any input terminates; errors come back as a message string, never a throw.
 */
import { formatIPv4, formatIPv6 } from '../ip.ts';
import { labelsToName } from './name.ts';
import {
  type Edns,
  type EdnsOption,
  type Header,
  type Message,
  type Question,
  type RData,
  type ResourceRecord,
  TYPE,
} from './types.ts';

class DecodeError extends Error {}

class Reader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  need(n: number, what: string): void {
    if (this.offset + n > this.bytes.length) throw new DecodeError(`short read in ${what}`);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.offset++]!;
  }

  u16(what: string): number {
    return (this.u8(what) << 8) | this.u8(what);
  }

  u32(what: string): number {
    return this.u16(what) * 0x10000 + this.u16(what);
  }

  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  name(what: string): string {
    const labels: Uint8Array[] = [];
    let at = this.offset;
    let resume = -1;
    let pointers = 0;
    let total = 1;
    for (;;) {
      if (at >= this.bytes.length) throw new DecodeError(`short read in ${what}`);
      const c = this.bytes[at]!;
      if ((c & 0xc0) === 0xc0) {
        if (at + 1 >= this.bytes.length) throw new DecodeError(`short read in ${what}`);
        const target = ((c & 0x3f) << 8) | this.bytes[at + 1]!;
        if (resume < 0) resume = at + 2;
        if (++pointers > 126) throw new DecodeError(`too many compression pointers in ${what}`);
        if (target >= at)
          throw new DecodeError(`pointer not to prior occurrence of name in ${what}`);
        at = target;
        continue;
      }
      if ((c & 0xc0) !== 0) throw new DecodeError(`reserved label type in ${what}`);
      if (c === 0) {
        at += 1;
        break;
      }
      if (at + 1 + c > this.bytes.length) throw new DecodeError(`short read in ${what}`);
      total += c + 1;
      if (total > 255) throw new DecodeError(`name longer than 255 octets in ${what}`);
      labels.push(this.bytes.slice(at + 1, at + 1 + c));
      at += 1 + c;
    }
    this.offset = resume >= 0 ? resume : at;
    return labelsToName(labels);
  }
}

function readHeader(r: Reader): { header: Header; counts: number[] } {
  const id = r.u16('header');
  const b1 = r.u8('header');
  const b2 = r.u8('header');
  const header: Header = {
    id,
    qr: (b1 & 0x80) !== 0,
    opcode: (b1 >> 3) & 0xf,
    aa: (b1 & 0x04) !== 0,
    tc: (b1 & 0x02) !== 0,
    rd: (b1 & 0x01) !== 0,
    ra: (b2 & 0x80) !== 0,
    z: (b2 & 0x40) !== 0,
    ad: (b2 & 0x20) !== 0,
    cd: (b2 & 0x10) !== 0,
    rcode: b2 & 0xf,
  };
  const counts = [r.u16('header'), r.u16('header'), r.u16('header'), r.u16('header')];
  return { header, counts };
}

function readRData(r: Reader, type: number, length: number): RData {
  const end = r.offset + length;
  r.need(length, 'rdata');
  let data: RData;
  switch (type) {
    case TYPE.A:
      if (length !== 4) throw new DecodeError('bad A rdata length');
      data = { kind: 'A', address: formatIPv4(r.take(4, 'A')) };
      break;
    case TYPE.AAAA:
      if (length !== 16) throw new DecodeError('bad AAAA rdata length');
      data = { kind: 'AAAA', address: formatIPv6(r.take(16, 'AAAA')) };
      break;
    case TYPE.NS:
    case TYPE.CNAME:
    case TYPE.PTR:
      data = { kind: 'NAME', target: r.name('rdata') };
      break;
    case TYPE.SOA:
      data = {
        kind: 'SOA',
        mname: r.name('SOA'),
        rname: r.name('SOA'),
        serial: r.u32('SOA'),
        refresh: r.u32('SOA'),
        retry: r.u32('SOA'),
        expire: r.u32('SOA'),
        minimum: r.u32('SOA'),
      };
      break;
    case TYPE.MX:
      data = { kind: 'MX', preference: r.u16('MX'), exchange: r.name('MX') };
      break;
    case TYPE.SRV:
      data = {
        kind: 'SRV',
        priority: r.u16('SRV'),
        weight: r.u16('SRV'),
        port: r.u16('SRV'),
        target: r.name('SRV'),
      };
      break;
    case TYPE.TXT: {
      const strings: Uint8Array[] = [];
      while (r.offset < end) strings.push(r.take(r.u8('TXT'), 'TXT'));
      data = { kind: 'TXT', strings };
      break;
    }
    default:
      data = { kind: 'RAW', bytes: r.take(length, 'rdata') };
  }
  if (r.offset !== end) throw new DecodeError(`rdata length mismatch for type ${type}`);
  return data;
}

function readRecord(r: Reader): ResourceRecord | Edns {
  const name = r.name('record owner');
  const type = r.u16('record');
  const klass = r.u16('record');
  const ttl = r.u32('record');
  const length = r.u16('record');
  if (type === TYPE.OPT) {
    const end = r.offset + length;
    r.need(length, 'OPT');
    const options: EdnsOption[] = [];
    while (r.offset < end) {
      const code = r.u16('OPT');
      const size = r.u16('OPT');
      if (r.offset + size > end) throw new DecodeError('bad OPT option length');
      options.push({ code, data: r.take(size, 'OPT') });
    }
    if (name !== '.') throw new DecodeError('OPT owner is not the root');
    return {
      udpSize: klass,
      extendedRcode: Math.floor(ttl / 0x1000000),
      version: Math.floor(ttl / 0x10000) & 0xff,
      do: (ttl & 0x8000) !== 0,
      z: ttl & 0x7fff,
      options,
    };
  }
  return { name, type, class: klass, ttl, data: readRData(r, type, length) };
}

/** Unpacks a message; `error` says why when the bytes are not a well-formed DNS message. */
export function decodeMessage(
  bytes: Uint8Array,
): { ok: true; message: Message } | { ok: false; error: string } {
  try {
    const r = new Reader(bytes);
    const { header, counts } = readHeader(r);
    const questions: Question[] = [];
    for (let i = 0; i < counts[0]!; i++) {
      questions.push({
        name: r.name('question'),
        type: r.u16('question'),
        class: r.u16('question'),
      });
    }
    const sections: ResourceRecord[][] = [[], [], []];
    let edns: Edns | undefined;
    for (let s = 0; s < 3; s++) {
      for (let i = 0; i < counts[s + 1]!; i++) {
        const rr = readRecord(r);
        if ('udpSize' in rr) {
          if (s !== 2 || edns) throw new DecodeError('misplaced or repeated OPT record');
          edns = rr;
        } else sections[s]!.push(rr);
      }
    }
    if (r.offset !== bytes.length) throw new DecodeError('trailing bytes after the message');
    const message: Message = {
      header,
      questions,
      answers: sections[0]!,
      authority: sections[1]!,
      additional: sections[2]!,
      ...(edns ? { edns } : {}),
    };
    return { ok: true, message };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: e.message };
    throw e;
  }
}
