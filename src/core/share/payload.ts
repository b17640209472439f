/**
 * The payload of a v1 link: `{"o":[objects],"v":{view}}` as sorted-key JSON. Objects are the
 * pruned scenario (see prune.ts) in document order; `apiVersion` is left out where it is the
 * kind's usual one below.
 *
 * NOTE (compatibility): the keys and the apiVersion table are part of format v1. The table is
 * the codec's own, not the model's list of served versions, so that what a v1 link means never
 * changes when the model learns a new apiVersion.
 */
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { isRecord } from '../model/manifest.ts';
import { ShareCode } from './codes.ts';
import { compactView, expandView, type ShareView } from './view.ts';

const USUAL_API_VERSION: Readonly<Record<string, string>> = {
  Node: 'v1',
  Pod: 'v1',
  Service: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  KubeProxyConfiguration: 'kubeproxy.config.k8s.io/v1alpha1',
  ClusterConfiguration: 'kubeadm.k8s.io/v1beta4',
};

/** The most objects a link may hold: a guard against hostile input, far above real scenarios. */
export const MAX_OBJECTS = 10_000;

export function toPayload(
  objects: readonly Record<string, unknown>[],
  view: ShareView | undefined,
): Record<string, unknown> {
  const o = objects.map((object) => {
    const kind = typeof object.kind === 'string' ? object.kind : '';
    if (object.apiVersion !== USUAL_API_VERSION[kind]) return object;
    const { apiVersion: _usual, ...rest } = object;
    return rest;
  });
  const v = compactView(view);
  return v ? { o, v } : { o };
}

export type FromPayload =
  | {
      readonly ok: true;
      readonly objects: readonly Record<string, unknown>[];
      readonly view: ShareView;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const badPayload = (why: string): FromPayload => ({
  ok: false,
  diagnostics: [
    diagnostic(
      ShareCode.badPayload,
      'error',
      `the link's data is not a scenario: ${why} (the link may have been edited by hand)`,
    ),
  ],
});

export function fromPayload(payload: unknown, warnings: Diagnostic[]): FromPayload {
  if (!isRecord(payload)) return badPayload('expected an object at the top');
  const unknown = Object.keys(payload).filter((k) => k !== 'o' && k !== 'v');
  if (unknown.length > 0) return badPayload(`unknown field "${unknown[0]?.slice(0, 40)}"`);
  const list = payload.o;
  if (!Array.isArray(list)) return badPayload('the object list "o" is missing');
  if (list.length > MAX_OBJECTS) return badPayload(`more than ${MAX_OBJECTS} objects`);
  const objects: Record<string, unknown>[] = [];
  for (const [i, item] of list.entries()) {
    if (!isRecord(item)) return badPayload(`object ${i + 1} is not an object`);
    const kind = item.kind;
    if (typeof kind !== 'string' || kind === '') return badPayload(`object ${i + 1} has no kind`);
    const usual = USUAL_API_VERSION[kind];
    objects.push(item.apiVersion === undefined && usual ? { apiVersion: usual, ...item } : item);
  }
  return { ok: true, objects, view: expandView(payload.v, warnings) };
}
