import { expect, test } from '@playwright/test';
import {
  chainLines,
  collectErrors,
  listedChains,
  openApp,
  saveScreenshot,
  sepChain,
} from './support.ts';

const POD = 'nginx-59ff7ffd6b-hcqhb'; // 10.244.1.14 on node1
const SEP = sepChain('default', 'nginx', 'xsp7pg', '10.244.1.14:80');

test('a Pod going not ready drops its KUBE-SEP chain (diff), undo restores it, reload keeps it', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  expect(await listedChains(page)).toContain(SEP);

  await page.getByTestId(`pod-${POD}`).click();
  await expect(page.getByTestId('selected')).toHaveValue(`pod:default/${POD}`);
  await page.getByTestId('toggle-ready').click();
  await expect(page.getByTestId('notice')).toContainText(`${POD} is now not ready`);
  await expect(page.getByTestId(`pod-${POD}`)).toHaveAttribute('data-state', 'not-ready');
  await expect(page.locator('.react-flow__edge.flow-edge-not-ready')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge-text', { hasText: 'not ready' })).toHaveCount(1);

  // The diff: the endpoint's chain and its jump vanished; the two left split 0.5/0.5.
  expect(await listedChains(page)).not.toContain(SEP);
  await page.getByTestId('rules-diff').check();
  await expect(page.getByTestId('diff-summary')).toContainText('−');
  const removed = await page.getByTestId('rule-removed').allTextContents();
  expect(removed.some((l) => l.includes(`:${SEP} - [0:0]`))).toBe(true);
  expect(removed.some((l) => l.includes(`-j ${SEP}`))).toBe(true);
  expect(removed.some((l) => l.includes(`-A ${SEP} -p tcp`))).toBe(true);
  const svc = await chainLines(page, 'KUBE-SVC-ZUZW5FVTOFNMWE2A');
  expect(svc.join('\n')).toContain('--probability 0.50000000000');
  await saveScreenshot(page, 'pod-not-ready-diff');

  await page.getByTestId('undo').click();
  await expect(page.getByTestId(`pod-${POD}`)).toHaveAttribute('data-state', 'ready');
  expect(await listedChains(page)).toContain(SEP);
  await saveScreenshot(page, 'pod-not-ready-undone');

  await page.getByTestId('redo').click();
  await expect(page.getByTestId(`pod-${POD}`)).toHaveAttribute('data-state', 'not-ready');
  await page.reload();
  await expect(page.getByTestId(`pod-${POD}`)).toHaveAttribute('data-state', 'not-ready');
  expect(await listedChains(page)).not.toContain(SEP);
  await saveScreenshot(page, 'pod-not-ready-after-reload');
  expect(errors).toEqual([]);
});
