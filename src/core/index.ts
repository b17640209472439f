/**
 * The core's one public API. The UI, the store, the CLI and the golden tests import from here only.
 * Named re-exports on purpose: what is public is always a decision.
 *
 * Each area owns one block below; add to your own block.
 */

// ---- shared --------------------------------------------------------------------------------
export type { Diagnostic, Severity } from './diagnostics.ts';
export { hasErrors } from './diagnostics.ts';
// ---- dns (responder, wire codec, dig formatter, resolv.conf) ----------------------------------
export { DNS_CODES } from './dns/codes.ts';
export type { UpstreamRecord } from './dns/coredns/upstream.ts';
export { DEFAULT_UPSTREAM, UPSTREAM_KIND } from './dns/coredns/upstream.ts';
export type { DigArgs } from './dns/dig/args.ts';
export { parseDigArgs } from './dns/dig/args.ts';
export { DIG_VERSION, digWhen, formatDig } from './dns/dig/format.ts';
export type { DigResult, DigRun } from './dns/dig/run.ts';
export { runDig } from './dns/dig/run.ts';
export type {
  DigInPod,
  DigInPodRequest,
  ResolveInPodRequest,
} from './dns/in-pod.ts';
export { digInPod, dnsServerAt, resolveInPod } from './dns/in-pod.ts';
export { buildQuery } from './dns/query.ts';
export type { AnsweredQuery } from './dns/query-hex.ts';
export { answerQueryHex, digArgsFor, dnsJson, parseHex, toHex } from './dns/query-hex.ts';
export { DEFAULT_NODE_RESOLV_CONF } from './dns/resolv/host.ts';
export type { PodDnsType } from './dns/resolv/kubelet.ts';
export type { ResolvConf } from './dns/resolv/pod.ts';
export { defaultDnsClient, findPod, resolvConf } from './dns/resolv/pod.ts';
export type { ResolverSettings } from './dns/resolv/settings.ts';
export type { DnsExchange, DnsOptions, DnsServer } from './dns/respond.ts';
export { ClusterDns, respond } from './dns/respond.ts';
export { formatWalk } from './dns/walk/format.ts';
export type { AddressFamily } from './dns/walk/glibc.ts';
export type {
  Outcome as DnsOutcome,
  SearchWalk,
  WalkQuery,
  WalkStep,
} from './dns/walk/types.ts';
export { decodeMessage } from './dns/wire/decode.ts';
export { encodeMessage } from './dns/wire/encode.ts';
export type {
  Message as DnsMessage,
  Question as DnsQuestion,
  ResourceRecord as DnsRecord,
} from './dns/wire/types.ts';
export {
  parseType,
  parseType as parseDnsType,
  RCODE,
  rcodeName,
  TYPE,
  typeName,
  typeName as dnsTypeName,
} from './dns/wire/types.ts';
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
// ---- packet walk (netfilter interpreter, routing, conntrack, traces) ---------------------------
export type { Hook, RuleHit } from './netfilter/interpreter.ts';
export type { PacketView } from './netfilter/packet.ts';
export type { RuleOwner } from './netfilter/ruleset-index.ts';
export type { ClusterNetwork, NodeNetwork } from './network/cluster-network.ts';
export { clusterNetwork } from './network/cluster-network.ts';
export { flannelRules } from './network/flannel-rules.ts';
export type { Route } from './network/routing.ts';
export { route } from './network/routing.ts';
export type { Result } from './result.ts';
export { TraceCode } from './trace/codes.ts';
export { formatTraceText, placeText } from './trace/format-text.ts';
export type { HopKind, Place, TraceHop } from './trace/hop.ts';
export type { Resolution, ResolveStep } from './trace/resolve.ts';
export type { DistributionEntry, Trace, TraceOptions, TraceRequest } from './trace/trace.ts';
export { TraceState, tracePacket } from './trace/trace.ts';
export type { TraceWorld } from './trace/world.ts';
export { traceWorld } from './trace/world.ts';

// ---- netfilter (packet walk, routing, conntrack, trace format) --------------------------------

// ---- scenario (share-link codec, migrations) ---------------------------------------------------
// Share links (see src/core/share/link.ts): the app state in a URL fragment `#v1.<base64url>`.
//   const link = encodeShareLink({ scenario: text, view: { panel: 'Rules', node: 'node1' } },
//                                { base: location.href });
//   link.ok ? copy(link.url) /* link.sizeClass: 'ok' | 'warn' (> 2,048) | 'download' (> 8,000) */
//           : show(link.diagnostics);
//   const opened = decodeShareFragment(location.hash);  // never throws
//   opened.ok ? load(opened.state.scenario, opened.state.view) : show(opened.diagnostics);
export { ShareCode } from './share/codes.ts';
export type { FormatTable, ShareFormat } from './share/formats.ts';
export { SHARE_FORMATS } from './share/formats.ts';
export type {
  DecodedShareLink,
  EncodedShareLink,
  ShareLinkOptions,
  ShareLinkSize,
  ShareState,
} from './share/link.ts';
export {
  classifyShareLinkSize,
  decodeShareFragment,
  encodeShareLink,
  SHARE_LINK_LIMITS,
  scenarioYaml,
} from './share/link.ts';
export type { ShareView } from './share/view.ts';
