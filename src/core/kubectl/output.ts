/**
 * `kubectl get -o yaml|json`: the objects as the API serves them. kubectl converts JSON to YAML
 * with sigs.k8s.io/yaml (go-yaml v2): keys sorted, lists not indented under their key, strings that
 * would read back as another type quoted (`"True"`, `"2024-07-14T08:00:00Z"`). JSON is
 * json.MarshalIndent with four spaces and sorted keys. Several objects print as a `kind: List`.
 */
import { stringify } from 'yaml';

/**
 * Lists the API declares without `omitempty` come back from storage as null when empty (the
 * protobuf round trip makes them nil): a placeholder EndpointSlice prints `endpoints: null`.
 */
function asStored(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if (o.kind === 'EndpointSlice' && Array.isArray(o.endpoints) && o.endpoints.length === 0)
    return { ...o, endpoints: null };
  if (o.kind === 'List' && Array.isArray(o.items)) return { ...o, items: o.items.map(asStored) };
  return v;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

export function toYaml(value: unknown): string {
  return stringify(sortKeys(asStored(value)), {
    version: '1.1',
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    nullStr: 'null',
    defaultKeyType: 'PLAIN',
  });
}

export function toJson(value: unknown): string {
  // json.MarshalIndent escapes HTML-significant characters and the JS line separators.
  const json = JSON.stringify(sortKeys(asStored(value)), null, 4).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}

/** One object as itself; zero or several as the `kind: List` kubectl prints. */
export function asList(objects: readonly unknown[]): unknown {
  if (objects.length === 1) return objects[0];
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}
