import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { encodeShareLink } from '../../core/index.ts';
import { withoutBookkeeping } from '../../core/share/prune.ts';
import { runCli } from '../main.ts';
import { memoryIo } from '../test-io.ts';

const seed = readFileSync(join(import.meta.dirname, '../../examples/seed-nginx.yaml'), 'utf8');
const BASE = 'https://example.org/k8s-service-lab/';

async function run(argv: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function shareSeed(base = BASE) {
  const { code, out, err } = await run(['share', 'seed.yaml', '--base', base], {
    'seed.yaml': seed,
  });
  expect([code, err]).toEqual([0, '']);
  return out.trim();
}

describe('svclab share', () => {
  it('prints the link the app makes for the same scenario, on one line', async () => {
    const encoded = encodeShareLink({ scenario: seed }, { base: BASE });
    expect(encoded.ok && `${encoded.url}\n`).toBe(
      (await run(['share', 'seed.yaml', `--base=${BASE}`], { 'seed.yaml': seed })).out,
    );
  });

  it('defaults to the dev server address', async () => {
    const { out } = await run(['share', 'seed.yaml'], { 'seed.yaml': seed });
    expect(out).toMatch(/^http:\/\/localhost:5173\/#v1\.[\w-]+\n$/);
  });

  it('a scenario with errors: the API server messages on stderr, exit 1', async () => {
    const bad = 'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: 0}]}\n';
    const { code, out, err } = await run(['share', 'bad.yaml'], { 'bad.yaml': bad });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^error: the scenario has errors/);
    expect(err).toContain('spec.ports[0].port: Invalid value: 0');
  });

  it.each([
    [['share'], /missing FILE/],
    [['share', 'nope.yaml'], /cannot read nope\.yaml/],
    [['share', 'seed.yaml', '--base'], /--base needs a URL/],
    [['share', 'seed.yaml', '--frob'], /unknown flag --frob/],
    [['share', 'a', 'b'], /unexpected argument b/],
    [['open'], /expected one LINK/],
    [['open', 'a', 'b'], /expected one LINK/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, err } = await run(argv, { 'seed.yaml': seed });
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('svclab open', () => {
  it('prints YAML documents that `svclab apply` reads back to the same cluster and rules', async () => {
    const opened = await run(['open', await shareSeed()]);
    expect([opened.code, opened.err]).toEqual([0, '']);
    expect(opened.out.split('\n---\n')).toHaveLength(7);
    const files = { 'seed.yaml': seed, 'opened.yaml': opened.out };
    for (const argv of [
      ['apply', 'FILE'],
      ['iptables', 'FILE', '--node', 'node1', '--format', 'save'],
      ['iptables', 'FILE', '--node', 'node2'],
      ['kubectl', 'FILE', 'get', 'pods', '-o', 'wide'],
      ['kubectl', 'FILE', 'describe', 'service', 'nginx'],
    ]) {
      const before = await run(
        argv.map((a) => (a === 'FILE' ? 'seed.yaml' : a)),
        files,
      );
      const after = await run(
        argv.map((a) => (a === 'FILE' ? 'opened.yaml' : a)),
        files,
      );
      expect(before.code).toBe(0);
      if (argv[0] === 'apply') {
        // Opening a link applies its (pruned) manifests: only the server's bookkeeping differs.
        const objects = (out: string) =>
          parseAllDocuments(out).map((d) => withoutBookkeeping(d.toJS() as unknown));
        expect(after.code).toBe(0);
        expect(objects(after.out)).toEqual(objects(before.out));
      } else expect(after).toEqual(before);
    }
  });

  it('reads the link from stdin with -, and prints the view state as a comment', async () => {
    const encoded = encodeShareLink({ scenario: seed, view: { panel: 'DNS', language: 'zh-CN' } });
    const url = encoded.ok ? encoded.url : '';
    const { code, out } = await run(['open', '-'], { '-': `${url}\n` });
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('# view: {"panel":"DNS","language":"zh-CN"}');
  });

  it.each([
    ['cut off', (l: string) => l.slice(0, 120), /^error: the link is damaged/],
    [
      'without its # part',
      () => 'https://example.org/k8s-service-lab/',
      /^error: the link has no # part/,
    ],
    ['a newer format', (l: string) => l.replace('#v1.', '#v2.'), /newer version/],
  ])('a link that is %s: its message on stderr, exit 1', async (_name, change, message) => {
    const { code, out, err } = await run(['open', change(await shareSeed())]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
