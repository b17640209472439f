/**
 * The bytes of a link body: base64url (no padding) of a 4-byte checksum followed by the payload's
 * UTF-8 JSON compressed as raw DEFLATE (RFC 1951) with the version's preset dictionary.
 *
 * Raw DEFLATE has no integrity check of its own, so a changed character can inflate to a
 * different but well-formed scenario. The checksum (the first 4 bytes of SHA-256 of the JSON)
 * turns that into a clear "damaged or changed" message instead of silently opening something
 * else.
 *
 * NOTE (compatibility): this layout is part of format v1.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlnopad } from '@scure/base';
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { ShareCode } from './codes.ts';

const CHECKSUM_BYTES = 4;
/** The most a link may inflate to: far above any real scenario, far below a tab's memory. */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
/** Input is inflated in slices so that a "zip bomb" stops at the limit, not after it. */
const SLICE = 1024;

function checksum(bytes: Uint8Array): Uint8Array {
  return sha256(bytes).subarray(0, CHECKSUM_BYTES);
}

export function encodeBody(json: string, dictionary: Uint8Array | undefined): string {
  const bytes = strToU8(json);
  const deflated = deflateSync(bytes, { level: 9, ...(dictionary ? { dictionary } : {}) });
  const out = new Uint8Array(CHECKSUM_BYTES + deflated.length);
  out.set(checksum(bytes), 0);
  out.set(deflated, CHECKSUM_BYTES);
  return base64urlnopad.encode(out);
}

export type BodyResult =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

const fail = (code: string, message: string): BodyResult => ({
  ok: false,
  diagnostic: diagnostic(code, 'error', message),
});

const DAMAGED =
  'the link is damaged: its data ends early or is corrupt (was it cut off when it was copied?)';

export function decodeBody(body: string, dictionary: Uint8Array | undefined): BodyResult {
  const bad = /[^A-Za-z0-9_-]/.exec(body);
  if (bad)
    return fail(
      ShareCode.badBase64,
      `the link contains "${bad[0]}" at position ${bad.index + 1}, which a share link never has (only A–Z, a–z, 0–9, - and _)`,
    );
  if (body.length % 4 === 1)
    return fail(ShareCode.badBase64, `${DAMAGED}; its length is not a valid base64url length`);
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(body);
  } catch {
    return fail(ShareCode.badBase64, `${DAMAGED}; it is not valid base64url`);
  }
  if (bytes.length <= CHECKSUM_BYTES) return fail(ShareCode.badDeflate, DAMAGED);
  const inflated = inflate(bytes.subarray(CHECKSUM_BYTES), dictionary);
  if (inflated === 'damaged') return fail(ShareCode.badDeflate, DAMAGED);
  if (inflated === 'too-large')
    return fail(
      ShareCode.tooLarge,
      `the link's scenario is larger than ${MAX_INFLATED_BYTES / 1024 / 1024} MiB once unpacked; it is not opened`,
    );
  const expected = bytes.subarray(0, CHECKSUM_BYTES);
  const actual = checksum(inflated);
  if (expected.some((b, i) => b !== actual[i]))
    return fail(
      ShareCode.badDeflate,
      'the link was changed or damaged: its checksum does not match its contents',
    );
  let json: string;
  try {
    json = strFromU8(inflated);
  } catch {
    return fail(ShareCode.badJson, 'the link does not hold text (its data is not UTF-8)');
  }
  return { ok: true, json };
}

function inflate(
  data: Uint8Array,
  dictionary: Uint8Array | undefined,
): Uint8Array | 'damaged' | 'too-large' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  let ended = false;
  try {
    const stream = new Inflate(dictionary ? { dictionary } : {}, (chunk, final) => {
      total += chunk.length;
      if (total > MAX_INFLATED_BYTES) tooLarge = true;
      else chunks.push(chunk);
      if (final) ended = true;
    });
    for (let i = 0; i < data.length && !tooLarge; i += SLICE)
      stream.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch {
    return 'damaged';
  }
  if (tooLarge) return 'too-large';
  if (!ended) return 'damaged';
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
