/**
 * The view state a link carries next to the scenario: what the sender was looking at. The core
 * does not interpret it (the UI does); it only checks each field's shape so that a tampered link
 * cannot hand the UI garbage. A malformed field is dropped with a warning, never fatal: the
 * scenario is what matters.
 *
 * NOTE (compatibility): the compact keys below are format v1 of share links. Changing them needs
 * a new version and a migration (see migrate.ts).
 */
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { isRecord } from '../model/manifest.ts';
import type { Protocol } from '../model/types.ts';
import { ShareCode } from './codes.ts';

/** What the sender was looking at. Every field is optional; absent means the app's default. */
export interface ShareView {
  /** The node whose rules are shown, e.g. `node1`. */
  readonly node?: string;
  /** The open panel (tab), e.g. `Rules`, `DNS`, `Trace`, `kubectl`, `YAML`. */
  readonly panel?: string;
  /** The selected object on the canvas (the UI's canvas id). */
  readonly selected?: string;
  /** A packet trace: its source and destination as `svclab trace` takes them, and protocol. */
  readonly trace?: { readonly from: string; readonly to: string; readonly protocol?: Protocol };
  /** A guided lesson and the 0-based step the learner is on. */
  readonly lesson?: { readonly id: string; readonly step: number };
  /** The UI language, a BCP 47 tag such as `en` or `zh-CN`. */
  readonly language?: string;
}

const MAX_TEXT = 512;
const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

const text = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;

/** ShareView → the compact JSON object stored in the link (undefined when empty). */
export function compactView(view: ShareView | undefined): Record<string, unknown> | undefined {
  if (!view) return undefined;
  const out: Record<string, unknown> = {};
  if (view.node !== undefined) out.n = view.node;
  if (view.panel !== undefined) out.p = view.panel;
  if (view.selected !== undefined) out.s = view.selected;
  if (view.trace)
    out.t = {
      f: view.trace.from,
      t: view.trace.to,
      ...(view.trace.protocol ? { p: view.trace.protocol } : {}),
    };
  if (view.lesson) out.l = { i: view.lesson.id, s: view.lesson.step };
  if (view.language !== undefined) out.g = view.language;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The compact JSON object → ShareView, dropping (with a warning) every malformed field. */
export function expandView(value: unknown, diagnostics: Diagnostic[]): ShareView {
  if (value === undefined) return {};
  const ignore = (field: string, why: string) =>
    diagnostics.push(
      diagnostic(ShareCode.viewIgnored, 'warning', `the link's ${field} ${why}; it is ignored`, {
        field,
      }),
    );
  if (!isRecord(value)) {
    ignore('view state', 'is not an object');
    return {};
  }
  const view: {
    -readonly [K in keyof ShareView]: ShareView[K];
  } = {};
  const known = new Set(['n', 'p', 's', 't', 'l', 'g']);
  for (const key of Object.keys(value))
    if (!known.has(key)) ignore(`view field "${key.slice(0, 40)}"`, 'is unknown');
  const str = (key: string, field: string): string | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (text(v)) return v;
    ignore(field, `is not a string of 1 to ${MAX_TEXT} characters`);
    return undefined;
  };
  const node = str('n', 'node');
  if (node !== undefined) view.node = node;
  const panel = str('p', 'panel');
  if (panel !== undefined) view.panel = panel;
  const selected = str('s', 'selected object');
  if (selected !== undefined) view.selected = selected;
  const t = value.t;
  if (t !== undefined) {
    const protocol = isRecord(t) ? t.p : undefined;
    if (
      isRecord(t) &&
      text(t.f) &&
      text(t.t) &&
      (protocol === undefined || (typeof protocol === 'string' && PROTOCOLS.includes(protocol)))
    )
      view.trace = {
        from: t.f,
        to: t.t,
        ...(protocol !== undefined ? { protocol: protocol as Protocol } : {}),
      };
    else ignore('trace', 'needs a source, a destination and TCP, UDP or SCTP');
  }
  const l = value.l;
  if (l !== undefined) {
    if (isRecord(l) && text(l.i) && Number.isSafeInteger(l.s) && (l.s as number) >= 0)
      view.lesson = { id: l.i, step: l.s as number };
    else ignore('lesson', 'needs an id and a step number (0 or more)');
  }
  const language = value.g;
  if (language !== undefined) {
    if (typeof language === 'string' && language.length <= 35 && LANGUAGE.test(language))
      view.language = language;
    else ignore('language', 'is not a language tag such as en or zh-CN');
  }
  return view;
}
