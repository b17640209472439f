import { describe, expect, it } from 'vitest';
import { commands } from './commands/index.ts';
import { runCli } from './main.ts';
import { memoryIo } from './test-io.ts';

describe('svclab', () => {
  it('--help lists every command', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const c of commands) expect(io.out()).toContain(`  ${c.name} `);
    expect(io.out()).toContain('Usage: svclab <command>');
  });

  it('an unknown command is a one-line error with exit code 2', async () => {
    const io = memoryIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err()).toBe('svclab: unknown command "frobnicate" (see \'svclab --help\')\n');
    expect(io.out()).toBe('');
  });

  it("help NAME prints that command's usage", async () => {
    const io = memoryIo();
    expect(await runCli(['help', 'iptables'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: svclab iptables FILE/);
  });

  it.each(commands.filter((c) => !['open', 'share'].includes(c.name)).map((c) => c.name))(
    '%s with a missing file is a one-line error with exit code 2',
    async (name) => {
      const io = memoryIo();
      const args = name === 'dns' ? [name, 'nope.yaml', 'web'] : [name, 'nope.yaml'];
      if (name === 'kubectl') args.push('get', 'pods');
      if (name === 'resolv-conf') args.push('default/web');
      if (name === 'trace') args.push('--from', 'node:node1', '--to', '10.96.0.1:443');
      const code = await runCli(args, io);
      expect(code).toBe(2);
      expect(io.err().trim().split('\n')).toHaveLength(1);
    },
  );
});
