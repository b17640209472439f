/**
 * Bench scenarios as users write them: Kubernetes YAML, read by the public `applyScenario`.
 * N ClusterIP Services, each with its own EndpointSlice of E ready endpoints spread over the
 * nodes (as `kubectl get -o yaml` of a real cluster lists them), so no Pods need scheduling.
 */

export interface ServicesScenario {
  readonly services: number;
  readonly endpointsPerService: number;
  readonly nodes?: number;
  /** ClusterConfiguration kubernetesVersion (default: the newest modelled). */
  readonly kubernetesVersion?: string;
}

const HEAD = (version: string) => `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
kubernetesVersion: ${version}
networking:
  dnsDomain: cluster.local
  serviceSubnet: 10.96.0.0/12
  podSubnet: 10.128.0.0/9
---
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
clusterCIDR: 10.128.0.0/9
`;

function node(i: number): string {
  return `---
apiVersion: v1
kind: Node
metadata:
  name: node${i}
spec:
  podCIDR: 10.128.${i}.0/24
status:
  addresses:
  - type: InternalIP
    address: 172.18.0.${i + 2}
`;
}

export function serviceName(i: number): string {
  return `svc-${String(i).padStart(5, '0')}`;
}

function service(i: number): string {
  return `---
apiVersion: v1
kind: Service
metadata:
  name: ${serviceName(i)}
  namespace: bench
spec:
  selector:
    app: ${serviceName(i)}
  ports:
  - name: http
    port: 80
    targetPort: 8080
`;
}

/** Endpoint j of Service i: a distinct pod IP in the pod network 10.128.0.0/9. */
export function endpointIP(i: number, j: number, perService: number): string {
  const k = i * perService + j + 2;
  return `10.${128 + (k >> 16)}.${(k >> 8) & 255}.${k & 255}`;
}

function slice(i: number, perService: number, nodes: number): string {
  const endpoints: string[] = [];
  for (let j = 0; j < perService; j++) {
    endpoints.push(`- addresses:
  - ${endpointIP(i, j, perService)}
  conditions:
    ready: true
  nodeName: node${1 + ((i + j) % nodes)}`);
  }
  return `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ${serviceName(i)}-abcde
  namespace: bench
  labels:
    kubernetes.io/service-name: ${serviceName(i)}
addressType: IPv4
ports:
- name: http
  port: 8080
  protocol: TCP
endpoints:
${endpoints.join('\n')}
`;
}

export function servicesScenario(s: ServicesScenario): string {
  const nodes = s.nodes ?? 2;
  if (s.services * s.endpointsPerService >= 2 ** 23 - 2) {
    throw new Error('servicesScenario: more endpoints than the pod network 10.128.0.0/9 holds');
  }
  const parts = [HEAD(s.kubernetesVersion ?? 'v1.34.0')];
  for (let i = 1; i <= nodes; i++) parts.push(node(i));
  for (let i = 0; i < s.services; i++) parts.push(service(i));
  for (let i = 0; i < s.services; i++) parts.push(slice(i, s.endpointsPerService, nodes));
  return parts.join('');
}
