/**
 * Kubernetes objects as the API serves them (the subset the simulator reads), and the Cluster: the
 * state after "kubectl apply" — defaulted, validated, allocated, with EndpointSlices derived.
 *
 * Field names follow the API exactly so that YAML in and YAML out need no mapping.
 * NOTE (compatibility): these shapes are what scenario files and share links hold.
 */

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export type TrafficPolicy = 'Cluster' | 'Local';
export type IPFamily = 'IPv4' | 'IPv6';
export type IPFamilyPolicy = 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<Record<string, unknown>>;
}

export interface TypeMeta {
  apiVersion: string;
  kind: string;
}

// ---- Node ----------------------------------------------------------------------------------

export interface NodeAddress {
  type: 'InternalIP' | 'ExternalIP' | 'Hostname' | 'InternalDNS' | 'ExternalDNS';
  address: string;
}

export interface Node extends TypeMeta {
  kind: 'Node';
  metadata: ObjectMeta;
  spec?: { podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean };
  status?: {
    addresses?: NodeAddress[];
    conditions?: Array<{ type: string; status: string }>;
    nodeInfo?: Record<string, string>;
  };
}

// ---- Pod -----------------------------------------------------------------------------------

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: Protocol;
  hostPort?: number;
}

export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  [extra: string]: unknown;
}

export interface PodDNSConfig {
  nameservers?: string[];
  searches?: string[];
  options?: Array<{ name: string; value?: string }>;
}

export type DNSPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string | null;
  lastProbeTime?: string | null;
}

export interface Pod extends TypeMeta {
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: {
    nodeName?: string;
    containers: Container[];
    hostname?: string;
    subdomain?: string;
    hostNetwork?: boolean;
    dnsPolicy?: DNSPolicy;
    dnsConfig?: PodDNSConfig;
    setHostnameAsFQDN?: boolean;
    [extra: string]: unknown;
  };
  status?: {
    phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
    conditions?: PodCondition[];
    podIP?: string;
    podIPs?: Array<{ ip: string }>;
    hostIP?: string;
    hostIPs?: Array<{ ip: string }>;
    startTime?: string;
    containerStatuses?: Array<Record<string, unknown>>;
    [extra: string]: unknown;
  };
}

// ---- Service -------------------------------------------------------------------------------

export interface ServicePort {
  name?: string;
  protocol?: Protocol;
  appProtocol?: string;
  port: number;
  /** A number, or the name of a container port. */
  targetPort?: number | string;
  nodePort?: number;
}

export interface SessionAffinityConfig {
  clientIP?: { timeoutSeconds?: number };
}

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ipMode?: 'VIP' | 'Proxy';
  ports?: Array<{ port: number; protocol: Protocol; error?: string }>;
}

export interface Service extends TypeMeta {
  kind: 'Service';
  metadata: ObjectMeta;
  spec: {
    type?: ServiceType;
    selector?: Record<string, string>;
    ports?: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    ipFamilies?: IPFamily[];
    ipFamilyPolicy?: IPFamilyPolicy;
    externalIPs?: string[];
    externalName?: string;
    loadBalancerIP?: string;
    loadBalancerSourceRanges?: string[];
    loadBalancerClass?: string;
    allocateLoadBalancerNodePorts?: boolean;
    externalTrafficPolicy?: TrafficPolicy;
    internalTrafficPolicy?: TrafficPolicy;
    healthCheckNodePort?: number;
    sessionAffinity?: 'None' | 'ClientIP';
    sessionAffinityConfig?: SessionAffinityConfig;
    publishNotReadyAddresses?: boolean;
    trafficDistribution?: string;
  };
  status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] } };
}

// ---- EndpointSlice -------------------------------------------------------------------------

export interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  hostname?: string;
  nodeName?: string;
  zone?: string;
  hints?: { forZones?: Array<{ name: string }>; forNodes?: Array<{ name: string }> };
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
}

export interface EndpointPort {
  name?: string;
  port?: number;
  protocol?: Protocol;
  appProtocol?: string;
}

export interface EndpointSlice extends TypeMeta {
  kind: 'EndpointSlice';
  metadata: ObjectMeta;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: Endpoint[];
  ports?: EndpointPort[] | null;
}

// ---- Configuration objects -------------------------------------------------------------------

export interface KubeProxyConfiguration extends TypeMeta {
  kind: 'KubeProxyConfiguration';
  mode?: string;
  clusterCIDR?: string;
  nodePortAddresses?: string[];
  iptables?: {
    masqueradeAll?: boolean;
    masqueradeBit?: number;
    localhostNodePorts?: boolean;
    minSyncPeriod?: string;
    syncPeriod?: string;
  };
  [extra: string]: unknown;
}

export interface ClusterConfiguration extends TypeMeta {
  kind: 'ClusterConfiguration';
  kubernetesVersion?: string;
  clusterName?: string;
  networking?: { serviceSubnet?: string; podSubnet?: string; dnsDomain?: string };
  [extra: string]: unknown;
}

/** Any object the simulator does not model; kept as given and reported as a warning. */
export interface OtherObject extends TypeMeta {
  metadata?: ObjectMeta;
  [extra: string]: unknown;
}

export type KubeObject =
  | Node
  | Pod
  | Service
  | EndpointSlice
  | KubeProxyConfiguration
  | ClusterConfiguration;

/**
 * The cluster after apply: every object defaulted and allocated, EndpointSlices derived, the
 * cluster-wide settings resolved (kubeadm's defaults where the scenario says nothing).
 * Arrays are in a deterministic order (namespace, then name).
 */
export interface Cluster {
  /** e.g. `v1.26.0`; picks the kube-proxy profile and the API server's message wording. */
  readonly kubernetesVersion: string;
  readonly serviceSubnet: string; // 10.96.0.0/12
  readonly podSubnet: string; // 10.244.0.0/16
  readonly dnsDomain: string; // cluster.local
  readonly clusterDNS: string; // 10.96.0.10
  readonly proxy: KubeProxyConfiguration;
  readonly clusterConfiguration: ClusterConfiguration;
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly endpointSlices: readonly EndpointSlice[];
  readonly others: readonly OtherObject[];
}
