import { exampleById } from '../store/examples.ts';
import { outcome, spread } from './checks-common.ts';
import type { Lesson } from './types.ts';

/** The seed blog post, walked through: a ClusterIP Service and kube-proxy's probability cascade. */
export const seedLesson: Lesson = {
  id: 'seed-clusterip',
  title: { en: 'ClusterIP and the probability cascade', zh: 'ClusterIP 与概率级联' },
  summary: {
    en: 'Three nginx Pods behind one ClusterIP: how kube-proxy splits traffic evenly.',
    zh: '一个 ClusterIP 后面的三个 nginx Pod：kube-proxy 如何平均分配流量。',
  },
  steps: [
    {
      title: { en: 'Three Pods, one address', zh: '三个 Pod，一个地址' },
      body: {
        en: 'The `nginx` Service has the ClusterIP `10.99.62.169`. No process listens on it: kube-proxy writes iptables rules on every node that rewrite (DNAT) a packet sent to it to one of the three Pods.\n\nIn the Rules tab, find `KUBE-SERVICES`: one rule sends `10.99.62.169/32 tcp dpt:80` to a `KUBE-SVC-…` chain.',
        zh: '`nginx` Service 的 ClusterIP 是 `10.99.62.169`。没有任何进程监听这个地址：kube-proxy 在每个节点上写入 iptables 规则，把发往它的数据包改写（DNAT）到三个 Pod 之一。\n\n在 Rules 标签页中找到 `KUBE-SERVICES`：其中一条规则把 `10.99.62.169/32 tcp dpt:80` 交给一条 `KUBE-SVC-…` 链。',
      },
      scenario: exampleById('seed-nginx')?.text ?? '',
      view: { panel: 'Rules', node: 'node1' },
    },
    {
      title: { en: '0.333, then 0.5', zh: '先 0.333，再 0.5' },
      body: {
        en: 'The `KUBE-SVC-…` chain has three rules. The first has `--probability 0.33333333349`, the second `--probability 0.50000000000`, the third none.',
        zh: '`KUBE-SVC-…` 链有三条规则。第一条带 `--probability 0.33333333349`，第二条带 `--probability 0.50000000000`，第三条没有概率。',
      },
      view: { panel: 'Rules', node: 'node1' },
      check: {
        kind: 'quiz',
        choices: [
          {
            en: 'The rules are tried in order: the first takes 1/3; half of the remaining 2/3 is another 1/3; the last takes the rest. Each Pod gets 1/3.',
            zh: '规则按顺序匹配：第一条拿走 1/3；剩下的 2/3 的一半又是 1/3；最后一条拿走其余的。每个 Pod 各得 1/3。',
          },
          {
            en: 'The second Pod gets half of all traffic, because it was created later.',
            zh: '第二个 Pod 得到全部流量的一半，因为它创建得更晚。',
          },
          {
            en: 'kube-proxy measures each Pod’s load and adjusts the probabilities.',
            zh: 'kube-proxy 测量每个 Pod 的负载并调整概率。',
          },
          {
            en: 'The last Pod only gets traffic when the other two are down.',
            zh: '只有另外两个 Pod 宕机时，最后一个 Pod 才会收到流量。',
          },
        ],
        answer: 0,
        explain: {
          en: 'Each rule’s probability applies only to the packets the rules above it let through: 1/3, then 1/2 × 2/3 = 1/3, then the remaining 1/3. For n endpoints kube-proxy writes 1/n, 1/(n−1), … 1/2.',
          zh: '每条规则的概率只作用于前面规则放过的数据包：1/3，然后 1/2 × 2/3 = 1/3，最后剩下的 1/3。对 n 个端点，kube-proxy 依次写 1/n、1/(n−1)、…、1/2。',
        },
      },
    },
    {
      title: { en: 'Send a hundred packets', zh: '发送一百个数据包' },
      body: {
        en: 'In the Trace tab, send a packet from a Pod to `10.99.62.169:80` and watch it walk the chains. "Send 100" shows how the draws spread over the three Pods.',
        zh: '在 Trace 标签页中，从一个 Pod 向 `10.99.62.169:80` 发送数据包，观察它如何走过各条链。“Send 100”显示一百次抽取如何分布到三个 Pod 上。',
      },
      view: {
        panel: 'Trace',
        trace: { from: 'pod:default/nginx-59ff7ffd6b-7vgh2', to: '10.99.62.169:80' },
      },
    },
    {
      title: { en: 'Four Pods', zh: '四个 Pod' },
      body: {
        en: 'Scale nginx to four Pods (select a Pod and use Scale, or add a Pod with the label `k8s.kuboard.cn/name: nginx` in the YAML tab). Then look at the new probabilities in the Rules tab.',
        zh: '把 nginx 扩容到四个 Pod（选中一个 Pod 后点 Scale，或在 YAML 标签页中添加一个带标签 `k8s.kuboard.cn/name: nginx` 的 Pod）。然后在 Rules 标签页中查看新的概率。',
      },
      view: { panel: 'Rules' },
      check: {
        kind: 'task',
        run: (cluster) => {
          const { ends, observed } = spread(cluster, 'nginx');
          const even = ends.every((e) => Math.abs(e.probability - 0.25) < 1e-6);
          return outcome(ends.length === 4 && even, observed);
        },
      },
    },
  ],
};
