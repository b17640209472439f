/**
 * The hosted static site: served under a sub-path (as a school's server or GitHub Pages would),
 * it installs its service worker and then works offline, share links included.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { encodeShareLink } from '../src/core/index.ts';
import { exampleText } from './support.ts';

const DIST = join(process.cwd(), 'dist');
const SUB = '/school/k8s-lab/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
};

let server: Server;
let origin = '';

test.beforeAll(async () => {
  expect(existsSync(join(DIST, 'sw.js')), 'build first: npx vite build').toBe(true);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(SUB)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(DIST, path.slice(SUB.length)));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  // Port 0: a free port of the system's choosing (no clash with other test servers).
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('under a sub-path: manifest and icons load, the service worker installs, offline works', async ({
  page,
  context,
}) => {
  const app = `${origin}${SUB}`;
  await page.goto(app);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();

  // The web app manifest and its icons resolve under the sub-path.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(manifestHref ?? '', page.url()).href;
  const manifest = (await (await page.request.get(manifestUrl)).json()) as {
    icons: { src: string; sizes: string }[];
  };
  for (const icon of manifest.icons) {
    const r = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(r.status(), icon.src).toBe(200);
  }
  expect(manifest.icons.map((i) => i.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );

  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(app);
  // Everything the build made (but source maps) is in the cache before we go offline.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith('svclab-')) ?? '');
        return (await cache.keys()).length;
      }),
    )
    .toBeGreaterThan(10);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByTestId('pod-nginx-59ff7ffd6b-hcqhb')).toBeVisible();

  // A share link opens offline too (its codec chunk was precached).
  const link = encodeShareLink({ scenario: exampleText('nodeport') }, { base: app });
  if (!link.ok) throw new Error('the example must encode');
  await page.goto(link.url);
  await expect(page.getByTestId('pod-web-7c5d8f9b6d-2xkqp')).toBeVisible();
  // Lessons load on demand: offline, from the cache.
  await page.getByTestId('lessons').click();
  await expect(page.getByTestId('lesson-nodeport')).toBeVisible();
  await context.setOffline(false);
});
