/**
 * The core's one public API. The UI, the store, the CLI and the golden tests import from here only.
 * Named re-exports on purpose: what is public is always a decision.
 *
 * Each area owns one block below; add to your own block.
 */

// ---- shared --------------------------------------------------------------------------------
export type { Diagnostic, Severity } from './diagnostics.ts';
export { hasErrors } from './diagnostics.ts';
export type {
  Cluster,
  ClusterConfiguration,
  Endpoint,
  EndpointSlice,
  KubeObject,
  KubeProxyConfiguration,
  Node,
  Pod,
  Protocol,
  Service,
  ServicePort,
  ServiceType,
} from './model/types.ts';
export type { Result } from './result.ts';

// ---- model (manifests, defaulting, validation, allocation, EndpointSlices, kubectl, edits) ----

// ---- kube-proxy (rule IR, compiler, printers, diff) -------------------------------------------

// ---- dns (responder, wire codec, dig formatter, resolv.conf) ----------------------------------

// ---- netfilter (packet walk, routing, conntrack, trace format) --------------------------------

// ---- scenario (share-link codec, migrations) ---------------------------------------------------
