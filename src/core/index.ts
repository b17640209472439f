/**
 * The core's one public API. The UI, the store, the CLI and the golden tests import from here only.
 * Named re-exports on purpose: what is public is always a decision.
 *
 * Each area owns one block below; add to your own block.
 */

// ---- shared --------------------------------------------------------------------------------
export type { Diagnostic, Severity } from './diagnostics.ts';
export { hasErrors } from './diagnostics.ts';
// ---- kube-proxy (rule IR, compiler, printers, diff) -------------------------------------------
export { chainRules, rulesByChain } from './iptables/chains.ts';
export type { ChainChange, RuleChange, RulesetDiff } from './iptables/diff.ts';
export { diffRulesets, printDiff } from './iptables/diff.ts';
export { kubeProxyProbability, savedProbability } from './iptables/probability.ts';
export { printRestore, restoreRule } from './iptables/restore.ts';
export { printSave, saveRuleLine } from './iptables/save.ts';
export type {
  AddrType,
  Chain as IptablesChain,
  CtState,
  Match as IptablesMatch,
  Protocol as IptablesProtocol,
  Provenance,
  Rule as IptablesRule,
  Ruleset,
  SourceRef,
  Table as IptablesTable,
  TableName,
  Target as IptablesTarget,
} from './iptables/types.ts';
export { BUILTIN_CHAINS } from './iptables/types.ts';
export { endpointChainName, servicePortChains } from './kube-proxy/chain-names.ts';
export { KubeProxyCode } from './kube-proxy/codes.ts';
export type { KubeProxyCompileOptions, KubeProxyRules } from './kube-proxy/compile.ts';
export {
  compileKubeProxy,
  KubeProxyCompiler,
  LARGE_CLUSTER_ENDPOINTS_THRESHOLD,
} from './kube-proxy/compile.ts';
export { nodeRuleset, setupCommands } from './kube-proxy/node-view.ts';
export type { ProxyProfile } from './kube-proxy/profile.ts';
export { NEWEST_MODELLED_MINOR, proxyProfile } from './kube-proxy/profile.ts';
// ---- kubectl views (model area; Biome sorts this block by path) ------------------------------
export { formatApplyErrors } from './kubectl/apply-errors.ts';
export { DEFAULT_NOW_OFFSET_MS, defaultNow } from './kubectl/clock.ts';
export { describeService } from './kubectl/describe-service.ts';
export { humanDuration } from './kubectl/duration.ts';
export type { GetOptions, GetOutput, GetResource } from './kubectl/get.ts';
export { kubectlGet, notFoundErrors, parseResource } from './kubectl/get.ts';
export type { LabelSelector } from './kubectl/label-selector.ts';
export { parseLabelSelector } from './kubectl/label-selector.ts';
export { kubectlGetObjects, kubectlGetOutput } from './kubectl/objects.ts';
export { asList, toJson, toYaml } from './kubectl/output.ts';
// ---- model (manifests, defaulting, validation, allocation, EndpointSlices, kubectl, edits) ----
export type { Applied, AppliedDocument, ApplyOptions } from './model/apply.ts';
export { applyScenario, DEFAULT_CREATION_TIMESTAMP } from './model/apply.ts';
export { ModelCode } from './model/codes.ts';
export type { PodForm, PortForm, ServiceForm, ServiceKind } from './model/edit-forms.ts';
export {
  nodeManifest,
  parseLabels,
  podManifest,
  readyConditions,
  serviceManifest,
} from './model/edit-forms.ts';
export type { EditResult, ObjectRef } from './model/edits.ts';
export {
  addNode,
  addObject,
  addPod,
  addService,
  applyObject,
  removeNode,
  removeObject,
  removePod,
  removeService,
  scalePods,
  setPodReady,
  setPodTerminating,
  updateNode,
  updateObject,
  updatePod,
  updateService,
} from './model/edits.ts';
export {
  appendObject,
  hasObject,
  objectsOfKind,
  removeObject as removeObjectText,
  replaceObject,
  setField,
} from './model/manifest-edits.ts';
export { NEWEST_KUBERNETES_VERSION } from './model/settings.ts';

// ---- shared model types ----------------------------------------------------------------------
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

// ---- dns (responder, wire codec, dig formatter, resolv.conf) ----------------------------------

// ---- netfilter (packet walk, routing, conntrack, trace format) --------------------------------

// ---- scenario (share-link codec, migrations) ---------------------------------------------------
