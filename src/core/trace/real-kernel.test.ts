import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScenario, type Cluster, TraceState, tracePacket, traceWorld } from '../index.ts';
import { countsByEndpoint, kernelView, type PathView, walkView } from './test-support/compare.ts';
import {
  appendRulesByChain,
  buildKernelCluster,
  expectedRulesByChain,
  type KernelCluster,
  removeNamespaces,
} from './test-support/kernel-cluster.ts';
import { deleteLeftovers, inNetns, kernelLabUnavailable, runPrefix } from './test-support/netns.ts';
import { probe, type Servers, startServers } from './test-support/tcp-lab.ts';

/**
 * The packet walk against the real kernel. The seed cluster (plus NodePort, LoadBalancer,
 * externalIP, affinity and no-endpoint Services over its pods) is built in network namespaces —
 * the nodes' network, each node with cni0, flannel.1 (VXLAN) and kube-proxy's + flannel's rules
 * loaded from the Rules view's `save` text, each pod with a server answering with the peer
 * address it sees — and real TCP connections go to ClusterIPs, NodePorts, LoadBalancer and
 * external IPs. For each case the kernel must agree with the walk: the set of endpoints that
 * answer (the walk's distribution), the source each one sees, whether the client's port
 * survives, and how undelivered connections fail (DROP → timeout, REJECT → refused).
 *
 * What the kernel did is recorded in golden/trace-kernel/kernel-observed.json (a root run checks
 * the record against the kernel again), so that where the namespaces cannot be built (not root,
 * no `ip netns`, no iptables — skipped with a message) the walk is still held against it.
 */

const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'golden', 'trace-kernel');
const yaml = readFileSync(join(FIXTURE, 'seed-nodeport.yaml'), 'utf8');
const OBSERVED = join(FIXTURE, 'kernel-observed.json');

/** Connections per case: with 3 endpoints at 1/3 each, one is missed with odds 3·(2/3)^60 ≈ 1e-10. */
const CONNECTIONS = 60;
/** Long enough for a SYN on this loopback-only network, short enough for a DROP to cost little. */
const CONNECT_TIMEOUT_MS = 1500;

const A = 'pod:default/nginx-59ff7ffd6b-hcqhb'; // node1, 10.244.1.14
const B = 'pod:default/nginx-59ff7ffd6b-g6pgc'; // node1, 10.244.1.16
const C = 'pod:default/nginx-59ff7ffd6b-7vgh2'; // node2, 10.244.2.12
const CLUSTER_IP = '10.99.62.169:80';
const STICKY_IP = '10.103.7.23:80';
const EXTERNAL = '172.18.0.100';

interface Case {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** The node the load balancer / network hands the packet to (a route in the client's netns). */
  readonly via?: string;
}

const c = (name: string, from: string, to: string, via?: string): Case =>
  via ? { name, from, to, via } : { name, from, to };

/** The case's key in the record: `FROM → TO` (and ` via NODE`). */
const keyOf = ({ from, to, via }: Case) => `${from} → ${to}${via ? ` via ${via}` : ''}`;

/** The recorded kernel observations; {} before the first root run writes them. */
function recorded(): Record<string, PathView> {
  return existsSync(OBSERVED)
    ? (JSON.parse(readFileSync(OBSERVED, 'utf8')) as Record<string, PathView>)
    : {};
}

const CASES: readonly Case[] = [
  c('pod → ClusterIP: hairpin, same node, other node', A, CLUSTER_IP),
  c('pod → ClusterIP from node2: hairpin, other node', C, CLUSTER_IP),
  c('node → ClusterIP (host network, OUTPUT path)', 'node:node1', CLUSTER_IP),
  c('pod → ClusterIP of a Service without endpoints (REJECT)', A, '10.103.7.24:80'),
  c('external → NodePort on node1, eTP Cluster', 'external', '172.18.0.3:30080'),
  c('external → NodePort on node2, eTP Cluster', 'external', '172.18.0.4:30080'),
  c('external → NodePort on node1, eTP Local (client IP kept)', 'external', '172.18.0.3:30081'),
  c('external → NodePort on node2, eTP Local, no local endpoint', 'external', '172.18.0.4:30081'),
  c('external → NodePort of a Service without endpoints', 'external', '172.18.0.3:30082'),
  c('pod → its own node’s NodePort, eTP Cluster', A, '172.18.0.3:30080'),
  c('pod → the other node’s NodePort (flannel masquerades first)', B, '172.18.0.4:30080'),
  c('pod → the other node’s eTP Local NodePort without local endpoint', B, '172.18.0.4:30081'),
  c('pod → its own node’s eTP Local NodePort', A, '172.18.0.3:30081'),
  c('pod → its own node’s eTP Local NodePort, endpoint itself (hairpin)', B, '172.18.0.3:30081'),
  c('node → its own NodePort', 'node:node1', '172.18.0.3:30080'),
  c('node → 127.0.0.1:NodePort (route_localnet)', 'node:node1', '127.0.0.1:30080'),
  c('node → the other node’s eTP Local NodePort (source kept)', 'node:node2', '172.18.0.3:30081'),
  c('pod → ClusterIP of the eTP Local Service from the other node', C, '10.103.7.22:80'),
  c(
    'external → LoadBalancer IP, client in the source ranges',
    'external',
    '172.18.255.10:80',
    'node1',
  ),
  c('external → LoadBalancer IP via node2', 'external', '172.18.255.10:80', 'node2'),
  c(
    'external → LoadBalancer IP, client outside the source ranges',
    'external',
    '172.18.255.11:80',
    'node1',
  ),
  c('external → NodePort of the LoadBalancer with source ranges', 'external', '172.18.0.4:30084'),
  c('pod → LoadBalancer IP with source ranges (handled in the node)', A, '172.18.255.10:80'),
  c('node → LoadBalancer IP with source ranges', 'node:node1', '172.18.255.10:80'),
  c('external → externalIP via node2', 'external', '172.18.255.12:80', 'node2'),
  c('pod → externalIP', B, '172.18.255.12:80'),
  c('node → a pod on the other node, no Service (VTEP source)', 'node:node1', '10.244.2.12:80'),
  c('pod → a host outside the pod network (flannel masquerade)', A, `${EXTERNAL}:8080`),
  c('node → the other node’s NodePort', 'node:node1', '172.18.0.4:30080'),
  c('node → its own eTP Local NodePort without local endpoint', 'node:node2', '172.18.0.4:30081'),
  c('node → 127.0.0.1:eTP Local NodePort without local endpoint', 'node:node2', '127.0.0.1:30081'),
  c('pod → its own node’s eTP Local NodePort without local endpoint', C, '172.18.0.4:30081'),
  c('pod → NodePort on its node’s cni0 address (addrtype LOCAL)', A, '10.244.1.1:30080'),
  c('pod → NodePort on the other node’s cni0 address', C, '10.244.1.1:30080'),
  c('pod → NodePort on the other node’s VTEP address', C, '10.244.1.0:30080'),
  c('node → eTP Local NodePort on the other node’s cni0 address', 'node:node2', '10.244.1.1:30081'),
  c('node → externalIP', 'node:node1', '172.18.255.12:80'),
  c(
    'node → ClusterIP of a Service without endpoints (REJECT in OUTPUT)',
    'node:node1',
    '10.103.7.24:80',
  ),
  c(
    'external → eTP Local LoadBalancer IP via its endpoint’s node',
    'external',
    '172.18.255.13:80',
    'node1',
  ),
  c(
    'external → eTP Local LoadBalancer IP via a node without endpoint',
    'external',
    '172.18.255.13:80',
    'node2',
  ),
  c('pod → eTP Local LoadBalancer IP from the other node', C, '172.18.255.13:80'),
  c('node → eTP Local LoadBalancer IP from the other node', 'node:node2', '172.18.255.13:80'),
];

/**
 * Cases the walk once got wrong, kept as cases of their own. The first two are packets for a
 * Service's virtual IP on a port no kube-proxy rule catches: no DNAT, forwarded out of eth0 to the
 * default gateway (a pod's packet masqueraded by flannel on the way), and nothing there answers —
 * the connection times out. The third: an outside client whose network routes the Service CIDR to
 * node1 (`via node1`); node1's rules DNAT it, marked for masquerade by
 * `! -s 10.244.0.0/16 -d <ClusterIP> -j KUBE-MARK-MASQ`, and every endpoint answers.
 */
const ONCE_WRONG: readonly Case[] = [
  c('pod → ClusterIP on a port the Service does not have', A, '10.99.62.169:81'),
  c(
    'external → LoadBalancer IP on a port the Service does not have',
    'external',
    '172.18.255.10:30083',
    'node1',
  ),
  c('external → ClusterIP routed to a node', 'external', CLUSTER_IP, 'node1'),
];

const ALL_CASES: readonly Case[] = [...CASES, ...ONCE_WRONG];

describe('the packet walk agrees with what the real kernel did (recorded)', () => {
  const cluster = applyScenario(yaml).cluster;
  const world = traceWorld(cluster);
  const observed = recorded();
  const walkOf = (k: Case) => walkView(cluster, world, k.from, k.to, k.via).view;

  it('the record holds every case', () => {
    expect(Object.keys(observed).sort()).toEqual(ALL_CASES.map(keyOf).sort());
  });
  for (const k of ALL_CASES) {
    it(`${k.name}: ${keyOf(k)}`, () => expect(walkOf(k)).toEqual(observed[keyOf(k)]));
  }
});

const unavailable = kernelLabUnavailable();
if (unavailable) console.warn(`skipping the real-kernel packet walk test: ${unavailable}`);

describe.skipIf(unavailable !== null)('the packet walk agrees with the real kernel (live)', () => {
  let cluster: Cluster;
  const observed: Record<string, PathView> = {};
  let lab: KernelCluster | null = null;
  let servers: Servers | null = null;
  const prefix = runPrefix();

  beforeAll(async () => {
    cluster = applyScenario(yaml).cluster;
    deleteLeftovers(prefix);
    lab = buildKernelCluster(cluster, prefix);
    if (!lab.bridgeNetfilter) {
      console.warn(
        'br_netfilter is not loaded: replies between pods on the same bridge skip conntrack, so the same-node ClusterIP cases cannot match the walk',
      );
    }
    // The external client answers too, for pod traffic leaving the pod network.
    const outside = { key: 'external', netns: lab.external, ip: EXTERNAL, ports: [8080] };
    servers = await startServers([...lab.pods, outside]);
  }, 60_000);

  afterAll(() => {
    servers?.stop();
    if (lab) removeNamespaces(lab.namespaces);
    deleteLeftovers(prefix);
  });

  it('each node holds exactly kube-proxy’s rules with flannel’s appended after them', () => {
    const built = lab as KernelCluster;
    expect([...built.loaded.keys()]).toEqual(['node1', 'node2']);
    for (const [node, texts] of built.loaded) {
      const ns = built.nodes.get(node) as string;
      const actual = appendRulesByChain(inNetns(ns, ['iptables-save']));
      const expected = expectedRulesByChain(texts.kubeProxy, texts.flannel);
      expect(Object.fromEntries(actual), node).toEqual(Object.fromEntries(expected));
    }
  });

  /** Runs the case's connections; records what the kernel did; returns it with the walk's view. */
  async function run(k: Case): Promise<{ kernel: PathView; walk: PathView }> {
    const built = lab as KernelCluster;
    const walk = walkView(cluster, traceWorld(cluster), k.from, k.to, k.via);
    const clientNs = namespaceOf(built, k.from);
    const [host = '', port = ''] = k.to.split(':');
    if (k.via) routeVia(built, clientNs, host, k.via);
    const results = await probe(clientNs, host, Number(port), CONNECTIONS, CONNECT_TIMEOUT_MS);
    const kernel = kernelView(results);
    observed[keyOf(k)] = kernel;
    console.log(
      `${keyOf(k)}: kernel ${JSON.stringify(countsByEndpoint(results))}; walk: ${walk.trace.outcome}`,
    );
    return { kernel, walk: walk.view };
  }

  for (const k of ALL_CASES) {
    it(`${k.name}: ${keyOf(k)}`, async () => {
      const { kernel, walk } = await run(k);
      expect(kernel).toEqual(walk);
    }, 30_000);
  }

  it('the record of what the kernel did is what it does', async () => {
    await expect(`${JSON.stringify(observed, null, 2)}\n`).toMatchFileSnapshot(OBSERVED);
  });

  it('session affinity: after the first connection, every one goes to the same endpoint', async () => {
    const built = lab as KernelCluster;
    const from = A;
    const [host = '', port = ''] = STICKY_IP.split(':');
    const ns = namespaceOf(built, from);
    const results = await probe(ns, host, Number(port), 20, CONNECT_TIMEOUT_MS, 'sequential');
    const first = results[0]?.answer?.server;
    expect(first, JSON.stringify(results[0])).toBeDefined();
    // The walk, told the first connection went where the kernel sent it, then walks the rest
    // with the `recent` lists that first walk left.
    const world = traceWorld(cluster);
    const state = new TraceState();
    tracePacket(cluster, { from, to: STICKY_IP, endpoint: first as string }, { world, state });
    const next = tracePacket(cluster, { from, to: STICKY_IP, seed: 7 }, { world, state });
    if (!next.ok) throw new Error(next.diagnostics.map((d) => d.message).join('; '));
    const walkEndpoints = next.value.distribution
      .filter((d) => d.probability > 0)
      .map((d) => d.endpoint);
    const kernelEndpoints = [...new Set(results.map((r) => r.answer?.server ?? r.error))];
    console.log(
      `${from} → ${STICKY_IP} (affinity): kernel ${JSON.stringify(countsByEndpoint(results))}`,
    );
    expect(kernelEndpoints).toEqual(walkEndpoints);
    expect(kernelView(results.slice(1)).endpoints[first as string]?.sourceIp).toBe(
      next.value.sourceSeenByEndpoint?.split(':')[0],
    );
  }, 60_000);
});

/** The load balancer's (or the network's) path for `ip`: a host route via the node's address. */
function routeVia(lab: KernelCluster, ns: string, ip: string, node: string): void {
  const nodeIp = lab.net.nodes.find((n) => n.name === node)?.ip;
  if (!nodeIp) throw new Error(`no node ${node}`);
  inNetns(ns, ['ip', 'route', 'replace', `${ip}/32`, 'via', nodeIp]);
}

function namespaceOf(lab: KernelCluster, from: string): string {
  if (from === 'external') return lab.external;
  if (from.startsWith('node:')) {
    const ns = lab.nodes.get(from.slice('node:'.length));
    if (ns) return ns;
  }
  if (from.startsWith('pod:')) {
    const key = from.slice('pod:'.length);
    const pod = lab.pods.find((p) => p.key === key);
    if (pod) return pod.netns;
  }
  throw new Error(`no namespace for ${from}`);
}
