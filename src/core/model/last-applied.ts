/**
 * `kubectl apply` (client-side) records what it applied in the annotation
 * `kubectl.kubernetes.io/last-applied-configuration`: the manifest as JSON (keys sorted, as Go
 * marshals a map), the annotation itself left out but the annotations map kept (`{}` when it was
 * only there for this key), the namespace filled in, and a trailing newline. `kubectl get -o yaml`
 * shows it; `kubectl describe` hides it. Reference §7.
 */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sorted(x);
  }
  return out;
}

/** The annotation's value for a manifest as the file gives it. */
export function lastAppliedConfiguration(
  manifest: Record<string, unknown>,
  namespace: string | undefined,
): string {
  const meta = (
    typeof manifest.metadata === 'object' && manifest.metadata !== null ? manifest.metadata : {}
  ) as Record<string, unknown>;
  const given = (
    typeof meta.annotations === 'object' && meta.annotations !== null ? meta.annotations : {}
  ) as Record<string, unknown>;
  const annotations = Object.fromEntries(Object.entries(given).filter(([k]) => k !== LAST_APPLIED));
  const metadata = {
    ...meta,
    annotations,
    ...(namespace !== undefined ? { namespace: meta.namespace ?? namespace } : {}),
  };
  // Go's encoding/json escapes HTML-significant characters and the JS line separators.
  const json = JSON.stringify(sorted({ ...manifest, metadata })).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}

/**
 * The object without kubectl's last-applied-configuration annotation (an empty annotations map
 * is dropped with it): what the object *is*, apart from the record of the text that made it.
 * Share links compare objects this way — opening a link applies the link's (pruned) manifests,
 * so the annotation records those, as it would for anyone applying them.
 */
export function withoutLastApplied<T>(object: T): T {
  if (typeof object !== 'object' || object === null) return object;
  const meta = (object as { metadata?: { annotations?: Record<string, string> } }).metadata;
  if (!meta?.annotations || !(LAST_APPLIED in meta.annotations)) return object;
  const { [LAST_APPLIED]: _dropped, ...rest } = meta.annotations;
  const metadata: Record<string, unknown> = { ...meta };
  if (Object.keys(rest).length > 0) metadata.annotations = rest;
  else delete metadata.annotations;
  return { ...object, metadata } as T;
}
