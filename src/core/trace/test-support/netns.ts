/**
 * Running commands in network namespaces the test owns. Every namespace is named
 * `svlk<pid>-...`, so a run finds and removes only its own leftovers (and those of runs whose
 * process is gone), never anyone else's, and never touches the root namespace's rules.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const NETNS_BASE = 'svlk';

/** Why the real-kernel test cannot run here, or null when it can. */
export function kernelLabUnavailable(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return 'not root (network namespaces need CAP_SYS_ADMIN and CAP_NET_ADMIN)';
  }
  for (const tool of ['ip', 'iptables-restore', 'iptables-save', 'sysctl']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} not installed`;
  }
  // One throwaway namespace proves `ip netns`, bridges, veths, VXLAN and iptables all work.
  const probe = `${NETNS_BASE}${process.pid}-probe`;
  const script = [
    `ip netns add ${probe}`,
    `ip -n ${probe} link add br0 type bridge`,
    `ip -n ${probe} link add va type veth peer name vb`,
    `ip -n ${probe} link add vx type vxlan id 1 local 192.0.2.1 dstport 8472 nolearning`,
    `ip netns exec ${probe} iptables-save >/dev/null`,
  ].join(' && ');
  const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', timeout: 10_000 });
  spawnSync('ip', ['netns', 'delete', probe]);
  if (r.status !== 0) {
    return `network namespaces unusable: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]}`;
  }
  return null;
}

/** Whether bridged IPv4 traffic can be made to pass iptables (br_netfilter loaded). */
export function brNetfilterAvailable(): boolean {
  return existsSync('/proc/sys/net/bridge/bridge-nf-call-iptables');
}

/** This run's namespace prefix, e.g. `svlk4242`. */
export function runPrefix(): string {
  return `${NETNS_BASE}${process.pid}`;
}

/** Deletes this run's namespaces and those left by runs whose process no longer exists. */
export function deleteLeftovers(prefix: string): void {
  const list = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
  for (const line of list.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const m = new RegExp(`^${NETNS_BASE}(\\d+)-`).exec(name);
    if (!m) continue;
    const mine = name.startsWith(`${prefix}-`);
    if (mine || !processAlive(Number(m[1]))) spawnSync('ip', ['netns', 'delete', name]);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs a shell script (`set -e`); on failure the error names the failing command's output. */
export function runScript(script: string, timeoutMs = 30_000): string {
  try {
    return execFileSync('sh', ['-ec', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`namespace setup failed: ${err.stderr?.trim() || err.message}`);
  }
}

/** Runs one command inside a namespace, input on stdin; returns stdout. */
export function inNetns(ns: string, args: readonly string[], input?: string): string {
  try {
    return execFileSync('ip', ['netns', 'exec', ns, ...args], {
      encoding: 'utf8',
      input: input ?? '',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 15_000,
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${ns}: ${args.join(' ')}: ${err.stderr?.trim() || err.message}`);
  }
}
