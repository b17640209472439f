import { exampleById } from '../store/examples.ts';
import { outcome } from './checks-common.ts';
import { lbAddress, reachesPod, trace } from './probes.ts';
import type { Lesson } from './types.ts';

/** The lesson starts from the example with the default policy, so the learner makes the change. */
const START = (exampleById('external-traffic-local')?.text ?? '').replace(
  'externalTrafficPolicy: Local',
  'externalTrafficPolicy: Cluster',
);

export const etpLocalLesson: Lesson = {
  id: 'external-traffic-local',
  title: {
    en: 'externalTrafficPolicy Local and the source IP',
    zh: 'externalTrafficPolicy Local 与源 IP',
  },
  summary: {
    en: 'Keep the client’s address by serving outside traffic only from the node it arrives at.',
    zh: '只由流量到达的节点上的 Pod 提供服务，从而保留客户端的地址。',
  },
  steps: [
    {
      title: { en: 'The Pod sees the node', zh: 'Pod 看到的是节点' },
      body: {
        en: 'The ingress controller logs every request’s client address, but all it sees is a node address: with `externalTrafficPolicy: Cluster` kube-proxy masquerades outside traffic. Send a packet from the external client to `192.0.2.80:80` and read the outcome.',
        zh: 'Ingress 控制器会记录每个请求的客户端地址，但它看到的都是节点地址：在 `externalTrafficPolicy: Cluster` 下，kube-proxy 会对外部流量做 masquerade。从外部客户端向 `192.0.2.80:80` 发送一个数据包，看看结果。',
      },
      scenario: START,
      view: { panel: 'Trace', trace: { from: 'external', to: '192.0.2.80:80' } },
    },
    {
      title: { en: 'Keep the client’s address', zh: '保留客户端地址' },
      body: {
        en: 'Make the Pod see the client’s real IP for traffic the load balancer sends to worker-1.',
        zh: '让 Pod 看到负载均衡器发往 worker-1 的流量中客户端的真实 IP。',
      },
      view: { panel: 'YAML' },
      check: {
        kind: 'task',
        run: (cluster) => {
          const to = lbAddress(cluster, 'ingress-nginx-controller');
          const t = to ? trace(cluster, 'external', to, { via: 'worker-1' }) : null;
          const passed = reachesPod(t) && t?.sourcePreserved === true;
          return outcome(passed, {
            en: t ? t.outcome : 'No packet can be sent to the load balancer address.',
            zh: t
              ? t.sourcePreserved
                ? `Pod 看到的源地址是客户端自己的地址 ${t.sourceSeenByEndpoint ?? ''}（源 IP 已保留）。`
                : `Pod 看到的源地址是 ${t.sourceSeenByEndpoint ?? '（无）'}，不是客户端的地址。`
              : '无法向负载均衡器地址发送数据包。',
          });
        },
      },
    },
    {
      title: { en: 'A node with no Pod', zh: '没有 Pod 的节点' },
      body: {
        en: 'worker-3 runs no controller Pod. Look at its rules, then answer: what happens to outside traffic that reaches worker-3?',
        zh: 'worker-3 上没有运行控制器 Pod。查看它的规则，然后回答：到达 worker-3 的外部流量会怎样？',
      },
      view: { panel: 'Rules', node: 'worker-3' },
      check: {
        kind: 'quiz',
        choices: [
          {
            en: 'It is forwarded to worker-1 and masqueraded.',
            zh: '它被转发到 worker-1 并做 masquerade。',
          },
          {
            en: 'It is dropped ("has no local endpoints"); the load balancer’s health check on `healthCheckNodePort` fails there, so a real LB stops sending to worker-3.',
            zh: '它被丢弃（"has no local endpoints"）；负载均衡器对 `healthCheckNodePort` 的健康检查在那里失败，所以真实的 LB 不再把流量发给 worker-3。',
          },
          { en: 'It is answered by CoreDNS.', zh: '由 CoreDNS 应答。' },
        ],
        answer: 1,
        explain: {
          en: 'Local means "only endpoints on this node". With none, kube-proxy drops the packet instead of masquerading it elsewhere, and kube-proxy’s health check server answers 503 on `healthCheckNodePort`.',
          zh: 'Local 的意思是“只用本节点上的端点”。没有本地端点时，kube-proxy 丢弃数据包，而不是把它 masquerade 到别处；kube-proxy 的健康检查服务在 `healthCheckNodePort` 上返回 503。',
        },
      },
    },
  ],
};
