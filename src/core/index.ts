/**
 * The core's one public API. The UI, the store, the CLI and the golden tests import from here only.
 * Named re-exports on purpose: what is public is always a decision.
 *
 * Each area owns one block below; add to your own block.
 */

// ---- shared --------------------------------------------------------------------------------
export type { Diagnostic, Severity } from './diagnostics.ts';
export { hasErrors } from './diagnostics.ts';
// ---- model (manifests, defaulting, validation, allocation, EndpointSlices, kubectl, edits) ----
export type { Applied, AppliedDocument, ApplyOptions } from './model/apply.ts';
export { applyScenario, DEFAULT_CREATION_TIMESTAMP } from './model/apply.ts';
export { ModelCode } from './model/codes.ts';
export { NEWEST_KUBERNETES_VERSION } from './model/settings.ts';
export type {
  Cluster,
  ClusterConfiguration,
  Endpoint,
  EndpointSlice,
  KubeObject,
  KubeProxyConfiguration,
  Node,
  OtherObject,
  Pod,
  Protocol,
  Service,
  ServicePort,
  ServiceType,
} from './model/types.ts';
export type { Result } from './result.ts';

// ---- kube-proxy (rule IR, compiler, printers, diff) -------------------------------------------

// ---- dns (responder, wire codec, dig formatter, resolv.conf) ----------------------------------

// ---- netfilter (packet walk, routing, conntrack, trace format) --------------------------------

// ---- scenario (share-link codec, migrations) ---------------------------------------------------
