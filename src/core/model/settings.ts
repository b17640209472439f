/**
 * Cluster-wide settings: what kubeadm and kube-proxy use when the scenario says nothing.
 *
 * kubeadm (cmd/kubeadm/app/apis/kubeadm/v1beta3|4/defaults.go, constants.go): service subnet
 * 10.96.0.0/12, DNS domain cluster.local, the DNS Service at the 10th address of the service
 * subnet (GetDNSIP), `kubernetes` at the first. The pod subnet is the flannel convention
 * 10.244.0.0/16 (`kubeadm init --pod-network-cidr`), and kubeadm hands it to kube-proxy as
 * clusterCIDR when the KubeProxyConfiguration does not set one.
 *
 * kube-proxy's own defaults (pkg/proxy/apis/config/v1alpha1/defaults.go): mode "" means iptables on
 * Linux, masqueradeBit 14, masqueradeAll false, localhostNodePorts true, syncPeriod 30s,
 * minSyncPeriod 1s.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import { ModelCode } from './codes.ts';
import { type Cidr, formatCidr, nthAddress, parseCidr } from './ip.ts';
import type { ClusterConfiguration, KubeProxyConfiguration } from './types.ts';

/** The newest Kubernetes version the project models; used when the scenario names none. */
export const NEWEST_KUBERNETES_VERSION = 'v1.34.0';

export const DEFAULT_SERVICE_SUBNET = '10.96.0.0/12';
export const DEFAULT_POD_SUBNET = '10.244.0.0/16';
export const DEFAULT_DNS_DOMAIN = 'cluster.local';
/** kube-apiserver --service-node-port-range default. */
export const NODE_PORT_RANGE = { first: 30000, last: 32767 } as const;

export interface Settings {
  readonly kubernetesVersion: string;
  readonly serviceSubnet: string;
  readonly serviceCidrs: readonly Cidr[];
  readonly podSubnet: string;
  readonly podCidrs: readonly Cidr[];
  readonly dnsDomain: string;
  readonly clusterDNS: string;
  /** The `kubernetes` Service's address: the first usable address of the service subnet. */
  readonly apiServerServiceIP: string;
  readonly proxy: KubeProxyConfiguration;
  readonly clusterConfiguration: ClusterConfiguration;
}

function parseSubnets(
  text: string,
  field: string,
  fallback: string,
  diagnostics: Diagnostic[],
): { text: string; cidrs: Cidr[] } {
  const cidrs = text.split(',').map((s) => parseCidr(s.trim()));
  if (cidrs.length === 0 || cidrs.length > 2 || cidrs.some((c) => c === null)) {
    diagnostics.push(
      diagnostic(
        ModelCode.badConfiguration,
        'error',
        `${field}: Invalid value: "${text}": must be a valid CIDR (or an IPv4 and an IPv6 CIDR separated by a comma); using ${fallback}`,
        { field, object: 'ClusterConfiguration' },
      ),
    );
    const c = parseCidr(fallback);
    return { text: fallback, cidrs: c ? [c] : [] };
  }
  const ok = cidrs.filter((c): c is Cidr => c !== null);
  return { text: ok.map(formatCidr).join(','), cidrs: ok };
}

/** Kubernetes versions are written `v1.26.0` (kubeadm also accepts `1.26.0`). */
export function normalizeVersion(v: string): string | null {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?$/.exec(v.trim());
  if (!m) return null;
  return `v${m[1]}.${m[2]}.${m[3] ?? '0'}`;
}

/** The minor version (26 for v1.26.3), for version-dependent behaviour. */
export function minorVersion(version: string): number {
  const m = /^v?1\.(\d+)/.exec(version);
  return m ? Number(m[1]) : 34;
}

export function resolveSettings(
  config: ClusterConfiguration | undefined,
  proxyConfig: KubeProxyConfiguration | undefined,
  options: { readonly kubernetesVersion?: string },
  diagnostics: Diagnostic[],
): Settings {
  const givenVersion = options.kubernetesVersion ?? config?.kubernetesVersion;
  let kubernetesVersion = NEWEST_KUBERNETES_VERSION;
  if (givenVersion !== undefined) {
    const v = normalizeVersion(givenVersion);
    if (v) kubernetesVersion = v;
    else
      diagnostics.push(
        diagnostic(
          ModelCode.badConfiguration,
          'warning',
          `kubernetesVersion: Invalid value: "${givenVersion}": not a Kubernetes version; using ${NEWEST_KUBERNETES_VERSION}`,
          { field: 'kubernetesVersion', object: 'ClusterConfiguration' },
        ),
      );
  }
  const net = config?.networking ?? {};
  const service = parseSubnets(
    net.serviceSubnet ?? DEFAULT_SERVICE_SUBNET,
    'networking.serviceSubnet',
    DEFAULT_SERVICE_SUBNET,
    diagnostics,
  );
  const podText = net.podSubnet ?? proxyConfig?.clusterCIDR ?? DEFAULT_POD_SUBNET;
  const pod = parseSubnets(podText, 'networking.podSubnet', DEFAULT_POD_SUBNET, diagnostics);
  const dnsDomain = net.dnsDomain ?? DEFAULT_DNS_DOMAIN;
  const primary = service.cidrs[0];
  const clusterDNS = primary ? nthAddress(primary, 10n) : '10.96.0.10';
  const apiServerServiceIP = primary ? nthAddress(primary, 1n) : '10.96.0.1';

  const clusterConfiguration: ClusterConfiguration = {
    ...(config ?? {}),
    apiVersion: config?.apiVersion ?? 'kubeadm.k8s.io/v1beta4',
    kind: 'ClusterConfiguration',
    kubernetesVersion,
    networking: {
      ...net,
      serviceSubnet: service.text,
      podSubnet: pod.text,
      dnsDomain,
    },
  };
  const given: KubeProxyConfiguration = proxyConfig ?? {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
  };
  const mode = given.mode === undefined || given.mode === '' ? 'iptables' : given.mode;
  if (mode !== 'iptables') {
    diagnostics.push(
      diagnostic(
        ModelCode.badConfiguration,
        'warning',
        `KubeProxyConfiguration mode "${mode}": the simulator models the iptables proxier only; rules are shown as iptables mode would write them`,
        { field: 'mode', object: 'KubeProxyConfiguration' },
      ),
    );
  }
  const proxy: KubeProxyConfiguration = {
    ...given,
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    mode,
    clusterCIDR: given.clusterCIDR ?? pod.text,
    nodePortAddresses: given.nodePortAddresses ?? [],
    iptables: {
      ...given.iptables,
      masqueradeAll: given.iptables?.masqueradeAll ?? false,
      masqueradeBit: given.iptables?.masqueradeBit ?? 14,
      localhostNodePorts: given.iptables?.localhostNodePorts ?? true,
      minSyncPeriod: given.iptables?.minSyncPeriod ?? '1s',
      syncPeriod: given.iptables?.syncPeriod ?? '30s',
    },
  };
  return {
    kubernetesVersion,
    serviceSubnet: service.text,
    serviceCidrs: service.cidrs,
    podSubnet: pod.text,
    podCidrs: pod.cidrs,
    dnsDomain,
    clusterDNS,
    apiServerServiceIP,
    proxy,
    clusterConfiguration,
  };
}
