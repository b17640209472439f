import { expect, test } from '@playwright/test';
import { collectErrors, openApp, saveScreenshot, submitServiceForm } from './support.ts';

test("invalid input shows the API server's message next to the field and changes nothing", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  const before = await page.locator('.react-flow__node').count();
  await submitServiceForm(page, {
    type: 'NodePort',
    name: 'web',
    selector: 'k8s.kuboard.cn/name=nginx',
    port: '80',
    targetPort: '80',
    nodePort: '80',
  });
  const dialog = page.getByTestId('service-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('error-spec.ports[0]')).toContainText(
    'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
  );
  // Once, next to the port's row (not again under the list of ports).
  await expect(dialog.getByText('provided port is not in the valid range')).toHaveCount(1);
  await saveScreenshot(page, 'invalid-nodeport');

  await dialog.getByTestId('port-nodeport-0').fill('');
  await dialog.getByTestId('svc-name').fill('Web_1');
  await dialog.getByTestId('svc-submit').click();
  await expect(dialog.getByTestId('error-metadata.name')).toContainText(
    'metadata.name: Invalid value: "Web_1": a DNS-1035 label must consist of lower case alphanumeric characters',
  );
  await saveScreenshot(page, 'invalid-name');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Nothing changed: no new shape, nothing to undo.
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
  await expect(page.getByTestId('undo')).toBeDisabled();
  expect(errors).toEqual([]);
});
