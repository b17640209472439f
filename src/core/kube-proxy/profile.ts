/**
 * Version profiles: what differs in kube-proxy's iptables output between 1.26 and newer releases
 * (reference kube-proxy-iptables.md §6). The ClusterConfiguration's kubernetesVersion picks one;
 * versions before 1.26 print as 1.26 (the oldest modelled), versions after the newest as the newest.
 */

/** The newest Kubernetes minor version whose kube-proxy output is modelled. */
export const NEWEST_MODELLED_MINOR = 34;
export const OLDEST_MODELLED_MINOR = 26;

export interface ProxyProfile {
  /** `v1.26`, `v1.34`, ...: the minor version the rules are written as. */
  readonly label: string;
  readonly minor: number;
  /** 1.27+: kube-proxy writes its own KUBE-FIREWALL chain (localnet guard) and jumps to it. */
  readonly kubeFirewallChain: boolean;
  /** 1.27+: each KUBE-FW chain ends with the "other traffic ... will be dropped" counter rule. */
  readonly firewallCounterRule: boolean;
  /** 1.30+: external IPs, LB IPs and source ranges are parsed and re-printed (CIDR host bits cleared). */
  readonly normalisedAddresses: boolean;
  /** 1.30+ (LoadBalancerIPMode on by default): ingress IPs with `ipMode: Proxy` get no rules. */
  readonly ipModeProxy: boolean;
  /** 1.29+: nodePortAddresses accepts the keyword `primary` (the node's primary IPs). */
  readonly nodePortAddressPrimary: boolean;
  /** 1.29+: KUBE-NODEPORTS rules are written even when no local address matches nodePortAddresses. */
  readonly nodePortsWithoutAddresses: boolean;
  /**
   * How kube-proxy decides to use topology hints (pkg/proxy/topology.go):
   *  - `annotation` (1.26): the service.kubernetes.io/topology-aware-hints annotation must be Auto;
   *  - `annotation-or-distribution` (1.27–1.30): topology-mode (or the old annotation) Auto,
   *    or spec.trafficDistribution set (1.30);
   *  - `hints` (1.31+): hints are used whenever every ready endpoint has them.
   */
  readonly topology: 'annotation' | 'annotation-or-distribution' | 'hints';
  /** 1.34+ (PreferSameTrafficDistribution beta): node hints (PreferSameNode) are honoured. */
  readonly nodeHints: boolean;
  /** 1.26 (IPTablesOwnershipCleanup off): kube-proxy still ensures the nat KUBE-MARK-DROP chain. */
  readonly ensuresKubeMarkDrop: boolean;
}

/** Parses `v1.26.3` / `1.26` into the minor number, or null. */
export function kubernetesMinor(version: string): number | null {
  const m = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
  return m ? Number(m[1]) : null;
}

export function proxyProfile(kubernetesVersion: string | undefined): ProxyProfile {
  const given = kubernetesVersion === undefined ? null : kubernetesMinor(kubernetesVersion);
  const minor = Math.min(
    NEWEST_MODELLED_MINOR,
    Math.max(OLDEST_MODELLED_MINOR, given ?? NEWEST_MODELLED_MINOR),
  );
  return {
    label: `v1.${minor}`,
    minor,
    kubeFirewallChain: minor >= 27,
    firewallCounterRule: minor >= 27,
    normalisedAddresses: minor >= 30,
    ipModeProxy: minor >= 30,
    nodePortAddressPrimary: minor >= 29,
    nodePortsWithoutAddresses: minor >= 29,
    topology: minor <= 26 ? 'annotation' : minor <= 30 ? 'annotation-or-distribution' : 'hints',
    nodeHints: minor >= 34,
    ensuresKubeMarkDrop: minor <= 26,
  };
}
