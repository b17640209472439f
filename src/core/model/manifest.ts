/**
 * Reading a scenario's text: YAML documents separated by `---`, a `kind: List` (as
 * `kubectl get -o yaml` prints it), or the same in JSON. Each document is read on its own, so a
 * syntax error costs only the document it is in — as `kubectl apply -f` reads a multi-document
 * file.
 *
 * YAML is read with YAML 1.1 scalars because the API machinery reads YAML with go-yaml v2 (through
 * sigs.k8s.io/yaml): `yes`/`on` are booleans and `0755` is octal there. Timestamps stay strings, as
 * they do after go-yaml's YAML→JSON conversion.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import { ModelCode } from './codes.ts';

/** One object read from the text, before its kind is looked at. */
export interface RawDocument {
  /** 0-based index of the YAML document (or 0 for JSON). */
  readonly document: number;
  /** Index inside `items` when the document is a List. */
  readonly item?: number;
  /** 1-based line where the document (or item) starts. */
  readonly line: number;
  readonly value: Record<string, unknown>;
}

export interface ReadManifests {
  readonly documents: readonly RawDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readManifests(text: string): ReadManifests {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = readJson(text);
    if (json) return json;
  }
  return readYaml(text);
}

/** JSON is YAML too, but JSON.parse is exact about numbers and strings; fall back on failure. */
function readJson(text: string): ReadManifests | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // the YAML reader reports the error with a line and column
  }
  const documents: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const line =
    1 + (text.length - text.trimStart().length > 0 ? countLines(text, text.search(/\S/)) : 0);
  collect(value, 0, line, documents, diagnostics);
  return { documents, diagnostics };
}

function countLines(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

const yamlOptions = {
  version: '1.1' as const,
  // go-yaml → JSON keeps timestamps as strings; the yaml package would make Date objects.
  customTags: (tags: import('yaml').Tags) =>
    tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
  uniqueKeys: true,
};

function readYaml(text: string): ReadManifests {
  const lineCounter = new LineCounter();
  const documents: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    parsed = parseAllDocuments(text, { ...yamlOptions, lineCounter });
  } catch (e) {
    // The parser reports errors as data; this guards the "nothing throws" contract regardless.
    diagnostics.push(diagnostic(ModelCode.syntax, 'error', `error parsing YAML: ${String(e)}`));
    return { documents, diagnostics };
  }
  const docs = Array.isArray(parsed) ? parsed : [];
  docs.forEach((doc, index) => {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = err.linePos?.[0];
        diagnostics.push(
          diagnostic(ModelCode.syntax, 'error', firstLine(err.message), {
            document: index,
            ...(pos ? { line: pos.line, column: pos.col } : { line }),
          }),
        );
      }
      return;
    }
    if (doc.contents === null) return; // an empty document, e.g. after a trailing `---`
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      diagnostics.push(
        diagnostic(ModelCode.syntax, 'error', e instanceof Error ? e.message : String(e), {
          document: index,
          line,
        }),
      );
      return;
    }
    collect(value, index, line, documents, diagnostics);
  });
  return { documents, diagnostics };
}

/** The yaml package appends a source excerpt after the first line; keep the sentence only. */
function firstLine(message: string): string {
  const cut = message.indexOf(':\n');
  return (cut >= 0 ? message.slice(0, cut) : message).trim();
}

function collect(
  value: unknown,
  document: number,
  line: number,
  documents: RawDocument[],
  diagnostics: Diagnostic[],
): void {
  if (value === null || value === undefined) return;
  if (!isRecord(value)) {
    diagnostics.push(
      diagnostic(
        ModelCode.notAnObject,
        'error',
        `error: unable to decode document ${document + 1}: the document is not an object (a mapping with apiVersion and kind)`,
        { document, line },
      ),
    );
    return;
  }
  const kind = value.kind;
  // `kubectl get -o yaml` prints `kind: List`; typed lists (ServiceList, ...) read the same way.
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items)) {
    value.items.forEach((item, i) => {
      if (isRecord(item)) documents.push({ document, item: i, line, value: item });
      else
        diagnostics.push(
          diagnostic(
            ModelCode.notAnObject,
            'error',
            `error: unable to decode document ${document + 1}, item ${i}: the item is not an object`,
            { document, line },
          ),
        );
    });
    return;
  }
  documents.push({ document, line, value });
}
