import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Tree = { readonly [k: string]: string | Tree };

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`),
  );
}

/** {{placeholders}} and <tags>, sorted: they must survive translation unchanged. */
function tokens(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)\s*\/?>/g)].map((m) => m[0]).sort();
}

const enLeaves = new Map(leaves(en));
const zhLeaves = new Map(leaves(zh as Tree));

describe('UI strings', () => {
  it('has the same keys in English and Chinese', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    expect(enLeaves.size).toBeGreaterThan(150);
  });

  it('has no empty string in either language', () => {
    for (const [key, text] of [...enLeaves, ...zhLeaves])
      expect(text.trim(), `${key} is empty`).not.toBe('');
  });

  it.each([...enLeaves])('%s keeps its placeholders and tags in Chinese', (key, text) => {
    expect(tokens(zhLeaves.get(key) ?? ''), key).toEqual(tokens(text));
  });

  it('gives every English plural form its Chinese twin', () => {
    const plural = [...enLeaves.keys()].filter((k) => /_(one|other)$/.test(k));
    expect(plural.length).toBeGreaterThan(0);
    for (const k of plural) expect(zhLeaves.has(k), k).toBe(true);
  });

  it('translates the prose: Chinese text differs from English except for names kept as is', () => {
    // Kinds, tab names that are tool names, and the app's name stay English by design.
    const same = [...enLeaves].filter(([k, v]) => zhLeaves.get(k) === v).map(([k]) => k);
    expect(same.sort()).toEqual(
      [
        'app.title',
        'edit.addNode',
        'edit.addPod',
        'edit.addService',
        'form.lbIP',
        'kubectl.service',
        'panels.tab.DNS',
        'panels.tab.YAML',
        'panels.tab.kubectl',
        'rules.node',
        'rules.restore',
        'form.node',
      ].sort(),
    );
  });
});
