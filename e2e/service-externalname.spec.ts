import { expect, test } from '@playwright/test';
import {
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

test('ExternalName: form → no chains → kubectl EXTERNAL-IP → dig CNAME', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await createService(page, {
    type: 'ExternalName',
    name: 'billing-db',
    externalName: 'billing.postgres.database.example.com',
  });
  await expect(page.getByTestId('svc-billing-db')).toContainText(
    'billing.postgres.database.example.com',
  );
  expect((await listedChains(page)).join(' ')).not.toContain('billing-db');
  await saveScreenshot(page, 'externalname-rules');

  const svc = await kubectlOutput(page, 'services');
  expect(svc).toMatch(
    /^billing-db +ExternalName +<none> +billing\.postgres\.database\.example\.com +<none> /m,
  );
  await saveScreenshot(page, 'externalname-kubectl');

  const dig = await digOutput(page, 'billing-db.default.svc.cluster.local', 'CNAME');
  expect(dig).toMatch(
    /^billing-db\.default\.svc\.cluster\.local\. 30\s+IN\s+CNAME\s+billing\.postgres\.database\.example\.com\.$/m,
  );
  await saveScreenshot(page, 'externalname-dns');
  await openTab(page, 'Rules');

  // By name: CoreDNS answers with the CNAME; the outside name is unknown upstream, so a program
  // in the pod gets no address and nothing is sent.
  const outcome = await sendPacket(page, {
    from: 'pod:default/nginx-59ff7ffd6b-hcqhb',
    to: 'billing-db:5432',
  });
  expect(outcome).toContain('does not resolve');
  await saveScreenshot(page, 'externalname-trace');
  expect(errors).toEqual([]);
});
