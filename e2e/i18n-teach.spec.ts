import { expect, test } from '@playwright/test';
import { collectErrors, saveScreenshot } from './support.ts';

test.use({ locale: 'zh-CN' });

test('in Chinese, the lessons, share and presentation controls speak Chinese too', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: '课程' }).click();
  await expect(page.getByText('引导式课程')).toBeVisible();
  await saveScreenshot(page, 'i18n-zh-lessons');
  expect(errors).toEqual([]);
});
