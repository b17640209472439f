import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyScenario,
  compileKubeProxy,
  nodeRuleset,
  printSave,
  setupCommands,
} from '../index.ts';
import { kubeProxyFixtures, OWN_CASES } from './test-support/fixtures.ts';

/**
 * The `save` printer against the real tool: in a private network namespace (`unshare -n`, never
 * the host's rules), replay what kube-proxy does on a node — its setup commands (canaries,
 * `-N`/`-I 1` jumps) and `iptables-restore --noflush` of its restore text — then `iptables-save`
 * must print exactly our `save` text. Also: loading our `save` text prints it back unchanged.
 * Skipped with a message where namespaces or iptables are unavailable (e.g. not root).
 */
function available(): string | null {
  try {
    execFileSync('unshare', ['-n', 'iptables-save'], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `unshare -n / iptables-save unavailable (${(e as Error).message.split('\n')[0]})`;
  }
}

const unavailable = available();
if (unavailable) console.warn(`skipping real-iptables tests: ${unavailable}`);

const dir = mkdtempSync(join(tmpdir(), 'svclab-ipt-'));

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Runs a shell script in a fresh network namespace; returns iptables-save without # lines. */
function inNetns(script: string): string {
  const path = join(dir, 'script.sh');
  writeFileSync(path, `set -e\n${script}\niptables-save\n`);
  const out = execFileSync('unshare', ['-n', 'sh', path], { encoding: 'utf8', stdio: 'pipe' });
  return out
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

const cases: Array<[string, string, string, string | undefined]> = [];
for (const f of kubeProxyFixtures()) cases.push([f.scenario, f.node, f.yaml, undefined]);
for (const f of kubeProxyFixtures().filter((x) => x.node === 'node2')) {
  cases.push([`${f.scenario} (newest)`, f.node, f.yaml, 'v1.34.0']);
}
for (const file of readdirSync(OWN_CASES).filter((f) => f.endsWith('.yaml'))) {
  const name = file.slice(0, -'.yaml'.length);
  const yaml = readFileSync(join(OWN_CASES, file), 'utf8');
  cases.push([name, 'node1', yaml, undefined]);
  cases.push([`${name} (newest)`, 'node1', yaml, 'v1.34.0']);
}

describe.skipIf(unavailable !== null)('save output against iptables 1.8.9 (private netns)', () => {
  it.each(cases)('%s on %s', (_name, node, yaml, version) => {
    const applied = applyScenario(yaml, version ? { kubernetesVersion: version } : {});
    const result = compileKubeProxy(applied.cluster, { node });
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    const save = printSave(nodeRuleset(result.value));

    const restorePath = join(dir, 'restore.txt');
    writeFileSync(restorePath, result.value.restoreText);
    const setup = setupCommands(result.value)
      .map((args) => {
        const cmd = `iptables ${args.map(shellQuote).join(' ')}`;
        return args.includes('-N') ? `${cmd} 2>/dev/null || true` : cmd;
      })
      .join('\n');
    expect(inNetns(`${setup}\niptables-restore --noflush < ${restorePath}`)).toBe(save);

    const savePath = join(dir, 'save.txt');
    writeFileSync(savePath, save);
    expect(inNetns(`iptables-restore < ${savePath}`)).toBe(save);
    expect(readFileSync(savePath, 'utf8')).toBe(save);
  });
});
