/**
 * Presentation mode: no chrome, large type, a clicker (PageDown/PageUp) or the arrow keys step
 * through the lesson, or the trace when no lesson is open; a pointer highlight follows the mouse.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, openApp, saveScreenshot } from './support.ts';

test.use({ viewport: { width: 1280, height: 720 } });

test('a lesson on the projector: 1280×720, clicker keys step it, a pointer spot', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('lessons').click();
  await page.getByTestId('lesson-seed-clusterip').click();
  await page.goto('./?present');
  // The lesson is not in the URL here: open it again in presentation mode.
  await expect(page.getByTestId('present-exit')).toBeVisible();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('add-pod')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.locator('.app-header')).toBeVisible();
  await page.getByTestId('lessons').click();
  await page.getByTestId('lesson-seed-clusterip').click();
  await page.getByTestId('present').click();
  await expect(page.locator('.app-header')).toBeHidden();

  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-step', '0');
  await page.keyboard.press('PageDown');
  await expect(step).toHaveAttribute('data-step', '1');
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-step', '2');
  await expect(page.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('PageUp');
  await expect(step).toHaveAttribute('data-step', '1');

  // Large type: the lesson text is at least 20px.
  const size = await step
    .locator('p')
    .nth(1)
    .evaluate((el) => getComputedStyle(el).fontSize);
  expect(Number.parseFloat(size)).toBeGreaterThanOrEqual(20);

  await page.mouse.move(400, 420);
  await expect(page.getByTestId('pointer-spot')).toBeVisible();
  await saveScreenshot(page, 'present-lesson-1280x720');

  // Collapsed, the drawer shows the canvas behind it; the clicker still steps the lesson.
  await page.getByTestId('lesson-collapse').click();
  await expect(step).toBeHidden();
  await page.keyboard.press('PageDown');
  await page.getByTestId('lesson-collapse').click();
  await expect(step).toHaveAttribute('data-step', '2');
  expect(errors).toEqual([]);
});

test('without a lesson, the keys step through the packet trace', async ({ page }) => {
  await openApp(page);
  await page.goto('./?present');
  await page.getByRole('tab', { name: 'Trace' }).click();
  await page.getByTestId('trace-send').click();
  const count = page.getByTestId('trace-count');
  await expect(count).toBeVisible();
  await page.locator('.app-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home'); // not a step key: nothing happens
  await page.keyboard.press('ArrowLeft'); // pauses the player, one step back
  const at = Number((await count.textContent())?.match(/step (\d+)/)?.[1]);
  await page.keyboard.press('PageDown');
  await expect(count).toContainText(`step ${at + 1} /`);
  await page.keyboard.press('PageDown');
  await expect(count).toContainText(`step ${at + 2} /`);
  await saveScreenshot(page, 'present-trace-1280x720');

  // C: the canvas alone, refitted to the whole width: the packet's path, large.
  await page.keyboard.press('c');
  await expect(page.getByTestId('side-panel')).toBeHidden();
  await expect
    .poll(async () => (await page.locator('.flow-pod').first().boundingBox())?.width ?? 0)
    .toBeGreaterThan(220);
  await saveScreenshot(page, 'present-canvas-only-1280x720');
  await page.keyboard.press('c');
  await expect(page.getByTestId('side-panel')).toBeVisible();
});
