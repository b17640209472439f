/**
 * Real TCP traffic in the namespaces: a server in every pod that answers with the peer address
 * it sees, and a client that opens many connections at once and collects the answers.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';

/** Where a server runs: a pod (or the external client), its address and the ports it answers. */
export interface ServerPlace {
  readonly key: string;
  readonly netns: string;
  readonly ip: string;
  readonly ports: readonly number[];
}

const HERE = import.meta.dirname;
const SERVER = join(HERE, 'answer-server.mjs');
const CLIENT = join(HERE, 'probe-client.mjs');

export interface Answer {
  /** `ip:port` the server's socket is bound to after DNAT (the endpoint). */
  readonly server: string;
  readonly pod: string;
  /** `ip:port` the connection comes from, as the pod sees it. */
  readonly peer: string;
}

export interface ProbeResult {
  /** The client's own `ip:port`, or null when the connection never opened. */
  readonly local: string | null;
  readonly answer?: Answer;
  /** `refused`, `timeout`, or another socket error code. */
  readonly error?: string;
}

export interface Servers {
  stop(): void;
}

/** Starts a server in every place; resolves once all are listening. */
export async function startServers(
  places: readonly ServerPlace[],
  timeoutMs = 10_000,
): Promise<Servers> {
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  };
  try {
    await Promise.all(
      places
        .filter((p) => p.ports.length > 0)
        .map((pod) => {
          const child = spawn(
            'ip',
            [
              'netns',
              'exec',
              pod.netns,
              process.execPath,
              SERVER,
              pod.ip,
              ...pod.ports.map(String),
            ],
            { stdio: ['pipe', 'pipe', 'pipe'] },
          );
          children.push(child);
          return waitReady(child, `${pod.key} (${pod.ip})`, timeoutMs);
        }),
    );
  } catch (e) {
    stop();
    throw e;
  }
  return { stop };
}

function waitReady(child: ChildProcess, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${what}: server not ready`)), timeoutMs);
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what}: server exited (${code}): ${err.trim()}`));
    });
  });
}

/**
 * Opens `count` connections from a namespace to host:port, at once or one after another; each
 * is bounded by `timeoutMs`.
 */
export function probe(
  netns: string,
  host: string,
  port: number,
  count: number,
  timeoutMs: number,
  mode: 'parallel' | 'sequential' = 'parallel',
): Promise<ProbeResult[]> {
  const args = ['netns', 'exec', netns, process.execPath, CLIENT, host, String(port)];
  args.push(String(count), String(timeoutMs), mode);
  const limit = (mode === 'sequential' ? count : 1) * timeoutMs + 10_000;
  return new Promise((resolve, reject) => {
    execFile('ip', args, { timeout: limit, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new Error(`probe from ${netns} to ${host}:${port}: ${stderr.trim() || error.message}`),
        );
        return;
      }
      resolve(JSON.parse(stdout) as ProbeResult[]);
    });
  });
}
