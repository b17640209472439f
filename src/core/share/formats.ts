/**
 * Share-link format versions and the migrations between them.
 *
 * A link is `v<N>.<body>`. Decoding reads the body with version N's wire settings (its DEFLATE
 * dictionary), then upgrades the payload one version at a time — N → N+1 → … → current — each
 * step a pure function of the previous version's payload. To change the format: add a format
 * with the next version, give the previous one an `upgrade` to it, freeze a few links made with
 * the new version under golden/share/, and never edit an old format's dictionary or upgrade.
 */
import { shareDictionaryV1 } from './dictionary.ts';

export interface ShareFormat {
  readonly version: number;
  /** The preset DEFLATE dictionary this version's bodies were compressed with. */
  readonly dictionary?: Uint8Array;
  /** This version's payload → the next version's. May throw; the decoder reports it. */
  readonly upgrade?: (payload: unknown) => unknown;
}

/** Oldest first; the last one is what links are written with. */
export type FormatTable = readonly ShareFormat[];

export const SHARE_FORMATS: FormatTable = [{ version: 1, dictionary: shareDictionaryV1() }];

export function currentFormat(formats: FormatTable): ShareFormat {
  const last = formats[formats.length - 1];
  if (!last) throw new Error('no share-link formats'); // a programming error, never user input
  return last;
}

export type Upgraded =
  | { readonly ok: true; readonly payload: unknown }
  | { readonly ok: false; readonly from: number; readonly error: string };

/** Runs the upgrades from `version` to the current format, in order. */
export function upgradePayload(formats: FormatTable, version: number, payload: unknown): Upgraded {
  let value = payload;
  const start = formats.findIndex((f) => f.version === version);
  for (let i = start; i >= 0 && i < formats.length - 1; i++) {
    const format = formats[i];
    if (!format?.upgrade)
      return { ok: false, from: format?.version ?? version, error: 'no upgrade step' };
    try {
      value = format.upgrade(value);
    } catch (e) {
      return { ok: false, from: format.version, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return { ok: true, payload: value };
}
