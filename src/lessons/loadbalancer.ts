import { exampleById } from '../store/examples.ts';
import { outcome } from './checks-common.ts';
import { lbAddress, reachesPod, trace } from './probes.ts';
import type { Lesson } from './types.ts';

const CLIENT = '198.51.100.40';

export const loadBalancerLesson: Lesson = {
  id: 'loadbalancer-source-ranges',
  title: { en: 'LoadBalancer and source ranges', zh: 'LoadBalancer 与来源地址范围' },
  summary: {
    en: 'loadBalancerSourceRanges becomes a KUBE-FW-* chain that drops every other client.',
    zh: 'loadBalancerSourceRanges 变成一条 KUBE-FW-* 链，丢弃其他所有客户端。',
  },
  steps: [
    {
      title: { en: 'A firewall chain', zh: '一条防火墙链' },
      body: {
        en: 'The `api` Service got the load balancer address `192.0.2.50`. Its `loadBalancerSourceRanges` allow `203.0.113.0/24` and `198.51.100.17/32`. In the Rules tab, `KUBE-SERVICES` sends `192.0.2.50` to a `KUBE-FW-…` chain: one rule per range, then a drop for everyone else.',
        zh: '`api` Service 得到了负载均衡器地址 `192.0.2.50`。它的 `loadBalancerSourceRanges` 允许 `203.0.113.0/24` 和 `198.51.100.17/32`。在 Rules 标签页中，`KUBE-SERVICES` 把 `192.0.2.50` 交给一条 `KUBE-FW-…` 链：每个范围一条规则，其他来源一律丢弃。',
      },
      scenario: exampleById('loadbalancer-source-ranges')?.text ?? '',
      view: { panel: 'Rules', node: 'worker-1' },
    },
    {
      title: { en: 'Let the office in', zh: '放行办公室网络' },
      body: {
        en: `A colleague at \`${CLIENT}\` cannot connect: their packets time out. Change \`spec.loadBalancerSourceRanges\` so that the whole office network \`198.51.100.0/24\` can reach api.`,
        zh: `位于 \`${CLIENT}\` 的同事无法连接：数据包超时。修改 \`spec.loadBalancerSourceRanges\`，让整个办公室网络 \`198.51.100.0/24\` 都能访问 api。`,
      },
      view: { panel: 'Trace', trace: { from: `external:${CLIENT}`, to: '192.0.2.50:443' } },
      check: {
        kind: 'task',
        run: (cluster) => {
          const to = lbAddress(cluster, 'api');
          const t = to ? trace(cluster, `external:${CLIENT}`, to) : null;
          const passed = reachesPod(t);
          return outcome(passed, {
            en: to
              ? `A connection from ${CLIENT} to ${to}: ${t ? t.outcome : 'cannot be sent'}`
              : 'The api Service has no load balancer address.',
            zh: to
              ? `从 ${CLIENT} 到 ${to} 的连接：${passed ? '已送达 Pod' : '未送达（被丢弃或拒绝）'}。`
              : 'api Service 没有负载均衡器地址。',
          });
        },
      },
    },
    {
      title: { en: 'Everyone else', zh: '其他所有人' },
      body: {
        en: 'A client at `8.8.8.8` connects to `192.0.2.50:443`. What happens on the node?',
        zh: '位于 `8.8.8.8` 的客户端连接 `192.0.2.50:443`。节点上会发生什么？',
      },
      view: { panel: 'Trace', trace: { from: 'external:8.8.8.8', to: '192.0.2.50:443' } },
      check: {
        kind: 'quiz',
        choices: [
          {
            en: 'It is refused with an ICMP reject, so the client fails at once.',
            zh: '被 ICMP reject 拒绝，客户端立即失败。',
          },
          {
            en: 'No `KUBE-FW-…` rule matches its source, so it falls to the chain’s drop: the client times out.',
            zh: '`KUBE-FW-…` 中没有规则匹配它的来源地址，于是落到链末的丢弃规则：客户端超时。',
          },
          {
            en: 'It reaches a Pod, which must check the source itself.',
            zh: '它会到达 Pod，由 Pod 自己检查来源地址。',
          },
        ],
        answer: 1,
        explain: {
          en: 'Only the listed ranges jump on to `KUBE-EXT-…`; every other source is marked for drop (`KUBE-MARK-DROP`) and silently discarded, so the client sees a timeout, not a refusal.',
          zh: '只有列出的地址范围会继续跳到 `KUBE-EXT-…`；其他来源都被标记丢弃（`KUBE-MARK-DROP`）并被静默丢掉，所以客户端看到的是超时，而不是拒绝。',
        },
      },
    },
  ],
};
