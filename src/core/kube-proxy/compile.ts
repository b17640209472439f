import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import type { Chain, Rule, Ruleset } from '../iptables/types.ts';
import type { Cluster, EndpointSlice, Service } from '../model/types.ts';
import { fail, ok, type Result } from '../result.ts';
import { KubeProxyCode } from './codes.ts';
import {
  collectEndpoints,
  type EndpointInfo,
  type Family,
  portKey,
  SERVICE_NAME_LABEL,
} from './endpoints.ts';
import { fixedFilterRules, fixedNatRules, nodePortsTailRules } from './fixed-rules.ts';
import { type NodeContext, nodeContext } from './node-context.ts';
import { type ProxyProfile, proxyProfile } from './profile.ts';
import { ChainWriter, RuleWriter } from './rule-writer.ts';
import { type ServicePortInfo, servicePorts } from './service-port.ts';
import { compileServicePort, type ServicePortBlock } from './service-rules.ts';

/**
 * The rule compiler: a Cluster and one node in, what kube-proxy's iptables proxier writes on that
 * node out (pkg/proxy/iptables/proxier.go `syncProxyRules`, a full sync):
 *
 *   *filter  fixed chains · [KUBE-FIREWALL] · per service port: REJECT/DROP, firewall,
 *            health check · KUBE-FORWARD
 *   *nat     fixed chains · per service port chains · KUBE-POSTROUTING, KUBE-MARK-MASQ ·
 *            per service port: KUBE-SERVICES/KUBE-NODEPORTS entries, EXT, FW, SVC, SVL, SEP ·
 *            the KUBE-SERVICES → KUBE-NODEPORTS tail
 *
 * Real kube-proxy visits service ports in Go map order (random per sync); this compiler sorts
 * them by `ns/name:port`, as the conformance fixtures do. More than 1000 endpoints in all turns
 * on large-cluster mode (the per-endpoint comments are dropped).
 *
 * A `KubeProxyCompiler` keeps each service port's block between compilations and reuses it when
 * the Service, its EndpointSlices (the same objects, or objects with the same JSON) and the node
 * context are unchanged, the way kube-proxy's partial sync skips unchanged services. Cluster
 * objects are taken as immutable: an edit makes a new object, it never changes one in place.
 */

export interface KubeProxyCompileOptions {
  /** The node whose kube-proxy to run; default the first Node. */
  readonly node?: string;
  /** Address family of the proxier (iptables = IPv4, ip6tables = IPv6); default IPv4. */
  readonly family?: Family;
}

export interface KubeProxyRules {
  readonly node: string;
  readonly profile: ProxyProfile;
  readonly family: Family;
  /** The filter and nat tables kube-proxy restores, in its write order. */
  readonly ruleset: Ruleset;
  /** The same as iptables-restore text: exactly what kube-proxy writes. */
  readonly restoreText: string;
  readonly largeClusterMode: boolean;
  readonly localhostNodePorts: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** Above this many endpoints kube-proxy drops per-endpoint comments (largeClusterEndpointsThreshold). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

const FILTER_CHAINS = [
  'KUBE-SERVICES',
  'KUBE-EXTERNAL-SERVICES',
  'KUBE-FORWARD',
  'KUBE-NODEPORTS',
  'KUBE-PROXY-FIREWALL',
];
const NAT_CHAINS = ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'];

interface PortState {
  readonly info: ServicePortInfo;
  readonly endpoints: readonly EndpointInfo[];
}

/** A Service's ports with their endpoints, and the inputs they were made from. */
interface ServiceEntry {
  readonly service: Service;
  readonly slices: readonly EndpointSlice[];
  /** Proxier family and profile. */
  readonly key: string;
  /** The Service and its slices as JSON: equal text means equal rules. */
  readonly content: string;
  readonly ports: readonly PortState[];
}

function sameSlices(a: readonly EndpointSlice[], b: readonly EndpointSlice[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Objects' JSON, remembered per object: applyScenario makes new objects on every apply, so the
 * cache of service blocks compares content, and an unchanged object is serialised once.
 */
const jsonOf = new WeakMap<object, string>();
function json(value: object): string {
  let text = jsonOf.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonOf.set(value, text);
  }
  return text;
}

function contentOf(svc: Service, slices: readonly EndpointSlice[]): string {
  let text = json(svc);
  for (const slice of slices) text += `\n${json(slice)}`;
  return text;
}

function sameBlocks(a: readonly ServicePortBlock[], b: readonly ServicePortBlock[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function byName(a: PortState, b: PortState): number {
  const x = a.info.nameString;
  const y = b.info.nameString;
  if (x !== y) return x < y ? -1 : 1;
  return a.info.protocol < b.info.protocol ? -1 : a.info.protocol > b.info.protocol ? 1 : 0;
}

export class KubeProxyCompiler {
  /** By `ns/name`: the entries of the last compilation (removed Services drop out). */
  private services = new Map<string, ServiceEntry>();
  private blocks = new WeakMap<PortState, { key: string; block: ServicePortBlock }>();
  private last: {
    key: string;
    blocks: readonly ServicePortBlock[];
    rules: KubeProxyRules;
  } | null = null;

  compile(cluster: Cluster, options: KubeProxyCompileOptions = {}): Result<KubeProxyRules> {
    const diagnostics: Diagnostic[] = [];
    if (cluster.nodes.length === 0) {
      return fail([
        diagnostic(
          KubeProxyCode.NoNodes,
          'error',
          'the cluster has no Node, so no kube-proxy runs',
        ),
      ]);
    }
    const node =
      options.node === undefined
        ? cluster.nodes[0]
        : cluster.nodes.find((n) => n.metadata.name === options.node);
    if (!node) {
      return fail([
        diagnostic(KubeProxyCode.UnknownNode, 'error', `nodes "${options.node}" not found`, {
          object: `Node ${options.node}`,
        }),
      ]);
    }
    const family = options.family ?? 'IPv4';
    const profile = proxyProfile(cluster.kubernetesVersion);
    const ctx = nodeContext(cluster, node, profile, family, diagnostics);
    if (ctx.nodeIP === null) {
      diagnostics.push(
        diagnostic(
          KubeProxyCode.NoNodeIP,
          'warning',
          `Node ${ctx.nodeName} has no ${family} InternalIP; kube-proxy falls back to no node IP`,
          { object: `Node ${ctx.nodeName}`, field: 'status.addresses' },
        ),
      );
    }
    const ports = this.servicePortStates(cluster, family, profile).sort(byName);
    let totalEndpoints = 0;
    for (const p of ports) totalEndpoints += p.endpoints.length;
    const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
    const blockKey = `${ctx.key}|${largeClusterMode}`;
    const blocks = ports.map((p) => this.block(p, ctx, largeClusterMode, blockKey));
    // Nothing changed (the same blocks in the same order, the same node context): the last
    // result stands, and the large texts need not be joined again.
    const last = this.last;
    if (last && last.key === blockKey && sameBlocks(last.blocks, blocks)) {
      return ok({ ...last.rules, diagnostics }, diagnostics);
    }
    const rules = assemble(ctx, blocks, largeClusterMode, diagnostics);
    this.last = { key: blockKey, blocks, rules };
    return ok(rules, diagnostics);
  }

  private servicePortStates(cluster: Cluster, family: Family, profile: ProxyProfile): PortState[] {
    const slicesByService = new Map<string, EndpointSlice[]>();
    for (const slice of cluster.endpointSlices) {
      const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
      if (svc === undefined) continue;
      const key = `${slice.metadata.namespace ?? 'default'}/${svc}`;
      const list = slicesByService.get(key);
      if (list) list.push(slice);
      else slicesByService.set(key, [slice]);
    }
    const key = `${family}|${profile.label}`;
    const previous = this.services;
    this.services = new Map();
    const out: PortState[] = [];
    for (const svc of cluster.services) {
      const name = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
      const slices = slicesByService.get(name) ?? [];
      let entry = previous.get(name);
      const same =
        entry !== undefined &&
        entry.key === key &&
        ((entry.service === svc && sameSlices(entry.slices, slices)) ||
          entry.content === contentOf(svc, slices));
      if (!entry || !same) {
        const endpoints = collectEndpoints(slices, family);
        entry = {
          service: svc,
          slices,
          key,
          content: contentOf(svc, slices),
          ports: servicePorts(svc, family, profile).map((info) => ({
            info,
            endpoints: endpoints.get(portKey(info.portName, info.apiProtocol)) ?? [],
          })),
        };
      } else if (entry.service !== svc || !sameSlices(entry.slices, slices)) {
        // Same content in new objects: keep the compiled ports, remember the new identities.
        entry = { ...entry, service: svc, slices };
      }
      this.services.set(name, entry);
      for (const p of entry.ports) out.push(p);
    }
    return out;
  }

  private block(
    p: PortState,
    ctx: NodeContext,
    largeClusterMode: boolean,
    key: string,
  ): ServicePortBlock {
    const cached = this.blocks.get(p);
    if (cached && cached.key === key) return cached.block;
    const block = compileServicePort(p.info, p.endpoints, ctx, largeClusterMode);
    this.blocks.set(p, { key, block });
    return block;
  }
}

function assemble(
  ctx: NodeContext,
  blocks: readonly ServicePortBlock[],
  largeClusterMode: boolean,
  diagnostics: readonly Diagnostic[],
): KubeProxyRules {
  const filterChains = new ChainWriter();
  for (const name of FILTER_CHAINS) filterChains.write(name);
  const natChains = new ChainWriter();
  for (const name of NAT_CHAINS) natChains.write(name);
  const filterHead = new RuleWriter('filter');
  const natHead = new RuleWriter('nat');
  fixedNatRules(natHead, ctx);
  if (fixedFilterRules.kubeFirewall(filterHead, ctx)) {
    filterChains.write('KUBE-FIREWALL');
  }
  const filterTail = new RuleWriter('filter');
  fixedFilterRules.forward(filterTail, ctx);
  const natTail = new RuleWriter('nat');
  nodePortsTailRules(natTail, ctx);

  const filterRules: Rule[] = [...filterHead.rules];
  const natChainList: Chain[] = [...natChains.chains];
  const natRules: Rule[] = [...natHead.rules];
  let filterText = filterHead.text();
  let natChainText = '';
  let natText = natHead.text();
  const filterParts: string[] = [];
  const natChainParts: string[] = [];
  const natParts: string[] = [];
  for (const b of blocks) {
    for (const r of b.filterRules.rules) filterRules.push(r);
    for (const c of b.natChains.chains) natChainList.push(c);
    for (const r of b.natRules.rules) natRules.push(r);
    filterParts.push(b.filterRules.text());
    natChainParts.push(b.natChains.text());
    natParts.push(b.natRules.text());
  }
  for (const r of filterTail.rules) filterRules.push(r);
  for (const r of natTail.rules) natRules.push(r);
  filterText += filterParts.join('') + filterTail.text();
  natChainText = natChainParts.join('');
  natText += natParts.join('') + natTail.text();

  const restoreText =
    `*filter\n${filterChains.text()}${filterText}COMMIT\n` +
    `*nat\n${natChains.text()}${natChainText}${natText}COMMIT\n`;
  return {
    node: ctx.nodeName,
    profile: ctx.profile,
    family: ctx.family,
    ruleset: {
      tables: [
        { name: 'filter', chains: filterChains.chains, rules: filterRules },
        { name: 'nat', chains: natChainList, rules: natRules },
      ],
    },
    restoreText,
    largeClusterMode,
    localhostNodePorts: ctx.localhostNodePorts,
    diagnostics,
  };
}

/** One-shot compilation (a fresh compiler; use KubeProxyCompiler to reuse unchanged blocks). */
export function compileKubeProxy(
  cluster: Cluster,
  options: KubeProxyCompileOptions = {},
): Result<KubeProxyRules> {
  return new KubeProxyCompiler().compile(cluster, options);
}
