import { expect, test } from '@playwright/test';
import { EXAMPLE_IDS } from './example-ids.ts';
import { collectErrors, exampleCluster, openApp, saveScreenshot } from './support.ts';

test('every example opens from the menu, draws its Services and Pods, with no console errors', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  const offered = await page
    .getByTestId('examples')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual(EXAMPLE_IDS);
  for (const id of EXAMPLE_IDS) {
    await page.getByTestId('examples').selectOption(id);
    const cluster = exampleCluster(id);
    for (const svc of cluster.services)
      await expect(page.getByTestId(`svc-${svc.metadata.name}`)).toBeVisible();
    await expect(page.locator('.react-flow__node-pod')).toHaveCount(cluster.pods.length);
    await expect(page.getByTestId('rule-line').first()).toBeVisible();
    await saveScreenshot(page, `example-${id}`);
  }
  expect(errors).toEqual([]);
});
