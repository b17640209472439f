import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import type { Row, Section } from '../harness.ts';
import { median } from '../harness.ts';
import { podsScenario } from '../scenarios/pods.ts';
import { servicesScenario } from '../scenarios/services.ts';

/**
 * The app in real Chromium, production build (issues 7 and 8): the gzip size of the JavaScript
 * the first screen loads; the time from an edit to the next painted frame (the edit: Undo of
 * "New", which recomputes the whole scenario — the worst case an edit can be) on the default
 * scenario and at 100 Services; frames per second while panning and zooming 300 Pods.
 * Needs Debian's chromium; skipped with a note without it.
 */

const ROOT = join(import.meta.dirname, '../..');
const PORT = 4398;
const STORAGE_KEY = 'k8s-service-lab.scenario.v1';
const CHROMIUM = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));

function row(what: string, n: number, values: readonly number[]): Row {
  return { what, n, ms: median(values), cpuMs: Number.NaN, runs: values.length, heapMB: null };
}

function initialJsGzip(): { files: number; bytes: number } {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  let bytes = 0;
  for (const s of srcs)
    bytes += gzipSync(readFileSync(join(ROOT, 'dist', s.replace(/^\.\//, '')))).length;
  return { files: srcs.length, bytes };
}

async function startPreview(): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/`);
      if (r.ok) return proc;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('vite preview did not start');
}

/** Clicks the button, then waits for the frame after React's commit to be painted. */
function timeClickToPaint(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (label) =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === label,
        );
        const t0 = performance.now();
        button?.click();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(0);
        });
      }),
    name,
  );
}

async function openWith(page: Page, text: string | null): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.evaluate(
    ([key, t]) => {
      localStorage.clear();
      if (t !== null)
        localStorage.setItem(key as string, JSON.stringify({ text: t, exampleId: null }));
    },
    [STORAGE_KEY, text],
  );
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(300);
}

async function editToPaint(page: Page, text: string | null, runs: number): Promise<number[]> {
  await openWith(page, text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.waitForTimeout(100);
    times.push(await timeClickToPaint(page, 'Undo'));
    await page.waitForTimeout(100);
  }
  return times;
}

async function panZoomFps(page: Page): Promise<number> {
  await openWith(page, podsScenario(300));
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) return Number.NaN;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: tsx would wrap named closures in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__count = true;
    const tick = () => { if (!window.__count) return; window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const start = Date.now();
  for (let k = 0; k < 4; k++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 200, cy + 80, { steps: 30 });
    await page.mouse.move(cx - 150, cy - 60, { steps: 30 });
    await page.mouse.up();
    for (let z = 0; z < 10; z++) await page.mouse.wheel(0, k % 2 === 0 ? -120 : 120);
  }
  const seconds = (Date.now() - start) / 1000;
  const frames = (await page.evaluate(
    '(() => { window.__count = false; return window.__frames; })()',
  )) as number;
  return frames / seconds;
}

/**
 * Lighthouse 12.8.2 (the last that runs on Node 20) against the production build, fetched with
 * npx on first use (a bench tool, not a project dependency), on Debian's Chromium.
 */
function lighthouse(preset: 'mobile' | 'desktop'): string {
  const args = [
    '--yes',
    'lighthouse@12.8.2',
    `http://127.0.0.1:${PORT}/`,
    '--only-categories=performance',
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const out = execFileSync('npx', args, {
    cwd: ROOT,
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    maxBuffer: 64 * 2 ** 20,
    timeout: 240_000,
  }).toString();
  const report = JSON.parse(out) as {
    categories: { performance: { score: number } };
    audits: Record<string, { displayValue?: string }>;
  };
  const a = (id: string) => report.audits[id]?.displayValue ?? '?';
  const score = Math.round(report.categories.performance.score * 100);
  return `lighthouse ${preset}: performance ${score} (aim ≥ 95) — FCP ${a('first-contentful-paint')}, LCP ${a('largest-contentful-paint')}, TBT ${a('total-blocking-time')}, CLS ${a('cumulative-layout-shift')}`;
}

export const browserSection: Section = {
  name: 'browser',
  title: 'The app in Chromium (production build): initial JS, edit → painted frame, pan/zoom',
  async run(report) {
    if (!CHROMIUM) {
      console.log('(skipped: no Debian chromium at /usr/bin/chromium)');
      return;
    }
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'],
      { cwd: ROOT },
    );
    const js = initialJsGzip();
    console.log(
      `initial JavaScript: ${js.files} file(s), ${(js.bytes / 1024).toFixed(1)} kB gzip (aim ≤ 200 kB)`,
    );
    const preview = await startPreview();
    try {
      for (const preset of ['mobile', 'desktop'] as const) console.log(lighthouse(preset));
    } catch (e) {
      console.log(`lighthouse: not run (${(e as Error).message.split('\n')[0]})`);
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      report(
        row('edit → painted frame: default scenario (ms)', 1, await editToPaint(page, null, 7)),
      );
      const hundred = servicesScenario({ services: 100, endpointsPerService: 10 });
      report(
        row(
          'edit → painted frame: 100 Services × 10 (ms)',
          100,
          await editToPaint(page, hundred, 5),
        ),
      );
      const fps = await panZoomFps(page);
      console.log(`pan/zoom at 300 Pods: ${fps.toFixed(1)} frames per second (aim ≥ 55)`);
    } finally {
      await browser.close();
      preview.kill();
    }
  },
};
