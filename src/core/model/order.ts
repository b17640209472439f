/** The Cluster's deterministic order: by namespace, then name (plain code-unit order, like Go). */
import type { ObjectMeta } from './types.ts';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byNamespaceAndName(
  a: { readonly metadata?: ObjectMeta },
  b: { readonly metadata?: ObjectMeta },
): number {
  return (
    cmp(a.metadata?.namespace ?? '', b.metadata?.namespace ?? '') ||
    cmp(a.metadata?.name ?? '', b.metadata?.name ?? '')
  );
}
