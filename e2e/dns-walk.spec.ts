import { expect, test } from '@playwright/test';
import { collectErrors, saveScreenshot } from './support.ts';

test('DNS tab: dig asks the name as typed; +search and getaddrinfo walk the search list', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await page.getByRole('tab', { name: 'DNS' }).click();
  await page.getByTestId('dns-pod').selectOption('default/nginx-59ff7ffd6b-hcqhb');
  await page.getByTestId('dns-name').fill('nginx');
  await page.getByTestId('dns-type').selectOption('A');
  // dig without +search asks "nginx." itself: the upstream has no such name.
  await expect(page.getByTestId('dns-output')).toContainText('status: NXDOMAIN');
  await expect(page.getByTestId('dns-walk')).toContainText('nginx.default.svc.cluster.local.');
  await expect(page.getByTestId('dns-walk')).toContainText('stop');
  await page.getByTestId('dns-name').fill('nginx +search');
  await expect(page.getByTestId('dns-output')).toContainText(
    /nginx\.default\.svc\.cluster\.local\.\s+30\s+IN\s+A\s+10\.99\.62\.169/,
  );
  await page.getByText("The Pod's /etc/resolv.conf").click();
  await expect(page.getByTestId('dns-resolv-conf')).toContainText(
    'search default.svc.cluster.local svc.cluster.local cluster.local',
  );
  await expect(page.getByTestId('dns-resolv-conf')).toContainText('nameserver 10.96.0.10');
  await expect(page.getByTestId('dns-resolv-conf')).toContainText('options ndots:5');
  await saveScreenshot(page, 'dns-search-walk');
  expect(errors).toEqual([]);
});
