import { expect, test } from '@playwright/test';
import { collectErrors, saveScreenshot } from './support.ts';

test('the app opens on the topology canvas and the side panel, with no console errors', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await expect(page.getByTestId('topology').locator('.react-flow')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByTestId('side-panel')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Rules' })).toBeVisible();
  await saveScreenshot(page, 'first-screen');
  expect(errors).toEqual([]);
});
