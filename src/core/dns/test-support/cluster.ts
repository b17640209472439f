/** Small scenarios for DNS unit tests, applied through the model like any user scenario. */
import { applyScenario } from '../../index.ts';
import type { Cluster } from '../../model/types.ts';

const HEAD = `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
kubernetesVersion: v1.26.0
networking:
  dnsDomain: cluster.local
  serviceSubnet: 10.96.0.0/12
  podSubnet: 10.244.0.0/16
---
apiVersion: v1
kind: Node
metadata:
  name: node1
spec:
  podCIDR: 10.244.1.0/24
status:
  addresses:
    - type: InternalIP
      address: 172.18.0.3
`;

export interface PodSpec {
  readonly name: string;
  readonly ip: string;
  readonly labels: Record<string, string>;
  readonly namespace?: string;
  readonly ready?: boolean;
  readonly hostname?: string;
  readonly subdomain?: string;
}

export function podYaml(p: PodSpec): string {
  const labels = Object.entries(p.labels)
    .map(([k, v]) => `    ${k}: ${v}\n`)
    .join('');
  return `---
apiVersion: v1
kind: Pod
metadata:
  name: ${p.name}
  namespace: ${p.namespace ?? 'default'}
  labels:
${labels}spec:
  nodeName: node1
${p.hostname ? `  hostname: ${p.hostname}\n` : ''}${p.subdomain ? `  subdomain: ${p.subdomain}\n` : ''}  containers:
    - name: main
      image: busybox
status:
  phase: Running
  podIP: ${p.ip}
  podIPs:
    - ip: ${p.ip}
  conditions:
    - type: Ready
      status: "${p.ready === false ? 'False' : 'True'}"
`;
}

/** A headless Service `nginx` in `default` with `n` ready pods 10.244.1.(10+i), named nginx-i. */
export function headlessWith(n: number, portName = 'web', hostnames = false): string {
  let text = `---
apiVersion: v1
kind: Service
metadata:
  name: nginx
  namespace: default
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
    - name: ${portName}
      port: 80
`;
  for (let i = 0; i < n; i++) {
    const named = hostnames ? { hostname: `nginx-${i}`, subdomain: 'nginx' } : {};
    text += podYaml({
      name: `nginx-${i}`,
      ip: `10.244.1.${10 + i}`,
      labels: { app: 'nginx' },
      ...named,
    });
  }
  return text;
}

export function clusterOf(objects: string): Cluster {
  return applyScenario(HEAD + objects).cluster;
}
