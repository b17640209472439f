import { exampleById } from '../store/examples.ts';
import { outcome } from './checks-common.ts';
import { dnsAnswers } from './probes.ts';
import type { Lesson } from './types.ts';

const NAME = 'billing-db.default.svc.cluster.local';
const TARGET = 'billing-replica.postgres.database.example.com';

export const externalNameLesson: Lesson = {
  id: 'externalname',
  title: { en: 'ExternalName', zh: 'ExternalName' },
  summary: {
    en: 'A Service that is only a DNS alias: a CNAME, and no rules at all.',
    zh: '只是一个 DNS 别名的 Service：一条 CNAME，完全没有规则。',
  },
  steps: [
    {
      title: { en: 'An alias', zh: '一个别名' },
      body: {
        en: '`billing-db` is `type: ExternalName` with `externalName: billing.postgres.database.example.com`. Ask the DNS tab for `billing-db.default.svc.cluster.local`, type CNAME.',
        zh: '`billing-db` 的类型是 `type: ExternalName`，`externalName: billing.postgres.database.example.com`。在 DNS 标签页中查询 `billing-db.default.svc.cluster.local`，类型选 CNAME。',
      },
      scenario: exampleById('externalname')?.text ?? '',
      view: { panel: 'DNS', dns: { name: NAME, type: 'CNAME' } },
    },
    {
      title: { en: 'Which rules?', zh: '有哪些规则？' },
      body: {
        en: 'Open the Rules tab. Which rules does kube-proxy write for `billing-db`?',
        zh: '打开 Rules 标签页。kube-proxy 为 `billing-db` 写了哪些规则？',
      },
      view: { panel: 'Rules' },
      check: {
        kind: 'quiz',
        choices: [
          {
            en: 'A `KUBE-SVC-…` chain that DNATs to the external address.',
            zh: '一条把流量 DNAT 到外部地址的 `KUBE-SVC-…` 链。',
          },
          { en: 'None: the alias lives only in DNS.', zh: '没有：这个别名只存在于 DNS 中。' },
          {
            en: 'A `KUBE-EXT-…` chain that masquerades.',
            zh: '一条做 masquerade 的 `KUBE-EXT-…` 链。',
          },
        ],
        answer: 1,
        explain: {
          en: 'An ExternalName Service has no ClusterIP and no endpoints. kube-proxy skips it; CoreDNS answers its name with a CNAME, and the client resolves the target itself.',
          zh: 'ExternalName Service 没有 ClusterIP，也没有端点。kube-proxy 会跳过它；CoreDNS 用一条 CNAME 回答它的名字，由客户端自己解析目标。',
        },
      },
    },
    {
      title: { en: 'Fail over to the replica', zh: '切换到只读副本' },
      body: {
        en: `Point \`billing-db\` at \`${TARGET}\` by changing \`spec.externalName\`. No client needs to change.`,
        zh: `修改 \`spec.externalName\`，让 \`billing-db\` 指向 \`${TARGET}\`。客户端无需任何改动。`,
      },
      view: { panel: 'DNS', dns: { name: NAME, type: 'CNAME' } },
      check: {
        kind: 'task',
        run: (cluster) => {
          const cname = dnsAnswers(cluster, NAME, 'CNAME').find((l) => l.startsWith('CNAME '));
          const target = cname?.slice(6).replace(/\.$/, '') ?? '';
          return outcome(target === TARGET, {
            en: cname ? `${NAME} is a CNAME for ${target}.` : `${NAME} has no CNAME.`,
            zh: cname ? `${NAME} 是 ${target} 的 CNAME。` : `${NAME} 没有 CNAME 记录。`,
          });
        },
      },
    },
  ],
};
