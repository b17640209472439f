/**
 * Files and long links: Export YAML / Import YAML (a file, or pasted kubectl `List` output)
 * round-trip; the canvas exports as PNG and SVG; a long link warns, a very long one offers the
 * file instead; without clipboard access the link is selected to copy by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { parseAllDocuments } from 'yaml';
import {
  exampleText,
  listedChains,
  openApp,
  SCREENSHOTS,
  saveScreenshot,
  sepChain,
} from './support.ts';

const STORAGE_KEY = 'k8s-service-lab.scenario.v1';
const SEP = sepChain('default', 'nginx', 'xsp7pg', '10.244.1.14:80');

async function savedText(page: Page): Promise<string> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
  return (JSON.parse(raw ?? '{}') as { text?: string }).text ?? '';
}

async function fileMenu(page: Page, item: string) {
  await page.getByTestId('file-menu').click();
  await page.getByTestId(item).click();
}

async function importText(page: Page, text: string) {
  await fileMenu(page, 'import-yaml');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-text').fill(text);
  await dialog.getByTestId('import-apply').click();
}

/** The seed plus `n` Pods with random names and labels: links that do not compress away. */
function bigScenario(n: number, labels: number): string {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const word = (len: number) =>
    Array.from({ length: len }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[rnd() % 36]).join('');
  const pods = Array.from(
    { length: n },
    (_, i) =>
      `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${word(10)}\n  namespace: default\n  labels:\n${Array.from({ length: labels }, (_, j) => `    l${j}: ${word(40)}\n`).join('')}spec:\n  nodeName: node${(i % 2) + 1}\n  containers:\n    - name: app\n      image: nginx:1.25\n`,
  );
  return exampleText('seed-nginx') + pods.join('');
}

test('Export YAML, then Import the file: the same scenario', async ({ page }) => {
  await openApp(page);
  const seed = exampleText('seed-nginx');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    fileMenu(page, 'export-yaml'),
  ]);
  expect(download.suggestedFilename()).toBe('scenario.yaml');
  const path = test.info().outputPath('scenario.yaml');
  await download.saveAs(path);
  expect(readFileSync(path, 'utf8')).toBe(seed);

  await page.getByTestId('examples').selectOption('nodeport');
  await fileMenu(page, 'import-yaml');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(path);
  await expect(dialog.getByTestId('import-text')).toHaveValue(seed);
  await dialog.getByTestId('import-apply').click();
  await expect(page.getByTestId('app-notice')).toContainText('Imported scenario.yaml');
  expect(await savedText(page)).toBe(seed);
  expect(await listedChains(page)).toContain(SEP);
});

test('Import the List that kubectl get -o yaml prints; rejected YAML changes nothing', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('examples').selectOption('nodeport');
  const before = await savedText(page);
  await importText(
    page,
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\nspec:\n  ports:\n    - port: 99999\n',
  );
  await expect(page.getByTestId('import-errors')).toBeVisible();
  await saveScreenshot(page, 'share-import-rejected');
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Cancel' }).click();
  expect(await savedText(page)).toBe(before);

  const items = parseAllDocuments(exampleText('seed-nginx')).map((d) => d.toJSON());
  const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
  await importText(page, JSON.stringify(list, null, 2));
  await expect(page.getByTestId('pod-nginx-59ff7ffd6b-hcqhb')).toBeVisible();
  expect(await listedChains(page)).toContain(SEP);
});

test('the canvas exports as PNG and SVG', async ({ page }) => {
  await openApp(page);
  const [png] = await Promise.all([page.waitForEvent('download'), fileMenu(page, 'export-png')]);
  expect(png.suggestedFilename()).toBe('k8s-service-lab.png');
  await png.saveAs(join(SCREENSHOTS, 'share-export-canvas.png'));
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.length).toBeGreaterThan(10_000);
  const [svg] = await Promise.all([page.waitForEvent('download'), fileMenu(page, 'export-svg')]);
  const text = readFileSync(await svg.path(), 'utf8');
  expect(text).toMatch(/^<svg /);
  expect(text).toContain('nginx-59ff7ffd6b-hcqhb');
});

test('a long link warns; a very long one offers the file instead', async ({ page }) => {
  test.setTimeout(90_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await importText(page, bigScenario(25, 2));
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-length')).toHaveAttribute('data-size', 'warn');
  await expect(page.getByTestId('share-warn')).toContainText('link shorteners');
  await saveScreenshot(page, 'share-long-warn');
  await page.getByTestId('share-close').click();

  await importText(page, bigScenario(80, 3));
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-length')).toHaveAttribute('data-size', 'download');
  await expect(page.getByTestId('share-copied')).toHaveCount(0);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('share-download').click(),
  ]);
  expect(readFileSync(await file.path(), 'utf8')).toBe(await savedText(page));
  await saveScreenshot(page, 'share-too-long');
});

test('without clipboard access, the link is selected to copy by hand', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('NotAllowedError')) },
    });
  });
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-copied')).toContainText('copy it (Ctrl+C)');
  const url = page.getByTestId('share-url');
  const selected = await url.evaluate((el: HTMLInputElement) =>
    el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
  );
  expect(selected).toBe(await url.inputValue());
});
