import { expect, test } from '@playwright/test';
import { collectErrors, openApp, saveScreenshot } from './support.ts';

test.use({ reducedMotion: 'reduce' });

test('keyboard only: tabs by arrow keys, a dialog opens and closes, a Pod is edited', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);

  // Tabs: one tab stop; arrows move and activate.
  const rules = page.getByRole('tab', { name: 'Rules' });
  await rules.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'DNS' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'DNS' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-DNS');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'YAML' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rules).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'kubectl' })).toHaveAttribute('tabindex', '-1');

  // Every button has a name a screen reader can say.
  const unnamed = await page
    .locator('button')
    .evaluateAll(
      (bs) => bs.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length,
    );
  expect(unnamed).toBe(0);

  // "+ Service" by keyboard; Escape closes the dialog and focus comes back to the page.
  await page.getByTestId('add-service').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('service-dialog')).toBeVisible();
  expect(
    await page.getByTestId('service-dialog').evaluate((d) => d.contains(document.activeElement)),
  ).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('service-dialog')).toBeHidden();

  // Select a Pod without the mouse and make it not ready.
  await page.getByTestId('selected').focus();
  await page.getByTestId('selected').selectOption('pod:default/nginx-59ff7ffd6b-hcqhb');
  await page.getByTestId('toggle-ready').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pod-nginx-59ff7ffd6b-hcqhb')).toHaveAttribute(
    'data-state',
    'not-ready',
  );
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('pod-nginx-59ff7ffd6b-hcqhb')).toHaveAttribute(
    'data-state',
    'ready',
  );
  await saveScreenshot(page, 'keyboard-reduced-motion');
  expect(errors).toEqual([]);
});
