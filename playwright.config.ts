import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Browser: PW_CHROMIUM_PATH > Debian's chromium > Playwright's own download (PW_BUNDLED=1 forces it).
// Playwright cannot download browsers on our machines, so Debian's package is the normal case.
const candidates = [
  process.env.PW_CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
];
const executablePath = process.env.PW_BUNDLED
  ? undefined
  : candidates.find((p): p is string => p !== undefined && existsSync(p));
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  workers: process.env.CI ? 1 : 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'reports/e2e.json' }],
    ['html', { open: 'never', outputFolder: 'reports/e2e-html' }],
  ],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  // Serves the production build (npm run e2e builds first), as users get it.
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
