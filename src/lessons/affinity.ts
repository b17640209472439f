import type { Cluster } from '../core/index.ts';
import { exampleById } from '../store/examples.ts';
import { firstNodeSource, NO_SERVICE, outcome } from './checks-common.ts';
import { clusterAddress, endpointsOverConnections } from './probes.ts';
import type { Lesson } from './types.ts';

/** The lesson starts without affinity, so the learner turns it on. */
const START = (exampleById('session-affinity')?.text ?? '').replace(
  /\n {2}sessionAffinity: ClientIP\n {2}sessionAffinityConfig:\n {4}clientIP:\n {6}timeoutSeconds: \d+/,
  '',
);

const CONNECTIONS = 8;

function sticky(cluster: Cluster) {
  const to = clusterAddress(cluster, 'cart');
  if (!to) return outcome(false, NO_SERVICE('cart'));
  const seen = endpointsOverConnections(cluster, firstNodeSource(cluster), to, CONNECTIONS);
  const distinct = [...new Set(seen)];
  return outcome(distinct.length === 1 && /:\d+$/.test(distinct[0] ?? ''), {
    en: `${CONNECTIONS} connections from one client to ${to} reached ${distinct.join(', ')}.`,
    zh: `同一客户端到 ${to} 的 ${CONNECTIONS} 个连接到达了 ${distinct.join('、')}。`,
  });
}

export const affinityLesson: Lesson = {
  id: 'session-affinity',
  title: { en: 'Session affinity', zh: '会话亲和性' },
  summary: {
    en: 'sessionAffinity: ClientIP pins a client to one Pod with the iptables `recent` match.',
    zh: 'sessionAffinity: ClientIP 借助 iptables 的 `recent` 匹配把客户端固定到一个 Pod。',
  },
  steps: [
    {
      title: { en: 'Every connection draws again', zh: '每个连接都重新抽取' },
      body: {
        en: 'The shopping cart keeps sessions in memory, so a user who lands on another Pod loses their cart. In the Trace tab, send a few packets from the same node to the `cart` ClusterIP: each connection draws a Pod anew.',
        zh: '购物车服务把会话保存在内存中，用户一旦落到另一个 Pod 上，购物车就丢了。在 Trace 标签页中，从同一个节点向 `cart` 的 ClusterIP 发送几个数据包：每个连接都会重新抽取一个 Pod。',
      },
      scenario: START,
      view: { panel: 'Trace' },
    },
    {
      title: { en: 'Stick to one Pod', zh: '固定到一个 Pod' },
      body: {
        en: 'Make every connection from the same client reach the same Pod, for three hours (`10800` seconds).',
        zh: '让来自同一客户端的每个连接都到达同一个 Pod，持续三小时（`10800` 秒）。',
      },
      view: { panel: 'YAML' },
      check: { kind: 'task', run: sticky },
    },
    {
      title: { en: 'How does the node remember?', zh: '节点怎么记住客户端？' },
      body: {
        en: 'Look at the `KUBE-SVC-…` and `KUBE-SEP-…` chains for cart now.',
        zh: '现在查看 cart 的 `KUBE-SVC-…` 和 `KUBE-SEP-…` 链。',
      },
      view: { panel: 'Rules' },
      check: {
        kind: 'quiz',
        choices: [
          {
            en: 'A cookie kube-proxy adds to HTTP responses.',
            zh: 'kube-proxy 在 HTTP 响应中加入的 cookie。',
          },
          {
            en: 'The `recent` match: each `KUBE-SEP-…` chain records the source (`--set`), and `KUBE-SVC-…` first checks `--rcheck --seconds 10800 --reap` before the random draw.',
            zh: '`recent` 匹配：每条 `KUBE-SEP-…` 链记录源地址（`--set`），`KUBE-SVC-…` 在随机抽取之前先检查 `--rcheck --seconds 10800 --reap`。',
          },
          {
            en: 'conntrack alone: every packet of a client follows its first connection.',
            zh: '只靠 conntrack：客户端的每个数据包都沿用第一个连接。',
          },
        ],
        answer: 1,
        explain: {
          en: 'The kernel keeps a list per endpoint of recently seen source addresses. A new connection from a listed source jumps straight to that endpoint; the list forgets a source after the timeout.',
          zh: '内核为每个端点保存一张最近出现过的源地址列表。来自列表中源地址的新连接直接跳到对应的端点；超时后列表会忘掉这个源地址。',
        },
      },
    },
  ],
};
