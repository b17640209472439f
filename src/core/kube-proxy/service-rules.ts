import { kubeProxyProbability as probabilityFor } from '../iptables/probability.ts';
import { hostPort } from '../iptables/restore.ts';
import type { Match, Provenance, SourceRef, Target } from '../iptables/types.ts';
import { endpointChainName } from './chain-names.ts';
import { cidrContains } from './cidr.ts';
import type { EndpointInfo } from './endpoints.ts';
import type { NodeContext } from './node-context.ts';
import { ChainWriter, RuleWriter } from './rule-writer.ts';
import type { ServicePortInfo } from './service-port.ts';
import { categorizeEndpoints, usesClusterEndpoints, usesLocalEndpoints } from './topology.ts';

/**
 * The rules of one service port on one node, in kube-proxy's write order
 * (pkg/proxy/iptables/proxier.go, the body of syncProxyRules' loop over svcPortMap):
 * filter rules (REJECT/DROP, firewall, health check), nat chain lines (EXT, FW, SVC, SVL, SEP...)
 * and nat rules. Each block depends only on the port, its endpoints and the node context, so a
 * compiler may reuse it when none of those changed (kube-proxy's partial sync does the same).
 */
export interface ServicePortBlock {
  readonly info: ServicePortInfo;
  readonly filterRules: RuleWriter;
  readonly natChains: ChainWriter;
  readonly natRules: RuleWriter;
}

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';

const comment = (text: string): Match => ({ kind: 'comment', text });
const jump = (chain: string): Target => ({ kind: 'jump', chain });

function because(sources: SourceRef[], sentence: string): Provenance {
  return { sources, sentence };
}

/**
 * `-m tcp -p tcp` as kube-proxy writes it (module first, then the protocol). Match objects are
 * immutable, so rules share them: one pair per protocol for the whole ruleset.
 */
const PROTO: Readonly<Record<ServicePortInfo['protocol'], readonly Match[]>> = {
  tcp: [
    { kind: 'module', protocol: 'tcp' },
    { kind: 'protocol', protocol: 'tcp', negated: false },
  ],
  udp: [
    { kind: 'module', protocol: 'udp' },
    { kind: 'protocol', protocol: 'udp', negated: false },
  ],
  sctp: [
    { kind: 'module', protocol: 'sctp' },
    { kind: 'protocol', protocol: 'sctp', negated: false },
  ],
};
function proto(info: ServicePortInfo): readonly Match[] {
  return PROTO[info.protocol];
}

function dport(info: ServicePortInfo, port: number): Match {
  return { kind: 'dport', protocol: info.protocol, port, negated: false };
}

function dest(cidr: string): Match {
  return { kind: 'dest', cidr, negated: false };
}

export function compileServicePort(
  info: ServicePortInfo,
  endpoints: readonly EndpointInfo[],
  ctx: NodeContext,
  largeClusterMode: boolean,
): ServicePortBlock {
  const filterRules = new RuleWriter('filter');
  const natChains = new ChainWriter();
  const natRules = new RuleWriter('nat');
  const block = { info, filterRules, natChains, natRules };
  const spn = info.nameString;
  const svcObject = info.object;
  const portField = `spec.ports[${info.portIndex}]`;
  const portRef: SourceRef = { object: svcObject, field: portField };
  const ipRef: SourceRef = { object: svcObject, field: info.clusterIP.field };
  const proto3 = `${info.port}/${info.apiProtocol}`;
  const { chains } = info;
  const spnComment = comment(spn);

  const cat = categorizeEndpoints(endpoints, info, ctx, ctx.profile);
  const { cluster: clusterEndpoints, local: localEndpoints, hasAnyEndpoints } = cat;
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && usesClusterEndpoints(info);
  const usesLocalPolicyChain = localEndpoints.length > 0 && usesLocalEndpoints(info);

  const internalPolicyChain = info.internalPolicyLocal ? chains.local : chains.cluster;
  const hasInternalEndpoints =
    hasAnyEndpoints && !(info.internalPolicyLocal && localEndpoints.length === 0);
  const externalPolicyChain = info.externalPolicyLocal ? chains.local : chains.cluster;
  const hasExternalEndpoints =
    hasAnyEndpoints && !(info.externalPolicyLocal && localEndpoints.length === 0);
  const usesExternalTrafficChain = hasAnyEndpoints && info.externallyAccessible;
  const usesFWChain =
    hasAnyEndpoints && info.loadBalancerIPs.length > 0 && info.sourceRanges.length > 0;
  const loadBalancerTrafficChain = usesFWChain ? chains.firewall : chains.external;

  let internalFilter: { target: Target; comment: string; why: string } | null = null;
  let externalFilter: { target: Target; comment: string; why: string } | null = null;
  if (!hasAnyEndpoints) {
    const c = `${spn} has no endpoints`;
    const why = `${spn} has no usable endpoints, so connections are refused at once (REJECT)`;
    internalFilter = { target: { kind: 'REJECT' }, comment: c, why };
    externalFilter = internalFilter;
  } else {
    const c = `${spn} has no local endpoints`;
    if (!hasInternalEndpoints) {
      internalFilter = {
        target: { kind: 'DROP' },
        comment: c,
        why: `internalTrafficPolicy is Local and ${ctx.nodeName} runs no endpoint of ${spn}, so cluster-IP packets are dropped (clients time out)`,
      };
    }
    if (!hasExternalEndpoints) {
      externalFilter = {
        target: { kind: 'DROP' },
        comment: c,
        why: `externalTrafficPolicy is Local and ${ctx.nodeName} runs no endpoint of ${spn}, so external packets are dropped (the load balancer's health check fails here)`,
      };
    }
  }

  // 1. The cluster IP.
  const clusterIPMatches = [
    comment(`${spn} cluster IP`),
    ...proto(info),
    dest(info.clusterIP.value),
    dport(info, info.port),
  ];
  if (hasInternalEndpoints) {
    natRules.write(
      KUBE_SERVICES,
      clusterIPMatches,
      jump(internalPolicyChain),
      because(
        [ipRef, portRef],
        `Packets to cluster IP ${info.clusterIP.value}:${proto3} of ${spn} go to ${internalPolicyChain}, which picks an endpoint.`,
      ),
    );
  } else if (internalFilter) {
    filterRules.write(
      KUBE_SERVICES,
      [
        comment(internalFilter.comment),
        ...proto(info),
        dest(info.clusterIP.value),
        dport(info, info.port),
      ],
      internalFilter.target,
      because([ipRef, portRef], `${capitalise(internalFilter.why)}.`),
    );
  }

  // 2. External IPs.
  for (const ext of info.externalIPs) {
    const ref: SourceRef = { object: svcObject, field: ext.field };
    if (hasAnyEndpoints) {
      natRules.write(
        KUBE_SERVICES,
        [comment(`${spn} external IP`), ...proto(info), dest(ext.value), dport(info, info.port)],
        jump(chains.external),
        because(
          [ref, portRef],
          `Packets to external IP ${ext.value}:${proto3} of ${spn} are external traffic: they go to ${chains.external}.`,
        ),
      );
    }
    if (!hasExternalEndpoints && externalFilter) {
      filterRules.write(
        KUBE_EXTERNAL_SERVICES,
        [comment(externalFilter.comment), ...proto(info), dest(ext.value), dport(info, info.port)],
        externalFilter.target,
        because([ref, portRef], `${capitalise(externalFilter.why)} (external IP ${ext.value}).`),
      );
    }
  }

  // 3. Load-balancer ingress IPs.
  for (const lb of info.loadBalancerIPs) {
    const ref: SourceRef = { object: svcObject, field: lb.field };
    if (hasAnyEndpoints) {
      natRules.write(
        KUBE_SERVICES,
        [comment(`${spn} loadbalancer IP`), ...proto(info), dest(lb.value), dport(info, info.port)],
        jump(loadBalancerTrafficChain),
        because(
          [ref, portRef],
          usesFWChain
            ? `Packets to load-balancer IP ${lb.value}:${proto3} of ${spn} first pass the source-range firewall ${chains.firewall}.`
            : `Packets to load-balancer IP ${lb.value}:${proto3} of ${spn} are external traffic: they go to ${chains.external}.`,
        ),
      );
    }
    if (usesFWChain) {
      filterRules.write(
        KUBE_PROXY_FIREWALL,
        [
          comment(`${spn} traffic not accepted by ${chains.firewall}`),
          ...proto(info),
          dest(lb.value),
          dport(info, info.port),
        ],
        { kind: 'DROP' },
        because(
          [{ object: svcObject, field: 'spec.loadBalancerSourceRanges' }, ref],
          `Packets to ${lb.value}:${proto3} that ${chains.firewall} did not DNAT come from outside loadBalancerSourceRanges: dropped.`,
        ),
      );
    }
  }
  if (!hasExternalEndpoints && externalFilter) {
    for (const lb of info.loadBalancerIPs) {
      filterRules.write(
        KUBE_EXTERNAL_SERVICES,
        [comment(externalFilter.comment), ...proto(info), dest(lb.value), dport(info, info.port)],
        externalFilter.target,
        because(
          [{ object: svcObject, field: lb.field }, portRef],
          `${capitalise(externalFilter.why)} (load-balancer IP ${lb.value}).`,
        ),
      );
    }
  }

  // 4. The node port.
  const npRef: SourceRef = { object: svcObject, field: `${portField}.nodePort` };
  if (info.nodePort !== 0 && ctx.writeNodePorts) {
    if (hasAnyEndpoints) {
      natRules.write(
        KUBE_NODEPORTS,
        [comment(spn), ...proto(info), dport(info, info.nodePort)],
        jump(chains.external),
        because(
          [npRef],
          `Packets to node port ${info.nodePort}/${info.apiProtocol} on this node's addresses are external traffic for ${spn}: they go to ${chains.external}.`,
        ),
      );
    }
    if (!hasExternalEndpoints && externalFilter) {
      filterRules.write(
        KUBE_EXTERNAL_SERVICES,
        [
          comment(externalFilter.comment),
          { kind: 'addrtype', dstType: 'LOCAL', negated: false },
          ...proto(info),
          dport(info, info.nodePort),
        ],
        externalFilter.target,
        because([npRef], `${capitalise(externalFilter.why)} (node port ${info.nodePort}).`),
      );
    }
  }

  // 5. The health-check node port: accepted on every node, with or without local endpoints.
  if (info.healthCheckNodePort !== 0) {
    filterRules.write(
      KUBE_NODEPORTS,
      [
        comment(`${spn} health check node port`),
        { kind: 'module', protocol: 'tcp' },
        { kind: 'protocol', protocol: 'tcp', negated: false },
        { kind: 'dport', protocol: 'tcp', port: info.healthCheckNodePort, negated: false },
      ],
      { kind: 'ACCEPT' },
      because(
        [{ object: svcObject, field: 'spec.healthCheckNodePort' }],
        `Lets the load balancer reach kube-proxy's health check for ${spn} on port ${info.healthCheckNodePort}/TCP (200 with local endpoints, 503 without).`,
      ),
    );
  }

  // 6. Masquerade at the top of the internal policy chain.
  if (hasInternalEndpoints) {
    if (ctx.masqueradeAll) {
      natRules.write(
        internalPolicyChain,
        clusterIPMatches,
        jump(KUBE_MARK_MASQ),
        because(
          [{ object: 'KubeProxyConfiguration', field: 'iptables.masqueradeAll' }, ipRef],
          `masqueradeAll: every packet to cluster IP ${info.clusterIP.value}:${proto3} is marked for SNAT to the node's address.`,
        ),
      );
    } else if (ctx.ifNotLocal) {
      natRules.write(
        internalPolicyChain,
        [...clusterIPMatches, ...ctx.ifNotLocal],
        jump(KUBE_MARK_MASQ),
        because(
          [{ object: 'KubeProxyConfiguration', field: 'clusterCIDR' }, ipRef],
          `Packets to cluster IP ${info.clusterIP.value}:${proto3} from outside the pod network ${ctx.localCidr} are marked for SNAT, so replies come back through this node.`,
        ),
      );
    }
  }

  // 7. The external chain.
  if (usesExternalTrafficChain) {
    natChains.write(chains.external);
    const extRef: SourceRef = {
      object: svcObject,
      field: info.externalPolicyLocal ? 'spec.externalTrafficPolicy' : portField,
    };
    if (!info.externalPolicyLocal) {
      natRules.write(
        chains.external,
        [comment(`masquerade traffic for ${spn} external destinations`)],
        jump(KUBE_MARK_MASQ),
        because(
          [extRef],
          `externalTrafficPolicy Cluster: external traffic to ${spn} is marked for SNAT, because its endpoint may be on another node.`,
        ),
      );
    } else {
      if (ctx.ifLocal) {
        natRules.write(
          chains.external,
          [comment(`pod traffic for ${spn} external destinations`), ...ctx.ifLocal],
          jump(chains.cluster),
          because(
            [extRef],
            `Pods (${ctx.localCidr}) reaching ${spn} by an external address skip externalTrafficPolicy Local: they use all endpoints (${chains.cluster}).`,
          ),
        );
      }
      natRules.write(
        chains.external,
        [
          comment(`masquerade LOCAL traffic for ${spn} external destinations`),
          { kind: 'addrtype', srcType: 'LOCAL', negated: false },
        ],
        jump(KUBE_MARK_MASQ),
        because(
          [extRef],
          `Traffic from this node itself to ${spn}'s external addresses is marked for SNAT.`,
        ),
      );
      natRules.write(
        chains.external,
        [
          comment(`route LOCAL traffic for ${spn} external destinations`),
          { kind: 'addrtype', srcType: 'LOCAL', negated: false },
        ],
        jump(chains.cluster),
        because(
          [extRef],
          `Traffic from this node itself to ${spn}'s external addresses uses all endpoints (${chains.cluster}).`,
        ),
      );
    }
    if (hasExternalEndpoints) {
      natRules.write(
        chains.external,
        [],
        jump(externalPolicyChain),
        because(
          [extRef],
          info.externalPolicyLocal
            ? `Other external traffic goes only to endpoints on ${ctx.nodeName} (${externalPolicyChain}), keeping the client's source IP.`
            : `External traffic then picks any endpoint of ${spn} (${externalPolicyChain}).`,
        ),
      );
    }
  }

  // 8. The load-balancer source-range firewall.
  if (usesFWChain) {
    natChains.write(chains.firewall);
    let allowFromNode = false;
    for (const range of info.sourceRanges) {
      natRules.write(
        chains.firewall,
        [comment(`${spn} loadbalancer IP`), { kind: 'source', cidr: range.value, negated: false }],
        jump(chains.external),
        because(
          [{ object: svcObject, field: range.field }],
          `Clients in loadBalancerSourceRanges ${range.value} may reach ${spn}'s load-balancer IP.`,
        ),
      );
      if (ctx.nodeIP !== null && cidrContains(range.value, ctx.nodeIP)) allowFromNode = true;
    }
    if (allowFromNode) {
      for (const lb of info.loadBalancerIPs) {
        natRules.write(
          chains.firewall,
          [comment(`${spn} loadbalancer IP`), { kind: 'source', cidr: lb.value, negated: false }],
          jump(chains.external),
          because(
            [{ object: svcObject, field: lb.field }],
            `A source range contains the node IP ${ctx.nodeIP}, so packets this node sends to the load-balancer IP (source ${lb.value}) are allowed too.`,
          ),
        );
      }
    }
    if (ctx.profile.firewallCounterRule) {
      natRules.write(
        chains.firewall,
        [comment(`other traffic to ${spn} will be dropped by KUBE-PROXY-FIREWALL`)],
        { kind: 'none' },
        because(
          [{ object: svcObject, field: 'spec.loadBalancerSourceRanges' }],
          `Counts packets from outside loadBalancerSourceRanges; KUBE-PROXY-FIREWALL drops them.`,
        ),
      );
    }
  }

  // 9. Policy chains and endpoint chains.
  if (usesClusterPolicyChain) {
    natChains.write(chains.cluster);
    writeServiceToEndpointRules(block, chains.cluster, clusterEndpoints, largeClusterMode);
  }
  if (usesLocalPolicyChain) {
    natChains.write(chains.local);
    writeServiceToEndpointRules(block, chains.local, localEndpoints, largeClusterMode);
  }
  for (const ep of cat.reachable) {
    const sep = endpointChainName(spn, info.protocol, ep.endpoint);
    natChains.write(sep);
    const base: Match[] = largeClusterMode ? [] : [spnComment];
    natRules.write(
      sep,
      [...base, { kind: 'source', cidr: ep.ip, negated: false }],
      jump(KUBE_MARK_MASQ),
      because(
        [ep.source, portRef],
        `Hairpin: when endpoint ${ep.endpoint} reaches ${spn} and is picked itself, the packet is marked for SNAT so the reply returns through the node.`,
      ),
    );
    const dnat: Match[] = [...base];
    if (info.affinityTimeout !== null) {
      dnat.push({ kind: 'recent', name: sep, action: 'set', reap: false });
    }
    dnat.push(...proto(info));
    natRules.write(
      sep,
      dnat,
      { kind: 'DNAT', ip: ep.ip, port: ep.port },
      because(
        [ep.source, portRef],
        `DNAT to endpoint ${hostPort(ep.ip, ep.port)} of ${spn}${info.affinityTimeout !== null ? ', remembering the client for session affinity' : ''}.`,
      ),
    );
  }
  return block;
}

function writeServiceToEndpointRules(
  block: ServicePortBlock,
  chain: string,
  endpoints: readonly EndpointInfo[],
  largeClusterMode: boolean,
): void {
  const { info, natRules } = block;
  const spn = info.nameString;
  const epChain = (ep: EndpointInfo) => endpointChainName(spn, info.protocol, ep.endpoint);
  const portRef: SourceRef = { object: info.object, field: `spec.ports[${info.portIndex}]` };
  if (info.affinityTimeout !== null) {
    for (const ep of endpoints) {
      const sep = epChain(ep);
      const matches: Match[] = largeClusterMode ? [] : [comment(`${spn} -> ${ep.endpoint}`)];
      matches.push({
        kind: 'recent',
        name: sep,
        action: 'rcheck',
        seconds: info.affinityTimeout,
        reap: true,
      });
      natRules.write(
        chain,
        matches,
        jump(sep),
        because(
          [{ object: info.object, field: 'spec.sessionAffinity' }, ep.source],
          `Session affinity: a client that reached ${ep.endpoint} in the last ${info.affinityTimeout} s goes there again.`,
        ),
      );
    }
  }
  const n = endpoints.length;
  for (const [i, ep] of endpoints.entries()) {
    const matches: Match[] = largeClusterMode ? [] : [comment(`${spn} -> ${ep.endpoint}`)];
    if (i < n - 1) {
      matches.push({ kind: 'statistic', mode: 'random', probability: probabilityFor(n - i) });
    }
    natRules.write(
      chain,
      matches,
      jump(epChain(ep)),
      because(
        [ep.source, portRef],
        i < n - 1
          ? `Picks endpoint ${ep.endpoint} with probability 1/${n - i} of the ${n - i} endpoints not yet passed over (1/${n} overall).`
          : n === 1
            ? `The only endpoint, ${ep.endpoint}, gets every packet.`
            : `The last endpoint, ${ep.endpoint}, gets what the rules above passed over (1/${n} overall).`,
      ),
    );
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
