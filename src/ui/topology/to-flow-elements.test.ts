import { describe, expect, it } from 'vitest';
import type { Cluster, EndpointSlice, Node, Pod, Service } from '../../core/index.ts';
import {
  centerOf,
  GROUP_THRESHOLD,
  MAX_GROUPS_PER_NODE,
  podId,
  serviceId,
  toFlowElements,
} from './to-flow-elements.ts';

const node = (name: string, ip: string): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  spec: { podCIDR: '10.244.1.0/24' },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});

const pod = (name: string, nodeName: string, ip: string, ready = true, extra = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'web' }, ...extra },
  spec: { nodeName, containers: [{ name: 'c' }] },
  status: { podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

const service = (name: string, spec: Partial<Service['spec']> = {}): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'ClusterIP',
    clusterIP: '10.96.0.20',
    ports: [{ port: 80, protocol: 'TCP' }],
    ...spec,
  },
});

const slice = (svc: string, endpoints: EndpointSlice['endpoints']): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: {
    name: `${svc}-abc`,
    namespace: 'default',
    labels: { 'kubernetes.io/service-name': svc },
  },
  addressType: 'IPv4',
  endpoints,
});

const ep = (
  podName: string,
  ip: string,
  conditions: EndpointSlice['endpoints'][0]['conditions'],
) => ({
  addresses: [ip],
  conditions,
  targetRef: { kind: 'Pod', namespace: 'default', name: podName },
});

function cluster(parts: Partial<Cluster>): Cluster {
  return {
    kubernetesVersion: 'v1.26.0',
    serviceSubnet: '10.96.0.0/12',
    podSubnet: '10.244.0.0/16',
    dnsDomain: 'cluster.local',
    clusterDNS: '10.96.0.10',
    proxy: { apiVersion: 'kubeproxy.config.k8s.io/v1alpha1', kind: 'KubeProxyConfiguration' },
    clusterConfiguration: { apiVersion: 'kubeadm.k8s.io/v1beta3', kind: 'ClusterConfiguration' },
    nodes: [],
    pods: [],
    services: [],
    endpointSlices: [],
    others: [],
    ...parts,
  };
}

describe('toFlowElements', () => {
  const c = cluster({
    nodes: [node('node1', '172.18.0.3'), node('node2', '172.18.0.4')],
    pods: [
      pod('a', 'node1', '10.244.1.14'),
      pod('b', 'node1', '10.244.1.16', false),
      pod('c', 'node2', '10.244.2.12', false, { deletionTimestamp: '2024-07-14T09:00:00Z' }),
    ],
    services: [
      service('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }),
    ],
    endpointSlices: [
      slice('web', [
        ep('a', '10.244.1.14', { ready: true, serving: true, terminating: false }),
        ep('b', '10.244.1.16', { ready: false, serving: false, terminating: false }),
        ep('c', '10.244.2.12', { ready: false, serving: true, terminating: true }),
      ]),
    ],
  });
  const el = toFlowElements(c);

  it('puts each Pod inside its Node frame with name, IP and state', () => {
    const a = el.nodes.find((n) => n.id === podId('default', 'a'));
    expect(a?.parentId).toBe('node:node1');
    expect(a?.data).toMatchObject({
      kind: 'pod',
      ip: '10.244.1.14',
      ready: true,
      terminating: false,
    });
    const cPod = el.nodes.find((n) => n.id === podId('default', 'c'));
    expect(cPod?.parentId).toBe('node:node2');
    expect(cPod?.data).toMatchObject({ terminating: true, ready: false });
    // A parent comes before its children, as React Flow requires.
    const order = el.nodes.map((n) => n.id);
    expect(order.indexOf('node:node1')).toBeLessThan(order.indexOf(podId('default', 'a')));
  });

  it('draws one edge per endpoint, its state in a dash pattern and words', () => {
    const byTarget = Object.fromEntries(el.edges.map((e) => [e.target, e]));
    expect(byTarget[podId('default', 'a')]).toMatchObject({
      state: 'ready',
      source: serviceId('default', 'web'),
    });
    expect(byTarget[podId('default', 'a')]?.label).toBeUndefined();
    expect(byTarget[podId('default', 'b')]).toMatchObject({
      state: 'not-ready',
      label: 'not ready',
    });
    expect(byTarget[podId('default', 'c')]).toMatchObject({
      state: 'serving-terminating',
      label: 'terminating',
    });
  });

  it("shows the Service's type, ClusterIP and ports as kubectl spells them", () => {
    const svc = el.nodes.find((n) => n.id === serviceId('default', 'web'));
    expect(svc?.data).toMatchObject({
      type: 'NodePort',
      clusterIP: '10.96.0.20',
      ports: ['80:30080/TCP'],
      endpointCount: 3,
    });
  });

  it('always draws the external client and kube-dns at the cluster DNS address', () => {
    expect(el.nodes.find((n) => n.type === 'client')).toBeDefined();
    expect(el.nodes.find((n) => n.type === 'dns')?.data).toMatchObject({ ip: '10.96.0.10' });
  });

  it('folds Pods with the same labels into one group above the threshold', () => {
    const many = Array.from({ length: GROUP_THRESHOLD + 6 }, (_, i) =>
      pod(`p${i}`, 'node1', `10.244.1.${i + 2}`, i % 2 === 0),
    );
    const big = toFlowElements(
      cluster({
        nodes: [node('node1', '172.18.0.3')],
        pods: many,
        services: [service('web')],
        endpointSlices: [
          slice(
            'web',
            many.map((p) => ep(p.metadata.name ?? '', p.status?.podIP ?? '', { ready: true })),
          ),
        ],
      }),
    );
    const groups = big.nodes.filter((n) => n.type === 'pod-group');
    expect(groups).toHaveLength(1);
    expect(groups[0]?.data).toMatchObject({
      count: GROUP_THRESHOLD + 6,
      readyCount: 15,
      selector: 'app=web',
    });
    expect(big.edges).toHaveLength(1);
    expect(big.nodes.filter((n) => n.type === 'pod')).toHaveLength(0);
  });

  it('keeps 300 Pods with 100 label sets to a few shapes per Node, every endpoint still drawn', () => {
    const nodes = [node('node1', '172.18.0.3'), node('node2', '172.18.0.4')];
    const pods = Array.from({ length: 300 }, (_, i) => {
      const p = pod(
        `app${i % 100}-${i}`,
        i % 2 === 0 ? 'node1' : 'node2',
        `10.244.${1 + (i % 2)}.${2 + Math.floor(i / 2)}`,
      );
      return { ...p, metadata: { ...p.metadata, labels: { app: `app${i % 100}` } } };
    });
    const services = Array.from({ length: 100 }, (_, k) => ({
      ...service(`app${k}`),
      spec: { ...service(`app${k}`).spec, selector: { app: `app${k}` } },
    }));
    const slices = services.map((s) =>
      slice(
        s.metadata.name ?? '',
        pods
          .filter((p) => p.metadata.labels?.app === s.metadata.name)
          .map((p) => ep(p.metadata.name ?? '', p.status?.podIP ?? '', { ready: true })),
      ),
    );
    const el300 = toFlowElements(cluster({ nodes, pods, services, endpointSlices: slices }));
    const groups = el300.nodes.filter((n) => n.type === 'pod-group');
    expect(groups).toHaveLength(2 * MAX_GROUPS_PER_NODE);
    expect(el300.nodes.filter((n) => n.type === 'pod')).toHaveLength(0);
    const drawn = groups.reduce((sum, g) => sum + ((g.data as { count: number }).count ?? 0), 0);
    expect(drawn).toBe(300);
    // Every Service still has a line to the shape(s) holding its endpoints.
    for (const s of services)
      expect(
        el300.edges.some((e) => e.source === serviceId('default', s.metadata.name ?? '')),
      ).toBe(true);
  });

  it('draws every Pod of a Node the user expanded, past the threshold', () => {
    const many = Array.from({ length: GROUP_THRESHOLD + 6 }, (_, i) =>
      pod(`p${i}`, 'node1', `10.244.1.${i + 2}`),
    );
    const c30 = cluster({ nodes: [node('node1', '172.18.0.3')], pods: many });
    const folded = toFlowElements(c30);
    expect(folded.nodes.find((n) => n.id === 'node:node1')?.data).toMatchObject({
      groupable: true,
      grouped: true,
    });
    const open = toFlowElements(c30, ['node:node1']);
    expect(open.nodes.filter((n) => n.type === 'pod')).toHaveLength(GROUP_THRESHOLD + 6);
    expect(open.nodes.find((n) => n.id === 'node:node1')?.data).toMatchObject({ grouped: false });
  });

  it("draws the outside client's ways in to NodePort and LoadBalancer Services only", () => {
    const lb: Service = {
      ...service('lb', {
        type: 'LoadBalancer',
        ports: [{ port: 443, nodePort: 31000, protocol: 'TCP' }],
      }),
      status: { loadBalancer: { ingress: [{ ip: '192.0.2.50' }] } },
    };
    const el2 = toFlowElements(
      cluster({ nodes: [node('node1', '172.18.0.3')], services: [service('web'), lb] }),
    );
    const ways = el2.edges.filter((e) => e.state === 'external');
    expect(ways).toEqual([
      {
        id: `client:external->${serviceId('default', 'lb')}`,
        source: 'client:external',
        target: serviceId('default', 'lb'),
        state: 'external',
        label: 'LB 192.0.2.50 · NodePort 31000',
      },
    ]);
  });

  it('gives absolute centres for children of a frame', () => {
    const frame = el.nodes.find((n) => n.id === 'node:node1');
    const a = el.nodes.find((n) => n.id === podId('default', 'a'));
    const centre = centerOf(el, podId('default', 'a'));
    expect(centre?.x).toBe((frame?.position.x ?? 0) + (a?.position.x ?? 0) + 98);
  });

  it('is deterministic', () => {
    expect(toFlowElements(c)).toEqual(el);
  });
});
