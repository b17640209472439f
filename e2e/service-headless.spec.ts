import { expect, test } from '@playwright/test';
import {
  chainsFor,
  collectErrors,
  createService,
  digOutput,
  kubectlOutput,
  listedChains,
  openApp,
  openTab,
  saveScreenshot,
  seedEndpoints,
  sendPacket,
} from './support.ts';

test('Headless: form → no kube-proxy chains → kubectl None → dig lists every Pod', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await createService(page, {
    type: 'Headless',
    name: 'nginx-hl',
    selector: 'k8s.kuboard.cn/name=nginx',
    portName: 'http',
    port: '80',
    targetPort: '80',
  });
  await expect(page.getByTestId('svc-nginx-hl')).toContainText('Headless');
  await expect(page.getByTestId('svc-nginx-hl')).toContainText('clusterIP: None');

  // kube-proxy skips Services without a ClusterIP: no chain for it on any node.
  const listed = await listedChains(page);
  const chains = chainsFor('default', 'nginx-hl', 'http');
  expect(listed).not.toContain(chains.cluster);
  expect(listed.join(' ')).not.toContain('nginx-hl');
  await saveScreenshot(page, 'headless-rules');

  const svc = await kubectlOutput(page, 'services');
  expect(svc).toMatch(/^nginx-hl +ClusterIP +None +<none> +80\/TCP /m);
  await saveScreenshot(page, 'headless-kubectl');

  const dig = await digOutput(page, 'nginx-hl.default.svc.cluster.local', 'A');
  for (const ep of seedEndpoints())
    expect(dig).toContain(`nginx-hl.default.svc.cluster.local. 30 IN A\t${ep.replace(/:80$/, '')}`);
  expect(dig).toContain('ANSWER: 3,');
  await saveScreenshot(page, 'headless-dns');
  await openTab(page, 'Rules');

  // By name: the headless name resolves to pod IPs and the packet goes straight there, no DNAT.
  const outcome = await sendPacket(page, {
    from: 'pod:default/nginx-59ff7ffd6b-hcqhb',
    to: 'nginx-hl:80',
  });
  expect(outcome).toContain('nginx-hl.default.svc.cluster.local. → ');
  expect(outcome).toMatch(/Delivered to pod default\/nginx-59ff7ffd6b-\w+/);
  expect(outcome).toContain('source IP preserved');
  await expect(page.getByTestId('trace-steps')).not.toContainText('DNAT');
  await saveScreenshot(page, 'headless-trace');
  expect(errors).toEqual([]);
});
