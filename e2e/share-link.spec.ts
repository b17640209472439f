/**
 * Share links in the browser: a link made by `svclab share` opens the seed with its rules; a
 * changed scenario shared from the app opens the same in a fresh browser; a broken link says why
 * and leaves the saved work alone.
 */
import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { encodeShareLink } from '../src/core/index.ts';
import {
  exampleText,
  listedChains,
  openApp,
  openTab,
  saveScreenshot,
  sepChain,
} from './support.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE = `http://127.0.0.1:${PORT}/`;
const POD = 'nginx-59ff7ffd6b-hcqhb'; // 10.244.1.14 on node1
const SEP = sepChain('default', 'nginx', 'xsp7pg', '10.244.1.14:80');
const STORAGE_KEY = 'k8s-service-lab.scenario.v1';

/** The CLI's link for the seed (the same command a blog author runs). */
function cliLink(): string {
  return execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/bin.ts', 'share', 'src/examples/seed-nginx.yaml', '--base', BASE],
    { encoding: 'utf8' },
  ).trim();
}

async function shareFromApp(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const url = page.getByTestId('share-url');
  await expect(url).toBeVisible({ timeout: 20_000 });
  return url.inputValue();
}

test('a link made by `svclab share` opens the seed with its rules', async ({ page }) => {
  const link = cliLink();
  expect(link).toMatch(new RegExp(`^${BASE.replace(/[./]/g, '\\$&')}#v1\\.`));
  expect(link.length).toBeLessThan(600);
  await page.goto(link);
  await expect(page.getByTestId('app-notice')).toHaveAttribute('data-kind', 'ok');
  await expect(page.getByTestId(`pod-${POD}`)).toBeVisible();
  expect(await listedChains(page)).toContain(SEP);
  // The fragment is consumed: a reload shows the (saved) scenario, not the link again.
  expect(new URL(page.url()).hash).toBe('');
  await saveScreenshot(page, 'share-cli-link-seed');
});

test('change, share, open in a fresh browser: the same scenario and view', async ({
  page,
  browser,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByTestId(`pod-${POD}`).click();
  await page.getByTestId('toggle-ready').click();
  await expect(page.getByTestId(`pod-${POD}`)).toHaveAttribute('data-state', 'not-ready');
  await page.getByTestId('rules-node').selectOption('node2');
  await openTab(page, 'kubectl');
  const url = await shareFromApp(page);
  await expect(page.getByTestId('share-copied')).toContainText('copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(page.getByTestId('share-length')).toHaveAttribute('data-size', 'ok');
  await saveScreenshot(page, 'share-popover');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByRole('tab', { name: 'kubectl' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(other.getByTestId(`pod-${POD}`)).toHaveAttribute('data-state', 'not-ready');
  await openTab(other, 'Rules');
  await expect(other.getByTestId('rules-node')).toHaveValue('node2');
  expect(await listedChains(other)).not.toContain(SEP);
  // Same cluster: the kubectl view of both is the same text.
  await openTab(other, 'kubectl');
  await page.getByTestId('share-close').click();
  await openTab(page, 'kubectl');
  expect(await other.getByTestId('panel-kubectl').textContent()).toBe(
    await page.getByTestId('panel-kubectl').textContent(),
  );
  await fresh.close();
});

test('a truncated or tampered link: a clear message, and the saved work stays', async ({
  page,
}) => {
  const link = cliLink();
  await openApp(page);
  await page.getByTestId('examples').selectOption('nodeport');
  await expect(page.getByTestId('pod-web-7c5d8f9b6d-2xkqp')).toBeVisible();
  const saved = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);

  const hash = link.slice(link.indexOf('#'));
  const broken = [
    hash.slice(0, Math.floor(hash.length / 2)), // cut by a chat app
    `${hash.slice(0, 20)}${hash[20] === 'A' ? 'B' : 'A'}${hash.slice(21)}`, // one character changed
    '#v99.AAAA', // from a newer app
  ];
  for (const [i, h] of broken.entries()) {
    await page.goto(`/${h}`);
    const notice = page.getByTestId('app-notice');
    await expect(notice).toHaveAttribute('data-kind', 'error');
    await expect(notice).toContainText(
      'This link cannot be opened. Your saved scenario is unchanged.',
    );
    // The core's own diagnostic is shown (not a generic failure).
    expect((await notice.locator('li').allInnerTexts()).join(' ').length).toBeGreaterThan(10);
    if (i === 0) await saveScreenshot(page, 'share-broken-link');
    await expect(page.getByTestId('pod-web-7c5d8f9b6d-2xkqp')).toBeVisible();
    expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(saved);
  }
});

test('a link carries a lesson step and a packet trace', async ({ page }) => {
  const link = encodeShareLink(
    {
      scenario: exampleText('nodeport'),
      view: {
        panel: 'Trace',
        trace: { from: 'external', to: '10.132.0.12:30080', protocol: 'TCP' },
        lesson: { id: 'nodeport', step: 2 },
      },
    },
    { base: BASE },
  );
  if (!link.ok) throw new Error('the example must encode');
  await page.goto(link.url);
  const drawer = page.getByTestId('lesson-drawer');
  await expect(drawer.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  await expect(drawer).toContainText('Who does the Pod see?');
  await expect(page.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('trace-outcome')).toContainText('Delivered to pod default/web-');
  await saveScreenshot(page, 'share-link-lesson-trace');
});
