/**
 * The typed shapes the API server decodes manifests into, as far as the simulator reads them.
 * Each struct carries its Go type name, because the decode errors name it
 * (`json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`).
 *
 * `open` structs accept fields we do not model (a Pod spec has dozens) without checking them;
 * strict structs report unknown fields as the API server's strict field validation does
 * (`strict decoding error: unknown field "spec.ports[0].nodeport"`).
 */
export type Schema =
  | { readonly t: 'string' }
  | { readonly t: 'int32' }
  | { readonly t: 'int64' }
  | { readonly t: 'bool' }
  | { readonly t: 'intOrString' }
  | { readonly t: 'any' }
  | { readonly t: 'map'; readonly go: string; readonly of: Schema }
  | { readonly t: 'array'; readonly go: string; readonly of: Schema }
  | {
      readonly t: 'struct';
      readonly go: string;
      readonly fields: Readonly<Record<string, Schema>>;
      readonly open?: boolean;
    };

const string: Schema = { t: 'string' };
const int32: Schema = { t: 'int32' };
const int64: Schema = { t: 'int64' };
const bool: Schema = { t: 'bool' };
const any: Schema = { t: 'any' };
const intOrString: Schema = { t: 'intOrString' };
const stringMap: Schema = { t: 'map', go: 'map[string]string', of: string };
const strings: Schema = { t: 'array', go: '[]string', of: string };
const array = (go: string, of: Schema): Schema => ({ t: 'array', go, of });
const struct = (go: string, fields: Record<string, Schema>, open = false): Schema => ({
  t: 'struct',
  go,
  fields,
  open,
});

export const objectMeta = struct('ObjectMeta', {
  name: string,
  generateName: string,
  namespace: string,
  selfLink: string,
  uid: string,
  resourceVersion: string,
  generation: int64,
  creationTimestamp: any,
  deletionTimestamp: any,
  deletionGracePeriodSeconds: int64,
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: array('[]v1.OwnerReference', any),
  finalizers: strings,
  managedFields: any,
});

const servicePort = struct('ServicePort', {
  name: string,
  protocol: string,
  appProtocol: string,
  port: int32,
  targetPort: intOrString,
  nodePort: int32,
});

const portStatus = struct('PortStatus', { port: int32, protocol: string, error: string });

const loadBalancerStatus = struct('LoadBalancerStatus', {
  ingress: array(
    '[]v1.LoadBalancerIngress',
    struct('LoadBalancerIngress', {
      ip: string,
      hostname: string,
      ipMode: string,
      ports: array('[]v1.PortStatus', portStatus),
    }),
  ),
});

export const service = struct('Service', {
  apiVersion: string,
  kind: string,
  metadata: objectMeta,
  spec: struct('ServiceSpec', {
    type: string,
    selector: stringMap,
    ports: array('[]v1.ServicePort', servicePort),
    clusterIP: string,
    clusterIPs: strings,
    ipFamilies: strings,
    ipFamilyPolicy: string,
    externalIPs: strings,
    externalName: string,
    loadBalancerIP: string,
    loadBalancerSourceRanges: strings,
    loadBalancerClass: string,
    allocateLoadBalancerNodePorts: bool,
    externalTrafficPolicy: string,
    internalTrafficPolicy: string,
    healthCheckNodePort: int32,
    sessionAffinity: string,
    sessionAffinityConfig: struct('SessionAffinityConfig', {
      clientIP: struct('ClientIPConfig', { timeoutSeconds: int32 }),
    }),
    publishNotReadyAddresses: bool,
    trafficDistribution: string,
  }),
  status: struct('ServiceStatus', {
    loadBalancer: loadBalancerStatus,
    conditions: any,
  }),
});

const containerPort = struct('ContainerPort', {
  name: string,
  hostPort: int32,
  containerPort: int32,
  protocol: string,
  hostIP: string,
});

const container = struct(
  'Container',
  { name: string, image: string, ports: array('[]v1.ContainerPort', containerPort) },
  true,
);

const podIP = struct('PodIP', { ip: string });

const containerStateTerminated = struct(
  'ContainerStateTerminated',
  { exitCode: int32, signal: int32, reason: string, message: string, finishedAt: any },
  true,
);
const containerState = struct('ContainerState', {
  waiting: struct('ContainerStateWaiting', { reason: string, message: string }),
  running: struct('ContainerStateRunning', { startedAt: any }),
  terminated: containerStateTerminated,
});
const containerStatus = struct(
  'ContainerStatus',
  {
    name: string,
    image: string,
    ready: bool,
    started: bool,
    restartCount: int32,
    state: containerState,
    lastState: containerState,
  },
  true,
);

export const pod = struct('Pod', {
  apiVersion: string,
  kind: string,
  metadata: objectMeta,
  spec: struct(
    'PodSpec',
    {
      nodeName: string,
      containers: array('[]v1.Container', container),
      initContainers: array('[]v1.Container', container),
      hostname: string,
      subdomain: string,
      hostNetwork: bool,
      dnsPolicy: string,
      dnsConfig: struct('PodDNSConfig', {
        nameservers: strings,
        searches: strings,
        options: array(
          '[]v1.PodDNSConfigOption',
          struct('PodDNSConfigOption', { name: string, value: string }),
        ),
      }),
      setHostnameAsFQDN: bool,
      readinessGates: array(
        '[]v1.PodReadinessGate',
        struct('PodReadinessGate', { conditionType: string }),
      ),
    },
    true,
  ),
  status: struct(
    'PodStatus',
    {
      phase: string,
      conditions: array(
        '[]v1.PodCondition',
        struct('PodCondition', { type: string, status: string }, true),
      ),
      podIP: string,
      podIPs: array('[]v1.PodIP', podIP),
      hostIP: string,
      hostIPs: array('[]v1.HostIP', struct('HostIP', { ip: string })),
      reason: string,
      nominatedNodeName: string,
      containerStatuses: array('[]v1.ContainerStatus', containerStatus),
      initContainerStatuses: array('[]v1.ContainerStatus', containerStatus),
    },
    true,
  ),
});

export const node = struct('Node', {
  apiVersion: string,
  kind: string,
  metadata: objectMeta,
  spec: struct('NodeSpec', { podCIDR: string, podCIDRs: strings, unschedulable: bool }, true),
  status: struct(
    'NodeStatus',
    {
      addresses: array(
        '[]v1.NodeAddress',
        struct('NodeAddress', { type: string, address: string }),
      ),
      conditions: array(
        '[]v1.NodeCondition',
        struct('NodeCondition', { type: string, status: string }, true),
      ),
      nodeInfo: any,
    },
    true,
  ),
});

export const endpointSlice = struct('EndpointSlice', {
  apiVersion: string,
  kind: string,
  metadata: objectMeta,
  addressType: string,
  endpoints: array(
    '[]v1.Endpoint',
    struct('Endpoint', {
      addresses: strings,
      conditions: struct('EndpointConditions', { ready: bool, serving: bool, terminating: bool }),
      hostname: string,
      targetRef: struct('ObjectReference', {
        kind: string,
        namespace: string,
        name: string,
        uid: string,
        apiVersion: string,
        resourceVersion: string,
        fieldPath: string,
      }),
      nodeName: string,
      zone: string,
      hints: struct('EndpointHints', {
        forZones: array('[]v1.ForZone', struct('ForZone', { name: string })),
        forNodes: array('[]v1.ForNode', struct('ForNode', { name: string })),
      }),
      deprecatedTopology: stringMap,
    }),
  ),
  ports: array(
    '[]v1.EndpointPort',
    struct('EndpointPort', { name: string, protocol: string, appProtocol: string, port: int32 }),
  ),
});

export const kubeProxyConfiguration = struct(
  'KubeProxyConfiguration',
  {
    apiVersion: string,
    kind: string,
    mode: string,
    clusterCIDR: string,
    nodePortAddresses: strings,
    iptables: struct(
      'KubeProxyIPTablesConfiguration',
      {
        masqueradeAll: bool,
        masqueradeBit: int32,
        localhostNodePorts: bool,
        minSyncPeriod: string,
        syncPeriod: string,
      },
      true,
    ),
  },
  true,
);

export const clusterConfiguration = struct(
  'ClusterConfiguration',
  {
    apiVersion: string,
    kind: string,
    kubernetesVersion: string,
    clusterName: string,
    networking: struct('Networking', {
      serviceSubnet: string,
      podSubnet: string,
      dnsDomain: string,
    }),
  },
  true,
);
