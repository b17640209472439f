/**
 * Test support (Node only, outside the pure core): serves a ClusterDns over real UDP and TCP on
 * 127.0.0.1 so the real `dig` can query it, and records every query it received.
 */
import { execFile, execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { accessSync } from 'node:fs';
import net from 'node:net';
import type { ClusterDns } from '../respond.ts';
import { decodeMessage } from '../wire/decode.ts';
import type { Message } from '../wire/types.ts';

export interface Received {
  readonly transport: 'udp' | 'tcp';
  readonly query: Message;
}

export interface DigServer {
  readonly port: number;
  readonly received: Received[];
  dns: ClusterDns;
  close(): Promise<void>;
}

export async function startDigServer(initial: ClusterDns): Promise<DigServer> {
  for (let tries = 0; tries < 20; tries++) {
    const server = await tryStart(initial);
    if (server) return server;
  }
  throw new Error('could not bind UDP and TCP on one port');
}

async function tryStart(initial: ClusterDns): Promise<DigServer | null> {
  const received: Received[] = [];
  const tcp = net.createServer();
  const port = await new Promise<number>((resolve) =>
    tcp.listen(0, '127.0.0.1', () => resolve((tcp.address() as net.AddressInfo).port)),
  );
  const udp = dgram.createSocket('udp4');
  const bound = await new Promise<boolean>((resolve) => {
    udp.once('error', () => resolve(false));
    udp.bind(port, '127.0.0.1', () => resolve(true));
  });
  if (!bound) {
    tcp.close();
    return null;
  }
  const server: DigServer = {
    port,
    received,
    dns: initial,
    close: () =>
      new Promise((resolve) => {
        udp.close();
        tcp.close(() => resolve());
      }),
  };
  udp.on('message', (buf, rinfo) => {
    const q = decodeMessage(new Uint8Array(buf));
    if (!q.ok) return;
    received.push({ transport: 'udp', query: q.message });
    const reply = server.dns.exchange(q.message, 'udp');
    udp.send(reply.wire, rinfo.port, rinfo.address);
  });
  tcp.on('connection', (sock) => {
    let pending = Buffer.alloc(0);
    sock.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const len = pending.readUInt16BE(0);
        if (pending.length < 2 + len) break;
        const q = decodeMessage(new Uint8Array(pending.subarray(2, 2 + len)));
        pending = pending.subarray(2 + len);
        if (!q.ok) continue;
        received.push({ transport: 'tcp', query: q.message });
        const reply = server.dns.exchange(q.message, 'tcp');
        const head = Buffer.alloc(2);
        head.writeUInt16BE(reply.wire.length);
        sock.write(Buffer.concat([head, Buffer.from(reply.wire)]));
      }
    });
    sock.on('error', () => {});
  });
  return server;
}

export function digPath(): string | null {
  for (const p of ['/usr/bin/dig', '/usr/local/bin/dig']) {
    try {
      accessSync(p);
      return p;
    } catch {
      // not there: try the next place
    }
  }
  return null;
}

export function runRealDig(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('dig', [...args], { timeout: 10000 }, (error, stdout) => {
      if (error && !stdout) reject(error);
      else resolve(stdout);
    });
  });
}

/**
 * Runs a command with `resolvConf` (a file path) mounted over /etc/resolv.conf in a private mount
 * namespace (`unshare -m`), so dig reads a pod's search list and ndots without touching the host.
 */
export function runWithResolvConf(resolvConf: string, command: readonly string[]): Promise<string> {
  const script = 'mount --bind "$1" /etc/resolv.conf && shift && exec "$@"';
  return new Promise((resolve, reject) => {
    execFile(
      'unshare',
      ['-m', 'sh', '-c', script, 'sh', resolvConf, ...command],
      { timeout: 10000 },
      (error, stdout, stderr) => {
        if (error && !stdout) reject(new Error(`${error.message}: ${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** Whether this process may make a private mount namespace (root, unshare installed). */
export function canUnshareMount(): boolean {
  try {
    execFileSync('unshare', ['-m', 'true'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
