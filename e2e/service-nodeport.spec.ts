import { expect, test } from '@playwright/test';
import {
  chainLines,
  chainsFor,
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

test('NodePort with externalTrafficPolicy Local: form → chains → kubectl → dig SRV', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await createService(page, {
    type: 'NodePort',
    name: 'web-np',
    selector: 'k8s.kuboard.cn/name=nginx',
    portName: 'http',
    port: '8080',
    targetPort: '80',
    nodePort: '30080',
    externalTrafficPolicy: 'Local',
  });
  await expect(page.getByTestId('svc-web-np')).toContainText('8080:30080/TCP');
  await expect(page.getByTestId('svc-web-np')).toContainText('externalTrafficPolicy: Local');

  const chains = chainsFor('default', 'web-np', 'http');
  const listed = await listedChains(page);
  for (const c of [chains.cluster, chains.external, chains.local]) expect(listed).toContain(c);
  for (const ep of seedEndpoints())
    expect(listed).toContain(sepChain('default', 'web-np', 'http', ep));
  const nodePorts = await chainLines(page, 'KUBE-NODEPORTS');
  expect(nodePorts).toContain(
    `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web-np:http" -m tcp --dport 30080 -j ${chains.external}`,
  );
  await saveScreenshot(page, 'nodeport-rules');

  const svc = await kubectlOutput(page, 'services');
  expect(svc).toMatch(/^web-np +NodePort +10\.\S+ +<none> +8080:30080\/TCP /m);
  await saveScreenshot(page, 'nodeport-kubectl');

  const dig = await digOutput(page, '_http._tcp.web-np.default.svc.cluster.local', 'SRV');
  expect(dig).toMatch(
    /^_http\._tcp\.web-np\.default\.svc\.cluster\.local\. 30\s+IN SRV 0 100 8080 web-np\.default\.svc\.cluster\.local\.$/m,
  );
  await saveScreenshot(page, 'nodeport-dns');
  await openTab(page, 'Rules');

  // From outside to node1's NodePort: eTP Local keeps the client's address.
  const outcome = await sendPacket(page, { from: 'external', to: '172.18.0.3:30080' });
  expect(outcome).toContain('source IP preserved');
  expect(outcome).toMatch(/Delivered to pod default\/nginx-59ff7ffd6b-\w+ on node1/);
  await saveScreenshot(page, 'nodeport-trace');
  // To node2's NodePort: its one local endpoint, still the client's own address.
  const second = await sendPacket(page, { from: 'external', to: '172.18.0.4:30080' });
  expect(second).toContain('Delivered to pod default/nginx-59ff7ffd6b-7vgh2 on node2');
  expect(second).toContain('172.18.0.100');
  await expectPacketDeliveredAt(page, 'pod:default/nginx-59ff7ffd6b-7vgh2');
  await expectDnatLit(page, '10.244.2.12:80');
  expect(errors).toEqual([]);
});
