import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../main.ts';
import { memoryIo } from '../test-io.ts';

const seed = readFileSync(join(__dirname, '../../examples/seed-nginx.yaml'), 'utf8');
const files = { 'seed.yaml': seed };
const FROM = 'pod:default/nginx-59ff7ffd6b-hcqhb';

describe('svclab trace', () => {
  it('prints the walk as text: rules as iptables-save lines, the outcome, the distribution', async () => {
    const io = memoryIo(files);
    const code = await runCli(
      [
        'trace',
        'seed.yaml',
        '--from',
        FROM,
        '--to',
        '10.99.62.169:80',
        '--endpoint',
        '10.244.2.12:80',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).toContain(
      '-A KUBE-SVC-ZUZW5FVTOFNMWE2A -m comment --comment "default/nginx:xsp7pg -> 10.244.2.12:80" -j KUBE-SEP-WAFDPEMEUUYA22C5',
    );
    expect(io.out()).toContain('verdict: delivered');
    expect(io.out()).toMatch(/10\.244\.2\.12:80 +default\/nginx-59ff7ffd6b-7vgh2 +0\.33333/);
  });

  it('--format json has verdict, endpoint, sourceSeenByEndpoint, distribution, hops and reply', async () => {
    const io = memoryIo(files);
    await runCli(
      [
        'trace',
        'seed.yaml',
        '--from',
        FROM,
        '--to=10.99.62.169:80',
        '--seed',
        '3',
        '--format',
        'json',
      ],
      io,
    );
    const t = JSON.parse(io.out());
    expect(t.verdict).toBe('delivered');
    expect(t.endpoint).toMatch(/^10\.244\.\d\.\d+:80$/);
    expect(t.sourceSeenByEndpoint).toMatch(/:\d+$/);
    expect(t.distribution).toHaveLength(3);
    expect(t.hops.length).toBeGreaterThan(5);
    expect(t.reply.length).toBeGreaterThan(2);
  });

  it('an unknown source is the API-style one-line error, exit 1', async () => {
    const io = memoryIo(files);
    const code = await runCli(
      ['trace', 'seed.yaml', '--from', 'pod:default/nope', '--to', '10.99.62.169:80'],
      io,
    );
    expect(code).toBe(1);
    expect(io.err()).toBe('svclab trace: pods "nope" not found in namespace "default"\n');
  });

  it.each([
    [['--to', '10.99.62.169:80'], '--from is required'],
    [['--from', FROM], '--to is required'],
    [['--from', FROM, '--to', '1.2.3.4:80', '--protocol', 'icmp'], 'unknown protocol "icmp"'],
    [
      ['--from', FROM, '--to', '1.2.3.4:80', '--seed', '1', '--endpoint', '1.2.3.4:80'],
      'exclude each other',
    ],
  ])('usage errors exit 2: %o', async (args, text) => {
    const io = memoryIo(files);
    expect(await runCli(['trace', 'seed.yaml', ...args], io)).toBe(2);
    expect(io.err()).toContain(text);
  });
});
