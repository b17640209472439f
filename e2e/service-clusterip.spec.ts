import { expect, test } from '@playwright/test';
import {
  chainLines,
  chainsFor,
  clusterIPIn,
  collectErrors,
  createService,
  digOutput,
  kubectlOutput,
  listedChains,
  openApp,
  openTab,
  saveScreenshot,
  seedEndpoints,
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
  expect(errors).toEqual([]);
});
