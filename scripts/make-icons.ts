/**
 * Renders the app icons (public/icons/*.png) from an SVG with the Chromium Playwright uses, so no
 * image tool is needed. Run after changing the icon: `npx tsx scripts/make-icons.ts`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const OUT = 'public/icons';
const executablePath = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find(existsSync);

/** The favicon's motif (rule lines and a packet) on the Kubernetes blue; `pad` for maskable. */
function svg(size: number, pad: number): string {
  const inner = size * (1 - 2 * pad);
  const s = inner / 32;
  const o = size * pad;
  const bg =
    pad > 0
      ? `<rect width="${size}" height="${size}" fill="#326ce5"/>`
      : `<rect width="${size}" height="${size}" rx="${6 * (size / 32)}" fill="#326ce5"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${bg}<g transform="translate(${o} ${o}) scale(${s})"><path d="M9 10h14M9 16h14M9 22h14" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/><circle cx="23" cy="10" r="2.5" fill="#ffd54f"/></g></svg>`;
}

const ICONS = [
  { name: 'icon-192.png', size: 192, pad: 0 },
  { name: 'icon-512.png', size: 512, pad: 0 },
  { name: 'maskable-512.png', size: 512, pad: 0.1 },
  { name: 'apple-touch-icon.png', size: 180, pad: 0.08 },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const icon of ICONS) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg(icon.size, icon.pad)}</body></html>`,
  );
  await page.locator('svg').screenshot({ path: `${OUT}/${icon.name}`, omitBackground: true });
  console.log(`${OUT}/${icon.name}`);
}
await browser.close();
