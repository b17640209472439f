/**
 * A Vite plugin that writes the list of built files into dist/sw.js (public/sw.js's PRECACHE
 * line) with a version derived from their names, so the service worker precaches exactly this
 * build and a new build replaces the old cache. Source maps are left out (nobody needs them
 * offline; they are most of the bytes).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function precache(): Plugin {
  let outDir = 'dist';
  return {
    name: 'svclab-precache',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const sw = join(outDir, 'sw.js');
      let text: string;
      try {
        text = readFileSync(sw, 'utf8');
      } catch {
        return; // no service worker in this build
      }
      const list = files(outDir)
        .map((p) => relative(outDir, p).split(sep).join('/'))
        .filter((p) => p !== 'sw.js' && !p.endsWith('.map'))
        .map((p) => (p === 'index.html' ? './' : `./${p}`))
        .sort();
      const version = createHash('sha256')
        .update(
          list.map((p) => (p === './' ? readFileSync(join(outDir, 'index.html')) : p)).join('\n'),
        )
        .digest('hex')
        .slice(0, 12);
      const line = `const PRECACHE = ${JSON.stringify({ version, files: list })};`;
      writeFileSync(sw, text.replace(/^const PRECACHE = .*$/m, line));
    },
  };
}
