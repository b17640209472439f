/**
 * The cluster's network built for real in network namespaces, as kubeadm + flannel (VXLAN) and
 * the bridge CNI plugin leave a node, from the same ClusterNetwork the packet walk uses:
 *
 *   <p>-lan   the nodes' L2 network: bridge br0 holding the gateway address (172.18.0.1/24)
 *   <p>-ext   the external client: eth0 172.18.0.100/24 on br0
 *   <p>-nI    node I: eth0 (InternalIP) on br0, default route via the gateway; bridge cni0 with
 *             the pods' gateway (10.244.X.1/24); VXLAN flannel.1 (VNI 1, port 8472, address
 *             10.244.X.0/32) with, per other node, `10.244.Y.0/24 via 10.244.Y.0 dev flannel.1
 *             onlink`, a permanent neighbour for the peer VTEP and an fdb entry to its node IP
 *             (what flanneld writes); ip_forward, route_localnet and bridge-nf-call-iptables on,
 *             ICMP error rate limit off (see below);
 *             each pod's veth on cni0 with hairpin mode (the bridge plugin's hairpinMode: true)
 *   <p>-pA-B-C-D  a pod: eth0 = pod IP, default route via its node's cni0 address
 *
 * and each node's netfilter loaded from the Rules view's `save` text: kube-proxy's tables
 * (`iptables-restore`), then flannel's appended after them (`iptables-restore --noflush`), as
 * flanneld appends its jumps once kube-proxy's are in place.
 */
import {
  type Cluster,
  type ClusterNetwork,
  clusterNetwork,
  compileKubeProxy,
  flannelRules,
  type NodeNetwork,
  nodeRuleset,
  printSave,
} from '../../index.ts';
import { brNetfilterAvailable, inNetns, runScript } from './netns.ts';

export interface KernelPod {
  readonly key: string;
  readonly ip: string;
  readonly node: string;
  readonly netns: string;
  /** TCP ports its server answers on: container ports and its EndpointSlice ports. */
  readonly ports: readonly number[];
}

export interface KernelCluster {
  readonly net: ClusterNetwork;
  readonly lan: string;
  readonly external: string;
  /** Node name → its namespace. */
  readonly nodes: ReadonlyMap<string, string>;
  readonly pods: readonly KernelPod[];
  /** Whether bridged pod-to-pod traffic passes iptables (br_netfilter). */
  readonly bridgeNetfilter: boolean;
  /** Every namespace, in the order to delete them. */
  readonly namespaces: readonly string[];
  /** Per node, the save texts loaded: kube-proxy's and flannel's. */
  readonly loaded: ReadonlyMap<string, { kubeProxy: string; flannel: string }>;
}

const FLANNEL_MTU = 1450;

/** A stable locally administered MAC for a node's VTEP, from its address (02:f1:a.b.c.d). */
export function vtepMac(vtepIp: string): string {
  return ['02', 'f1', ...vtepIp.split('.').map((o) => Number(o).toString(16).padStart(2, '0'))]
    .join(':')
    .toLowerCase();
}

function prefixOf(cidr: string): string {
  return cidr.split('/')[1] ?? '32';
}

function vethName(ip: string): string {
  return `veth${ip
    .split('.')
    .map((o) => Number(o).toString(16).padStart(2, '0'))
    .join('')}`;
}

function podPorts(cluster: Cluster, ip: string): number[] {
  const ports = new Set<number>();
  for (const pod of cluster.pods) {
    if (pod.status?.podIP !== ip) continue;
    for (const c of pod.spec.containers) {
      for (const p of c.ports ?? [])
        if ((p.protocol ?? 'TCP') === 'TCP') ports.add(p.containerPort);
    }
  }
  for (const slice of cluster.endpointSlices) {
    if (!slice.endpoints.some((e) => e.addresses.includes(ip))) continue;
    for (const p of slice.ports ?? []) {
      if ((p.protocol ?? 'TCP') === 'TCP' && p.port !== undefined) ports.add(p.port);
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** The shell script that builds the namespaces, devices, addresses, routes and sysctls. */
export function topologyScript(
  cluster: Cluster,
  net: ClusterNetwork,
  prefix: string,
  bridgeNetfilter: boolean,
): { script: string; layout: Omit<KernelCluster, 'loaded'> } {
  const lines: string[] = [];
  const sh = (line: string) => lines.push(line);
  const lan = `${prefix}-lan`;
  const external = `${prefix}-ext`;
  const lanBits = prefixOf(net.nodeCidr);
  const namespaces: string[] = [];
  const addNs = (ns: string) => {
    namespaces.unshift(ns);
    sh(`ip netns add ${ns}`);
    sh(`ip -n ${ns} link set lo up`);
  };

  addNs(lan);
  sh(`ip -n ${lan} link add br0 type bridge`);
  sh(`ip -n ${lan} addr add ${net.gateway}/${lanBits} dev br0`);
  sh(`ip -n ${lan} link set br0 up`);

  addNs(external);
  sh(`ip -n ${external} link add eth0 type veth peer name ext netns ${lan}`);
  sh(`ip -n ${external} addr add ${net.externalClient}/${lanBits} dev eth0`);
  sh(`ip -n ${external} link set eth0 up`);
  sh(`ip -n ${lan} link set ext master br0 up`);

  const nodes = new Map<string, string>();
  const ready = net.nodes.filter(
    (n): n is NodeNetwork & { ip: string; podCidr: string; bridgeIp: string; vtepIp: string } =>
      n.ip !== null && n.podCidr !== null && n.bridgeIp !== null && n.vtepIp !== null,
  );
  ready.forEach((node, i) => {
    const ns = `${prefix}-n${i + 1}`;
    nodes.set(node.name, ns);
    addNs(ns);
    const port = `n${i + 1}`;
    sh(`ip -n ${ns} link add eth0 type veth peer name ${port} netns ${lan}`);
    sh(`ip -n ${lan} link set ${port} master br0 up`);
    sh(`ip -n ${ns} addr add ${node.ip}/${lanBits} dev eth0`);
    sh(`ip -n ${ns} link set eth0 up`);
    sh(`ip -n ${ns} route add default via ${net.gateway} dev eth0`);
    // icmp_ratelimit=0: REJECT answers with an ICMP port unreachable, which the kernel rate-limits
    // per destination (a burst of 6, then one a second); the test's 60 simultaneous connections
    // from one client would see most of them suppressed and time out instead of being refused.
    const sysctls = [
      'net.ipv4.ip_forward=1',
      'net.ipv4.conf.all.route_localnet=1',
      'net.ipv4.icmp_ratelimit=0',
    ];
    if (bridgeNetfilter) sysctls.push('net.bridge.bridge-nf-call-iptables=1');
    sh(`ip netns exec ${ns} sysctl -qw ${sysctls.join(' ')}`);
    sh(`ip -n ${ns} link add cni0 type bridge`);
    sh(`ip -n ${ns} link set cni0 mtu ${FLANNEL_MTU}`);
    sh(`ip -n ${ns} addr add ${node.bridgeIp}/${prefixOf(node.podCidr)} dev cni0`);
    sh(`ip -n ${ns} link set cni0 up`);
    sh(
      `ip -n ${ns} link add flannel.1 address ${vtepMac(node.vtepIp)} type vxlan id 1 local ${node.ip} dev eth0 dstport 8472 nolearning`,
    );
    sh(`ip -n ${ns} link set flannel.1 mtu ${FLANNEL_MTU}`);
    sh(`ip -n ${ns} addr add ${node.vtepIp}/32 dev flannel.1`);
    sh(`ip -n ${ns} link set flannel.1 up`);
    for (const peer of ready) {
      if (peer === node) continue;
      const mac = vtepMac(peer.vtepIp);
      sh(`ip -n ${ns} route add ${peer.podCidr} via ${peer.vtepIp} dev flannel.1 onlink`);
      sh(`ip -n ${ns} neigh add ${peer.vtepIp} lladdr ${mac} dev flannel.1 nud permanent`);
      sh(`ip netns exec ${ns} bridge fdb append ${mac} dev flannel.1 dst ${peer.ip}`);
    }
  });

  const pods: KernelPod[] = [];
  for (const place of net.podsByIp.values()) {
    const nodeNs = nodes.get(place.node);
    const node = ready.find((n) => n.name === place.node);
    if (!nodeNs || !node) continue;
    const ns = `${prefix}-p${place.ip.replaceAll('.', '-')}`;
    const veth = vethName(place.ip);
    addNs(ns);
    sh(`ip -n ${ns} link add eth0 mtu ${FLANNEL_MTU} type veth peer name ${veth} netns ${nodeNs}`);
    sh(`ip -n ${ns} addr add ${place.ip}/${prefixOf(node.podCidr)} dev eth0`);
    sh(`ip -n ${ns} link set eth0 up`);
    sh(`ip -n ${ns} route add default via ${node.bridgeIp} dev eth0`);
    sh(`ip -n ${nodeNs} link set ${veth} mtu ${FLANNEL_MTU} master cni0 up`);
    sh(`ip -n ${nodeNs} link set ${veth} type bridge_slave hairpin on`);
    pods.push({
      key: place.key,
      ip: place.ip,
      node: place.node,
      netns: ns,
      ports: podPorts(cluster, place.ip),
    });
  }
  return {
    script: lines.join('\n'),
    layout: { net, lan, external, nodes, pods, bridgeNetfilter, namespaces },
  };
}

/** Builds everything and loads each node's rules; on failure removes what it made, then throws. */
export function buildKernelCluster(cluster: Cluster, prefix: string): KernelCluster {
  const net = clusterNetwork(cluster);
  const { script, layout } = topologyScript(cluster, net, prefix, brNetfilterAvailable());
  try {
    runScript(script);
    const loaded = new Map<string, { kubeProxy: string; flannel: string }>();
    for (const node of net.nodes) {
      const ns = layout.nodes.get(node.name);
      if (!ns) continue;
      const compiled = compileKubeProxy(cluster, { node: node.name });
      if (!compiled.ok) {
        throw new Error(
          `kube-proxy rules for ${node.name}: ${compiled.diagnostics.map((d) => d.message).join('; ')}`,
        );
      }
      const kubeProxy = printSave(nodeRuleset(compiled.value));
      const flannel = printSave(flannelRules(net.clusterCidr, node.podCidr));
      inNetns(ns, ['iptables-restore'], kubeProxy);
      inNetns(ns, ['iptables-restore', '--noflush'], flannel);
      loaded.set(node.name, { kubeProxy, flannel });
    }
    return { ...layout, loaded };
  } catch (e) {
    removeNamespaces(layout.namespaces);
    throw e;
  }
}

export function removeNamespaces(namespaces: readonly string[]): void {
  for (const ns of namespaces) runScript(`ip netns delete ${ns} 2>/dev/null || true`);
}

/**
 * The `-A` rules of each table's chains, in order, as `iptables-save` lists them: to check that
 * the kernel holds kube-proxy's rules followed by flannel's, exactly the rules the walk runs.
 */
export function appendRulesByChain(save: string): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  let table = '';
  for (const line of save.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1);
    const m = /^-A (\S+) /.exec(line);
    if (!m) continue;
    const key = `${table} ${m[1]}`;
    chains.set(key, [...(chains.get(key) ?? []), line]);
  }
  return chains;
}

/** What the node's `iptables-save` must list: kube-proxy's rules, flannel's appended. */
export function expectedRulesByChain(kubeProxy: string, flannel: string): Map<string, string[]> {
  const merged = appendRulesByChain(kubeProxy);
  for (const [key, rules] of appendRulesByChain(flannel)) {
    merged.set(key, [...(merged.get(key) ?? []), ...rules]);
  }
  return merged;
}
