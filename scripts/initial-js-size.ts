/**
 * The gzip size of the JavaScript a first visit loads: the entry script and every chunk
 * dist/index.html preloads (lazy chunks — lessons, import dialog, html-to-image, the link codec
 * entry points — are not counted). Run after `npx vite build`: `npx tsx scripts/initial-js-size.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const files = [
  ...html.matchAll(
    /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g,
  ),
].map((m) => m[1] ?? '');
let total = 0;
for (const f of files) {
  const size = gzipSync(readFileSync(join(DIST, f))).length;
  total += size;
  console.log(`${(size / 1000).toFixed(2).padStart(8)} kB  ${f}`);
}
console.log(
  `${(total / 1000).toFixed(2).padStart(8)} kB  initial JS, gzip (${files.length} files)`,
);
