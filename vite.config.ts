/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precache } from './scripts/vite-precache.ts';

export default defineConfig({
  plugins: [react(), precache()],
  // Relative base: the static site works under any sub-path (GitHub Pages, a school's server).
  base: './',
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Playwright wipes test-results/, so reports live in reports/.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/unit.json' },
    testTimeout: 30_000,
  },
});
