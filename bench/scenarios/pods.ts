/**
 * N Pods spread over a few nodes behind one ClusterIP Service, as `kubectl get -o yaml` lists
 * them: the canvas's heavy case (issue 7: pan and zoom at 300 pods).
 */
export function podsScenario(pods: number, nodes = 3): string {
  const parts: string[] = [
    `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
kubernetesVersion: v1.34.0
`,
  ];
  for (let i = 1; i <= nodes; i++) {
    parts.push(`apiVersion: v1
kind: Node
metadata:
  name: node${i}
spec:
  podCIDR: 10.244.${i}.0/24
status:
  addresses:
  - type: InternalIP
    address: 172.18.0.${i + 2}
`);
  }
  for (let p = 0; p < pods; p++) {
    const node = 1 + (p % nodes);
    parts.push(`apiVersion: v1
kind: Pod
metadata:
  name: web-${String(p).padStart(4, '0')}
  namespace: default
  labels:
    app: web
spec:
  nodeName: node${node}
  containers:
  - name: web
    image: nginx:1.25
    ports:
    - containerPort: 8080
status:
  phase: Running
  podIP: 10.244.${node}.${2 + Math.floor(p / nodes)}
  conditions:
  - type: Ready
    status: "True"
`);
  }
  parts.push(`apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 8080
`);
  return parts.join('---\n');
}
