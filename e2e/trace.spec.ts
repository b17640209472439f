import { expect, test } from '@playwright/test';
import { collectErrors, saveScreenshot } from './support.ts';

// The seed: nginx-59ff7ffd6b-hcqhb (10.244.1.14, node1) sends to the ClusterIP 10.99.62.169:80.
const FROM = 'pod:default/nginx-59ff7ffd6b-hcqhb';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await page.getByRole('tab', { name: 'Trace' }).click();
});

test('send one packet to the ClusterIP: DNAT to the forced endpoint, rules lit, the reply back', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.getByTestId('trace-from').selectOption(FROM);
  await page.getByTestId('trace-to').fill('10.99.62.169:80');
  await page.getByTestId('trace-send').click();
  await expect(page.getByTestId('trace-outcome')).toContainText('Delivered to pod default/');
  // Force the endpoint on the other node and walk to the DNAT step.
  await page.getByTestId('trace-endpoint').selectOption('10.244.2.12:80');
  await page.getByTestId('trace-send').click();
  await expect(page.getByTestId('trace-outcome')).toContainText(
    'Delivered to pod default/nginx-59ff7ffd6b-7vgh2 on node2 at 10.244.2.12:80',
  );
  await expect(page.getByTestId('trace-outcome')).toContainText('source IP preserved');
  const dnat = page
    .getByTestId('trace-steps')
    .getByRole('button', { name: /KUBE-SEP-WAFDPEMEUUYA22C5 rule 2 → DNAT/ });
  await dnat.click();
  await expect(page.getByTestId('trace-rule')).toHaveText(
    '-A KUBE-SEP-WAFDPEMEUUYA22C5 -p tcp -m comment --comment "default/nginx:xsp7pg" -m tcp -j DNAT --to-destination 10.244.2.12:80',
  );
  await expect(page.getByTestId('trace-addresses')).toContainText('⇒');
  await expect(page.getByTestId('packet')).toHaveAttribute('data-at', 'svc:default/nginx');
  await saveScreenshot(page, 'trace-dnat-step');
  // The Rules tab shows node1 with that rule lit.
  await page.getByTestId('trace-show-rules').click();
  await expect(
    page.locator('.rule-lit').filter({ hasText: 'DNAT --to-destination 10.244.2.12:80' }),
  ).toBeVisible();
  await saveScreenshot(page, 'trace-rules-lit');
  await page.getByRole('tab', { name: 'Trace' }).click();
  // The last step: the reply is delivered back, from the ClusterIP.
  await page.getByRole('button', { name: 'Last step' }).click();
  await expect(page.getByTestId('trace-step')).toContainText('reply');
  await expect(page.getByTestId('trace-addresses')).toContainText('10.99.62.169:80 →');
  await expect(page.getByTestId('packet')).toHaveAttribute(
    'data-at',
    `pod:default/nginx-59ff7ffd6b-hcqhb`,
  );
  expect(errors).toEqual([]);
});

test('send 100 draws the distribution over the three endpoints', async ({ page }) => {
  await page.getByTestId('trace-from').selectOption(FROM);
  await page.getByTestId('trace-to').fill('nginx.default.svc.cluster.local:80');
  await page.getByTestId('trace-send-100').click();
  const chart = page.getByTestId('trace-chart');
  await expect(chart).toContainText('10.244.1.14:80');
  await expect(chart).toContainText('10.244.1.16:80');
  await expect(chart).toContainText('10.244.2.12:80');
  await expect(chart).toContainText('33.3%');
  await expect(page.getByTestId('trace-outcome')).toContainText(
    'nginx.default.svc.cluster.local. → 10.99.62.169',
  );
  await saveScreenshot(page, 'trace-send-100');
});

test('a bad destination is explained, nothing else changes', async ({ page }) => {
  await page.getByTestId('trace-to').fill('10.99.62.169');
  await page.getByTestId('trace-send').click();
  await expect(page.getByTestId('trace-error')).toContainText('expected HOST:PORT');
});
