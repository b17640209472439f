import { expect, test } from '@playwright/test';
import { chainLines, collectErrors, listedChains, openApp, saveScreenshot } from './support.ts';

test('300 Pods stay usable: grouped per node, minimap, fit view, zoom', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('pod-nginx-59ff7ffd6b-7vgh2').click();
  // 50 Pods: 25 a node, folded; "show each pod" draws one node's Pods one by one.
  await page.getByTestId('scale-count').fill('50');
  await page.getByTestId('scale').click();
  await expect(page.getByTestId('pod-group')).toHaveCount(2);
  await saveScreenshot(page, 'many-pods-50-grouped');
  await page.getByTestId('group-toggle-node1').click();
  await expect(page.locator('.react-flow__node-pod')).toHaveCount(25);
  await saveScreenshot(page, 'many-pods-50-node1-expanded');
  await page.getByTestId('group-toggle-node1').click();
  await expect(page.locator('.react-flow__node-pod')).toHaveCount(0);

  await page.getByTestId('scale-count').fill('300');
  await page.getByTestId('scale').click();
  await expect(page.getByTestId('notice')).toContainText('scaled to 300');
  // Each node's 150 nginx Pods are one shape that says how many are ready.
  const groups = page.getByTestId('pod-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.first()).toContainText('150 pods');
  await expect(groups.first()).toContainText('150 pods · 150 ready');
  await expect(page.locator('.react-flow__minimap-node').first()).toBeVisible();
  await saveScreenshot(page, 'many-pods-300');

  // Hovering an endpoint's DNAT rule lights the group its Pod was folded into.
  const sep = (await listedChains(page)).find((c) => c.startsWith('KUBE-SEP-')) ?? '';
  await chainLines(page, sep);
  await page.locator(`[data-testid="rule-line"][data-chain="${sep}"]`).nth(1).hover();
  await expect(
    page.locator('.react-flow__node.flow-highlight [data-testid="pod-group"]'),
  ).toHaveCount(1);
  await saveScreenshot(page, 'many-pods-300-hover-group');

  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect(page.getByTestId('svc-nginx')).toBeInViewport();
  await page.getByTestId('tab-kubectl').click();
  await expect(page.getByTestId('kubectl-output')).toContainText('nginx-59ff7ffd6b-');
  expect(
    (await page.getByTestId('kubectl-output').textContent())
      ?.split('\n')
      .filter((l) => l.startsWith('nginx-')).length,
  ).toBe(300);
  await saveScreenshot(page, 'many-pods-300-kubectl');
  expect(errors).toEqual([]);
});
