import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../../i18n/index.ts';
import { localizeDestination, localizeSource, localizeStepTitle } from './localize.ts';

const samples = {
  source: [
    'pod default/client (10.244.1.5, node1)',
    'pod default/hn (host network, node2)',
    'pod default/p (no IP, unscheduled)',
    'node node1',
    'external client (203.0.113.7)',
  ],
  destination: [
    'nginx.default.svc.cluster.local:80 (DNS name)',
    '10.96.0.20:80 (ClusterIP default/nginx:http/tcp)',
    '172.18.0.2:30080 (NodePort default/nginx:http on node1)',
  ],
  title: [
    'node1 · nat PREROUTING · KUBE-SERVICES rule 3 → KUBE-SVC-ZUZW5FVTOFNMWE2A',
    'node1 · filter INPUT · KUBE-FIREWALL policy → ACCEPT',
    'node1 · route',
  ],
};

describe('trace labels', () => {
  it('are unchanged in English', async () => {
    await setLanguage('en', false);
    const t = i18n.t;
    for (const s of samples.source) expect(localizeSource(s, t)).toBe(s);
    for (const s of samples.destination) expect(localizeDestination(s, t)).toBe(s);
    for (const s of samples.title) expect(localizeStepTitle(s, t)).toBe(s);
  });

  describe('in Chinese', () => {
    beforeAll(() => setLanguage('zh', false));
    it('translate our words and keep addresses, names and chains', () => {
      const t = i18n.t;
      expect(samples.source.map((s) => localizeSource(s, t))).toEqual([
        'pod default/client (10.244.1.5, node1)',
        'pod default/hn (主机网络, node2)',
        'pod default/p (无 IP, 未调度)',
        'node node1',
        '外部客户端 (203.0.113.7)',
      ]);
      expect(samples.destination.map((s) => localizeDestination(s, t))).toEqual([
        'nginx.default.svc.cluster.local:80 (DNS 名称)',
        '10.96.0.20:80 (ClusterIP default/nginx:http/tcp)',
        '172.18.0.2:30080 (NodePort default/nginx:http，位于 node1)',
      ]);
      expect(samples.title.map((s) => localizeStepTitle(s, t))).toEqual([
        'node1 · nat PREROUTING · KUBE-SERVICES 第 3 条规则 → KUBE-SVC-ZUZW5FVTOFNMWE2A',
        'node1 · filter INPUT · KUBE-FIREWALL 默认策略 → ACCEPT',
        'node1 · route',
      ]);
    });
  });
});
