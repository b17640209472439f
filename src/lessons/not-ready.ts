import { exampleById } from '../store/examples.ts';
import { outcome, spread } from './checks-common.ts';
import type { Lesson } from './types.ts';

const POD = 'checkout-7b8c9d6f5-x9w2c';

export const notReadyLesson: Lesson = {
  id: 'pod-not-ready',
  title: { en: 'A Pod going not ready', zh: 'Pod 变为未就绪' },
  summary: {
    en: 'A failing readiness probe takes a Pod out of the rules, but not out of the EndpointSlice.',
    zh: '就绪探针失败会把 Pod 从规则中移除，但不会从 EndpointSlice 中移除。',
  },
  steps: [
    {
      title: { en: 'Ready: false', zh: 'Ready: false' },
      body: {
        en: `\`${POD}\` fails its readiness probe: its \`Ready\` condition is \`"False"\`. In the kubectl tab, the EndpointSlice still lists its address, with \`ready: false\`.`,
        zh: `\`${POD}\` 的就绪探针失败：它的 \`Ready\` 条件是 \`"False"\`。在 kubectl 标签页中，EndpointSlice 仍然列出它的地址，只是 \`ready: false\`。`,
      },
      scenario: exampleById('pod-not-ready')?.text ?? '',
      view: { panel: 'kubectl' },
    },
    {
      title: { en: 'Two chains, not three', zh: '两条链，而不是三条' },
      body: {
        en: 'Three Pods match the selector, yet the `KUBE-SVC-…` chain for checkout has two rules: `--probability 0.50000000000`, then none. Why?',
        zh: '有三个 Pod 匹配选择器，但 checkout 的 `KUBE-SVC-…` 链只有两条规则：先 `--probability 0.50000000000`，然后没有概率。为什么？',
      },
      view: { panel: 'Rules' },
      check: {
        kind: 'quiz',
        choices: [
          {
            en: 'kube-proxy writes a `KUBE-SEP-…` chain only for ready endpoints; the not-ready one gets no traffic until it is ready again.',
            zh: 'kube-proxy 只为就绪的端点写 `KUBE-SEP-…` 链；未就绪的端点在恢复就绪之前不会收到流量。',
          },
          { en: 'The EndpointSlice dropped the Pod.', zh: 'EndpointSlice 删除了这个 Pod。' },
          {
            en: 'The third rule is hidden because it has probability 0.',
            zh: '第三条规则因为概率为 0 被隐藏了。',
          },
        ],
        answer: 0,
        explain: {
          en: 'The EndpointSlice keeps the endpoint with `conditions.ready: false` (so tools can see it); kube-proxy skips it and spreads traffic 1/2, 1/2 over the ready ones.',
          zh: 'EndpointSlice 保留该端点并标记 `conditions.ready: false`（便于工具查看）；kube-proxy 跳过它，把流量按 1/2、1/2 分给就绪的端点。',
        },
      },
    },
    {
      title: { en: 'Back in service', zh: '恢复服务' },
      body: {
        en: `The probe passes again: make \`${POD}\` ready (select it and use "Make ready", or set its \`Ready\` and \`ContainersReady\` conditions to \`"True"\`). Watch the rules change.`,
        zh: `探针再次通过：让 \`${POD}\` 变为就绪（选中它并点 “Make ready”，或把它的 \`Ready\` 和 \`ContainersReady\` 条件改为 \`"True"\`）。观察规则的变化。`,
      },
      view: { panel: 'Rules' },
      check: {
        kind: 'task',
        run: (cluster) => {
          const { ends, observed } = spread(cluster, 'checkout');
          const back = ends.some((e) => e.target.endsWith(`/${POD}`));
          return outcome(back && ends.length === 3, observed);
        },
      },
    },
  ],
};
