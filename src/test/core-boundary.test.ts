import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// src/core must stay a pure library: the same code runs in the browser, the CLI and the tests.
// This test backs up the Biome rule and tsconfig.core.json (which has no DOM lib).
const CORE = join(import.meta.dirname, '..', 'core');
const FORBIDDEN_MODULES =
  /^(react|react-dom|zustand|@xyflow\/.*|d3|d3-.*|node:.*|fs|path|os|child_process)(\/.*)?$/;
const FORBIDDEN_GLOBALS = /\b(document|window|localStorage|navigator|process)\s*[.[]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test-support' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  const specifiers = [...text.matchAll(/(?:^|\s)(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)];
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return [...specifiers, ...dynamic].map((m) => m[1] ?? '');
}

function violations(file: string, text: string): string[] {
  const found: string[] = [];
  for (const spec of importsOf(text)) {
    if (FORBIDDEN_MODULES.test(spec)) found.push(`${file} imports ${spec}`);
    if (spec.startsWith('.') && /(^|\/)(ui|store|cli)(\/|$)/.test(join('src/core', spec)))
      found.push(`${file} imports ${spec}`);
  }
  const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const global = FORBIDDEN_GLOBALS.exec(code);
  if (global) found.push(`${file} uses ${global[1]}`);
  return found;
}

describe('src/core boundary', () => {
  it('imports nothing from React, the store, the UI, the CLI, d3 or Node, and touches no DOM', () => {
    const all = sourceFiles(CORE).flatMap((f) =>
      violations(relative(CORE, f), readFileSync(f, 'utf8')),
    );
    expect(all).toEqual([]);
  });

  it('catches the violations it names', () => {
    expect(violations('x.ts', "import { useState } from 'react';")).toHaveLength(1);
    expect(violations('x.ts', "import { create } from 'zustand';")).toHaveLength(1);
    expect(violations('x.ts', "import { x } from '../ui/App.tsx';")).toHaveLength(1);
    expect(violations('x.ts', 'const el = document.getElementById("a");')).toHaveLength(1);
    expect(violations('x.ts', "import { parse } from 'yaml';")).toEqual([]);
  });
});
