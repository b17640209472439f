/**
 * `?embed`: a read-only view for an iframe — the canvas and one panel, no editing controls — with
 * "Open in the app" carrying the same state; it never writes over the reader's saved work.
 */
import { expect, test } from '@playwright/test';
import { encodeShareLink } from '../src/core/index.ts';
import { exampleText, openApp, saveScreenshot } from './support.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const STORAGE_KEY = 'k8s-service-lab.scenario.v1';

test('an embedded NodePort link: canvas and Rules, nothing to edit, open in the app', async ({
  page,
}) => {
  const link = encodeShareLink(
    { scenario: exampleText('nodeport'), view: { panel: 'Rules', node: 'worker-2' } },
    { base: `http://127.0.0.1:${PORT}/?embed` },
  );
  if (!link.ok) throw new Error('the example must encode');
  await openApp(page); // the reader's own saved work: the seed
  await page.getByTestId('examples').selectOption('session-affinity');
  const saved = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);

  await page.setViewportSize({ width: 960, height: 540 });
  await page.goto(link.url);
  await expect(page.getByTestId('pod-web-7c5d8f9b6d-2xkqp')).toBeVisible();
  await expect(page.getByTestId('panel-Rules')).toBeVisible();
  await expect(page.getByTestId('rules-node')).toHaveValue('worker-2');
  await expect(page.locator('.app-header')).toHaveCount(0);
  await expect(page.getByTestId('add-pod')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'YAML' })).toHaveCount(0);
  const open = page.getByTestId('embed-open');
  await expect(open).toHaveAttribute('href', `http://127.0.0.1:${PORT}/#${link.fragment}`);
  await saveScreenshot(page, 'embed-nodeport');
  expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(saved);

  // "Open in the app" opens the full app on the same scenario and view.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
  await expect(tab.getByTestId('pod-web-7c5d8f9b6d-2xkqp')).toBeVisible();
  await expect(tab.locator('.app-header')).toBeVisible();
  await expect(tab.getByTestId('rules-node')).toHaveValue('worker-2');
});
