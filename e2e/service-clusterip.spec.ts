import { expect, test } from '@playwright/test';
import {
  chainLines,
  chainsFor,
  clusterIPIn,
  collectErrors,
  createService,
  digOutput,
  expectDnatLit,
  expectPacketDeliveredAt,
  kubectlOutput,
  listedChains,
  openApp,
  openTab,
  saveScreenshot,
  seedEndpoints,
  sendPacket,
  sepChain,
} from './support.ts';

test('ClusterIP with session affinity: form → chains → kubectl → dig', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await createService(page, {
    type: 'ClusterIP',
    name: 'web',
    selector: 'k8s.kuboard.cn/name=nginx',
    portName: 'http',
    port: '8080',
    targetPort: '80',
    sessionAffinity: 'ClientIP',
    affinityTimeout: '600',
  });
  await expect(page.getByTestId('svc-web')).toContainText('ClusterIP');

  const chains = chainsFor('default', 'web', 'http');
  const listed = await listedChains(page);
  expect(listed).toContain(chains.cluster);
  const seps = seedEndpoints().map((ep) => sepChain('default', 'web', 'http', ep));
  for (const sep of seps) expect(listed).toContain(sep);
  const svcLines = await chainLines(page, chains.cluster);
  expect(svcLines.join('\n')).toContain(
    `-m recent --rcheck --seconds 600 --reap --name ${seps[0]}`,
  );
  await saveScreenshot(page, 'clusterip-rules');

  const svc = await kubectlOutput(page, 'services');
  expect(svc).toMatch(/^web +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +8080\/TCP /m);
  const ip = clusterIPIn(svc, 'web');
  const describe = await kubectlOutput(page, 'describe', 'default/web');
  expect(describe).toMatch(/^Session Affinity: +ClientIP$/m);
  await saveScreenshot(page, 'clusterip-kubectl');

  const dig = await digOutput(page, 'web.default.svc.cluster.local', 'A');
  expect(dig).toContain(`web.default.svc.cluster.local. 30 IN\tA\t${ip}`);
  await saveScreenshot(page, 'clusterip-dns');
  await openTab(page, 'Rules');

  // A packet to the new ClusterIP: DNAT to an endpoint, the line lit, the pod reached; with
  // sessionAffinity ClientIP the next packet from the same pod goes to the same endpoint.
  const first = await sendPacket(page, {
    from: 'pod:default/nginx-59ff7ffd6b-hcqhb',
    to: 'web.default.svc.cluster.local:8080',
  });
  const m = /Delivered to pod (default\/\S+) on \w+ at ([\d.]+:\d+)/.exec(first);
  expect(m, first).not.toBeNull();
  const [, pod = '', endpoint = ''] = m ?? [];
  await expectPacketDeliveredAt(page, `pod:${pod}`);
  await saveScreenshot(page, 'clusterip-trace');
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('trace-send').click();
    await expect(page.getByTestId('trace-outcome')).toContainText(`Delivered to pod ${pod} `);
  }
  await expectDnatLit(page, endpoint);
  expect(errors).toEqual([]);
});
