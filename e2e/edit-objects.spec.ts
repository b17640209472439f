import { expect, test } from '@playwright/test';
import {
  collectErrors,
  kubectlOutput,
  listedChains,
  openApp,
  saveScreenshot,
  sepChain,
} from './support.ts';

test('add a Node and a Pod, terminate a Pod, scale, delete — every panel follows', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);

  await page.getByTestId('add-node').click();
  await page.getByTestId('node-name').fill('node3');
  await page.getByTestId('node-submit').click();
  await expect(page.getByTestId('node-node3')).toBeVisible();

  await page.getByTestId('add-pod').click();
  await page.getByTestId('pod-name').fill('nginx-extra');
  await page.getByTestId('pod-node').selectOption('node3');
  await page.getByTestId('pod-labels').fill('k8s.kuboard.cn/name=nginx');
  await page.getByTestId('pod-submit').click();
  await expect(page.getByTestId('pod-nginx-extra')).toBeVisible();
  // The new Pod is an endpoint of nginx: four lines from the Service now.
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  const pods = await kubectlOutput(page, 'pods');
  expect(pods).toMatch(/^nginx-extra +1\/1 +Running +0 +\S+ +10\.244\.\d+\.\d+ +node3 /m);
  await saveScreenshot(page, 'edit-added-node-and-pod');

  // Terminate: the kubectl tab is live and shows the Pod Terminating (still ready: it keeps
  // passing its probe while it shuts down).
  await page.getByTestId('pod-nginx-59ff7ffd6b-g6pgc').click();
  await page.getByTestId('terminate').click();
  await expect(page.getByTestId('pod-nginx-59ff7ffd6b-g6pgc')).toHaveAttribute(
    'data-state',
    'terminating',
  );
  await expect(page.getByTestId('kubectl-output')).toContainText(
    /nginx-59ff7ffd6b-g6pgc +1\/1 +Terminating/,
  );
  expect(await listedChains(page)).not.toContain(
    sepChain('default', 'nginx', 'xsp7pg', '10.244.1.16:80'),
  );
  await saveScreenshot(page, 'edit-terminating');

  // Scale the nginx Pods to 6: two more are created, spread over the nodes.
  await page.getByTestId('pod-nginx-59ff7ffd6b-7vgh2').click();
  await page.getByTestId('scale-count').fill('6');
  await page.getByTestId('scale').click();
  await expect(page.locator('[data-testid^="pod-nginx"]')).toHaveCount(6);
  await saveScreenshot(page, 'edit-scaled');

  // Delete the Service: its shape, its lines and its chains go.
  await page.getByTestId('selected').selectOption('svc:default/nginx');
  await page.getByTestId('delete').click();
  await expect(page.getByTestId('svc-nginx')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  expect((await listedChains(page)).filter((c) => c.startsWith('KUBE-SVC-'))).toEqual([]);
  await saveScreenshot(page, 'edit-deleted-service');

  // Delete a Node: its frame goes.
  await page.getByTestId('selected').selectOption('node:node3');
  await page.getByTestId('delete').click();
  await expect(page.getByTestId('node-node3')).toHaveCount(0);
  expect(errors).toEqual([]);
});
