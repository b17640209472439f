import { exampleById } from '../store/examples.ts';
import { outcome } from './checks-common.ts';
import { nodeIPs, reachesPod, trace } from './probes.ts';
import type { Lesson } from './types.ts';

const PORT = 31080;

export const nodePortLesson: Lesson = {
  id: 'nodeport',
  title: { en: 'NodePort', zh: 'NodePort' },
  summary: {
    en: 'One port on every node reaches the Service, whichever node holds the Pods.',
    zh: '每个节点上的同一个端口都能访问 Service，无论 Pod 在哪个节点上。',
  },
  steps: [
    {
      title: { en: 'A port on every node', zh: '每个节点上的一个端口' },
      body: {
        en: 'The `web` Service is `type: NodePort` with `nodePort: 30080`. kube-proxy adds a `KUBE-NODEPORTS` chain: `tcp dpt:30080` jumps to `KUBE-EXT-…`, which marks the packet for masquerading and hands it to the same `KUBE-SVC-…` chain a ClusterIP packet takes.',
        zh: '`web` Service 的类型是 `type: NodePort`，`nodePort: 30080`。kube-proxy 添加 `KUBE-NODEPORTS` 链：`tcp dpt:30080` 跳到 `KUBE-EXT-…`，后者给数据包打上 masquerade 标记，再交给 ClusterIP 数据包同样会走的 `KUBE-SVC-…` 链。',
      },
      scenario: exampleById('nodeport')?.text ?? '',
      view: { panel: 'Rules', node: 'worker-1' },
    },
    {
      title: { en: 'Move the port', zh: '换一个端口' },
      body: {
        en: `Change the Service's \`spec.ports[0].nodePort\` to ${PORT}, so that a client outside the cluster reaches web at port ${PORT} of every node.`,
        zh: `把 Service 的 \`spec.ports[0].nodePort\` 改为 ${PORT}，使集群外的客户端可以通过每个节点的 ${PORT} 端口访问 web。`,
      },
      view: { panel: 'YAML' },
      check: {
        kind: 'task',
        run: (cluster) => {
          const nodes = nodeIPs(cluster);
          const results = nodes.map((n) => ({
            n,
            t: trace(cluster, 'external', `${n.ip}:${PORT}`),
          }));
          const ok = results.filter((r) => reachesPod(r.t));
          const missing = results.filter((r) => !reachesPod(r.t)).map((r) => r.n.name);
          return outcome(nodes.length > 0 && missing.length === 0, {
            en: `Port ${PORT} reaches a Pod on ${ok.length} of ${nodes.length} nodes${missing.length ? ` (not on ${missing.join(', ')})` : ''}.`,
            zh: `${PORT} 端口在 ${nodes.length} 个节点中的 ${ok.length} 个上能到达 Pod${missing.length ? `（${missing.join('、')} 上不能）` : ''}。`,
          });
        },
      },
    },
    {
      title: { en: 'Who does the Pod see?', zh: 'Pod 看到的是谁？' },
      body: {
        en: `A client sends to worker-1:${PORT} and the draw picks the Pod on worker-2. Trace it: from "external client" to worker-1's address.`,
        zh: `客户端发往 worker-1:${PORT}，抽中的是 worker-2 上的 Pod。用 Trace 追踪：从 “external client” 到 worker-1 的地址。`,
      },
      view: { panel: 'Trace', trace: { from: 'external', to: `10.132.0.11:${PORT}` } },
      check: {
        kind: 'quiz',
        choices: [
          { en: 'The client’s own address.', zh: '客户端自己的地址。' },
          {
            en: 'An address of worker-1: `KUBE-MARK-MASQ` marked the packet and `KUBE-POSTROUTING` masquerades it.',
            zh: 'worker-1 的一个地址：`KUBE-MARK-MASQ` 给数据包打了标记，`KUBE-POSTROUTING` 对它做了 masquerade。',
          },
          { en: 'The Service’s ClusterIP.', zh: 'Service 的 ClusterIP。' },
        ],
        answer: 1,
        explain: {
          en: 'With `externalTrafficPolicy: Cluster` (the default) the packet may leave for another node, so kube-proxy masquerades it: the reply must come back through worker-1 to be un-DNATed. The Pod never sees the client’s address.',
          zh: '在 `externalTrafficPolicy: Cluster`（默认值）下，数据包可能被转到另一个节点，所以 kube-proxy 对它做 masquerade：回包必须经过 worker-1 才能还原 DNAT。Pod 永远看不到客户端的地址。',
        },
      },
    },
  ],
};
