import { exampleById } from '../store/examples.ts';
import { outcome } from './checks-common.ts';
import { dnsAnswers } from './probes.ts';
import type { Lesson } from './types.ts';

const NAME = 'cassandra.default.svc.cluster.local';

export const headlessLesson: Lesson = {
  id: 'headless-dns',
  title: { en: 'Headless Services and DNS', zh: 'Headless Service 与 DNS' },
  summary: {
    en: 'clusterIP: None — no rules, and DNS answers with every ready Pod.',
    zh: 'clusterIP: None —— 没有规则，DNS 直接返回每个就绪的 Pod。',
  },
  steps: [
    {
      title: { en: 'No ClusterIP, no rules', zh: '没有 ClusterIP，就没有规则' },
      body: {
        en: 'The `cassandra` Service has `clusterIP: None`. kube-proxy writes nothing for it: there is no address to rewrite. Instead CoreDNS answers `cassandra.default.svc.cluster.local` with one A record per ready Pod.',
        zh: '`cassandra` Service 设置了 `clusterIP: None`。kube-proxy 不会为它写任何规则：没有需要改写的地址。CoreDNS 则对 `cassandra.default.svc.cluster.local` 为每个就绪的 Pod 返回一条 A 记录。',
      },
      scenario: exampleById('headless-dig')?.text ?? '',
      view: { panel: 'DNS', dns: { name: NAME, type: 'A' } },
    },
    {
      title: { en: 'Four A records', zh: '四条 A 记录' },
      body: {
        en: 'Add a fourth Pod `cassandra-3` with the label `app: cassandra` (as the StatefulSet would), so that `cassandra.default.svc.cluster.local` resolves to four A records.',
        zh: '添加第四个 Pod `cassandra-3`，带标签 `app: cassandra`（就像 StatefulSet 会做的那样），使 `cassandra.default.svc.cluster.local` 解析出四条 A 记录。',
      },
      view: { panel: 'DNS', dns: { name: NAME, type: 'A' } },
      check: {
        kind: 'task',
        run: (cluster) => {
          const a = dnsAnswers(cluster, NAME, 'A').filter((l) => l.startsWith('A '));
          return outcome(a.length === 4, {
            en: `${NAME} resolves to ${a.length} A record${a.length === 1 ? '' : 's'}${a.length ? `: ${a.map((l) => l.slice(2)).join(', ')}` : ''}.`,
            zh: `${NAME} 解析出 ${a.length} 条 A 记录${a.length ? `：${a.map((l) => l.slice(2)).join('、')}` : ''}。`,
          });
        },
      },
    },
    {
      title: { en: 'Names for each Pod', zh: '每个 Pod 的名字' },
      body: {
        en: 'Ask for SRV `_cql._tcp.cassandra.default.svc.cluster.local`.',
        zh: '查询 SRV `_cql._tcp.cassandra.default.svc.cluster.local`。',
      },
      view: { panel: 'DNS', dns: { name: `_cql._tcp.${NAME}`, type: 'SRV' } },
      check: {
        kind: 'quiz',
        choices: [
          {
            en: 'One SRV record per Pod, each naming the Pod as `cassandra-N.cassandra.default.svc.cluster.local` on port 9042.',
            zh: '每个 Pod 一条 SRV 记录，每条都以 `cassandra-N.cassandra.default.svc.cluster.local` 指向该 Pod，端口 9042。',
          },
          {
            en: 'One SRV record naming `cassandra.default.svc.cluster.local`.',
            zh: '只有一条指向 `cassandra.default.svc.cluster.local` 的 SRV 记录。',
          },
          {
            en: 'NXDOMAIN: headless Services have no SRV records.',
            zh: 'NXDOMAIN：Headless Service 没有 SRV 记录。',
          },
        ],
        answer: 0,
        explain: {
          en: 'The Pods set `hostname` and `subdomain: cassandra`, so each gets its own name, and the SRV answer lists them (with their A records in the additional section).',
          zh: '这些 Pod 设置了 `hostname` 和 `subdomain: cassandra`，所以每个 Pod 都有自己的名字，SRV 应答会列出它们（附加段里带有它们的 A 记录）。',
        },
      },
    },
  ],
};
