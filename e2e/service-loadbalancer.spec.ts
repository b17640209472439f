import { expect, test } from '@playwright/test';
import {
  chainLines,
  chainsFor,
  collectErrors,
  createService,
  digOutput,
  kubectlOutput,
  listedChains,
  openApp,
  openTab,
  saveScreenshot,
  sendPacket,
} from './support.ts';

test('LoadBalancer with source ranges: form → KUBE-FW chain → kubectl EXTERNAL-IP → dig', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await createService(page, {
    type: 'LoadBalancer',
    name: 'web-lb',
    selector: 'k8s.kuboard.cn/name=nginx',
    portName: 'https',
    port: '443',
    targetPort: '80',
    lbIP: '192.0.2.10',
    sourceRanges: '203.0.113.0/24',
  });
  await expect(page.getByTestId('svc-web-lb')).toContainText('192.0.2.10');

  const chains = chainsFor('default', 'web-lb', 'https');
  const listed = await listedChains(page);
  for (const c of [chains.cluster, chains.external, chains.firewall]) expect(listed).toContain(c);
  const fw = await chainLines(page, chains.firewall);
  expect(fw.join('\n')).toContain(
    `-s 203.0.113.0/24 -m comment --comment "default/web-lb:https loadbalancer IP" -j ${chains.external}`,
  );
  // Since v1.26 the drop for other sources is in the filter table, naming the KUBE-FW chain.
  const drop = await chainLines(page, 'KUBE-PROXY-FIREWALL', 'filter');
  expect(drop.join('\n')).toContain(
    `-d 192.0.2.10/32 -p tcp -m comment --comment "default/web-lb:https traffic not accepted by ${chains.firewall}" -m tcp --dport 443 -j DROP`,
  );
  await saveScreenshot(page, 'loadbalancer-rules');

  const svc = await kubectlOutput(page, 'services');
  expect(svc).toMatch(/^web-lb +LoadBalancer +10\.\S+ +192\.0\.2\.10 +443:3\d{4}\/TCP /m);
  await saveScreenshot(page, 'loadbalancer-kubectl');

  const dig = await digOutput(page, 'web-lb.default.svc.cluster.local', 'A');
  expect(dig).toMatch(/^web-lb\.default\.svc\.cluster\.local\. 30 IN\tA\t10\.\d+\.\d+\.\d+$/m);
  await saveScreenshot(page, 'loadbalancer-dns');
  await openTab(page, 'Rules');

  // The outside client (172.18.0.100) is not in loadBalancerSourceRanges: dropped, a time-out.
  const refused = await sendPacket(page, { from: 'external', to: '192.0.2.10:443' });
  expect(refused).toContain('Timed out');
  // A client inside the range gets through, masqueraded (eTP Cluster).
  await page.getByTestId('trace-client-ip').fill('203.0.113.9');
  await page.getByTestId('trace-send').click();
  await expect(page.getByTestId('trace-outcome')).toContainText('Delivered to pod default/');
  await expect(page.getByTestId('trace-outcome')).toContainText('masqueraded');
  await expect(page.getByTestId('trace-steps')).toContainText('KUBE-FW-');
  await saveScreenshot(page, 'loadbalancer-trace');
  expect(errors).toEqual([]);
});
