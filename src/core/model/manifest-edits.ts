/**
 * Edits to the scenario's text, as a user would make them in their editor before
 * `kubectl apply`: append a manifest, change a field of one, delete one. Comments and the order
 * of the other documents are kept. Nothing here allocates or validates: edits.ts applies the new
 * text (applyScenario) and returns its diagnostics with it.
 */
import { type Document, isMap, parseAllDocuments, stringify } from 'yaml';

export interface ObjectRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** Cluster-scoped kinds have no namespace; all others default to `default`. */
export const CLUSTER_SCOPED = new Set(['Node', 'ClusterConfiguration', 'KubeProxyConfiguration']);

function docs(text: string): Document.Parsed[] {
  return parseAllDocuments(text, { version: '1.1' }) as Document.Parsed[];
}

function refOf(doc: Document): ObjectRef | null {
  if (!isMap(doc.contents)) return null;
  const kind = doc.get('kind');
  const name = doc.getIn(['metadata', 'name']);
  if (typeof kind !== 'string' || typeof name !== 'string') return null;
  const ns = doc.getIn(['metadata', 'namespace']);
  return CLUSTER_SCOPED.has(kind)
    ? { kind, name }
    : { kind, name, namespace: typeof ns === 'string' ? ns : 'default' };
}

function sameObject(a: ObjectRef, b: ObjectRef): boolean {
  const ns = (r: ObjectRef) => (CLUSTER_SCOPED.has(r.kind) ? '' : (r.namespace ?? 'default'));
  return a.kind === b.kind && a.name === b.name && ns(a) === ns(b);
}

function join(documents: readonly Document[]): string {
  return documents
    .map((d) => {
      const s = d.toString({ lineWidth: 0 });
      return s.startsWith('---') ? s : `---\n${s}`;
    })
    .join('')
    .replace(/^---\n/, '');
}

/** Appends one object as a new YAML document. */
export function appendObject(text: string, object: Record<string, unknown>): string {
  const body = stringify(object, { lineWidth: 0 });
  const base = text.trimEnd();
  if (base === '' || /^(#[^\n]*\n?)*$/.test(`${base}\n`))
    return `${base}${base ? '\n' : ''}${body}`;
  return `${base}\n---\n${body}`;
}

/** Removes every document that defines the object. */
export function removeObject(text: string, ref: ObjectRef): string {
  const all = docs(text);
  const kept = all.filter((d) => {
    const r = refOf(d);
    return !(r && sameObject(r, ref));
  });
  return kept.length === all.length ? text : join(kept);
}

/** Sets (or, with `undefined`, deletes) a field of the object, by path. */
export function setField(
  text: string,
  ref: ObjectRef,
  path: readonly (string | number)[],
  value: unknown,
): string {
  const all = docs(text);
  let changed = false;
  for (const d of all) {
    const r = refOf(d);
    if (!r || !sameObject(r, ref)) continue;
    if (value === undefined) d.deleteIn(path);
    else d.setIn(path, d.createNode(value));
    changed = true;
  }
  return changed ? join(all) : text;
}

/** Replaces the content of the object's (last) document, keeping the comments around it. */
export function replaceObject(
  text: string,
  ref: ObjectRef,
  object: Record<string, unknown>,
): string {
  const all = docs(text);
  const index = all.findLastIndex((d) => {
    const r = refOf(d);
    return r !== null && sameObject(r, ref);
  });
  const doc = all[index];
  if (!doc) return text;
  doc.contents = doc.createNode(object) as typeof doc.contents;
  return join(all);
}

/** The objects of one kind that the text defines, as plain values (for forms and pickers). */
export function objectsOfKind(text: string, kind: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const d of docs(text)) {
    if (d.errors.length > 0 || !isMap(d.contents) || d.get('kind') !== kind) continue;
    out.push(d.toJS() as Record<string, unknown>);
  }
  return out;
}

export function hasObject(text: string, ref: ObjectRef): boolean {
  return docs(text).some((d) => {
    const r = refOf(d);
    return r !== null && sameObject(r, ref);
  });
}
