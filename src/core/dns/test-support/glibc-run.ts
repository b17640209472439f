/**
 * Test support (Node only): runs the real glibc resolver (`getent ahosts NAME`, i.e. getaddrinfo
 * with AF_UNSPEC) inside a private network and mount namespace (`unshare -n -m`), with a pod's
 * resolv.conf (nameserver pointed at 127.0.0.1), /etc/hosts and `hosts: files dns` mounted over
 * the real ones, and a tiny DNS server on 127.0.0.1:53 in that namespace that replays svclab's
 * replies and logs every query it receives. Nothing outside the namespaces is touched.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The replay server, plain Node: replies by `name|type|edns` with the query's id patched in. */
const SERVER = `
import dgram from 'node:dgram';
import net from 'node:net';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
const [map, log, ready] = process.argv.slice(2);
const replies = JSON.parse(readFileSync(map, 'utf8'));
const sock = dgram.createSocket('udp4');
function question(buf) {
  let at = 12; const labels = [];
  while (buf[at] !== 0) { const n = buf[at]; labels.push(buf.subarray(at + 1, at + 1 + n).toString('latin1')); at += n + 1; }
  return { name: labels.join('.') + '.', type: buf.readUInt16BE(at + 1), edns: buf.readUInt16BE(10) > 0 };
}
function reply(buf, transport) {
  const q = question(buf);
  appendFileSync(log, JSON.stringify({ ...q, transport, flags: buf.readUInt16BE(2) }) + '\\n');
  const hex = replies[q.name.toLowerCase() + '|' + q.type + '|' + (q.edns ? 1 : 0) + '|' + transport];
  let out;
  if (hex) out = Buffer.from(hex, 'hex');
  else { out = Buffer.from(buf); out[2] |= 0x80; out[3] = (out[3] & 0xf0) | 5; }
  out[0] = buf[0]; out[1] = buf[1];
  return out;
}
sock.on('message', (buf, peer) => sock.send(reply(buf, 'udp'), peer.port, peer.address));
const tcp = net.createServer((c) => {
  let pending = Buffer.alloc(0);
  c.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
      const msg = pending.subarray(2, 2 + pending.readUInt16BE(0));
      pending = pending.subarray(2 + msg.length);
      const out = reply(Buffer.from(msg), 'tcp');
      const head = Buffer.alloc(2); head.writeUInt16BE(out.length);
      c.write(Buffer.concat([head, out]));
    }
  });
  c.on('error', () => {});
});
sock.bind(53, '127.0.0.1', () => tcp.listen(53, '127.0.0.1', () => writeFileSync(ready, 'ok')));
`;

const SCRIPT = `set -e
ip link set lo up
ip addr add 10.244.1.250/32 dev lo
if [ "$IPV6" = 1 ]; then ip -6 addr add fd00::250/128 dev lo; fi
mount --bind "$DIR/resolv.conf" /etc/resolv.conf
mount --bind "$DIR/hosts" /etc/hosts
mount --bind "$DIR/nsswitch.conf" /etc/nsswitch.conf
"$NODE" "$DIR/server.mjs" "$DIR/map.json" "$DIR/log" "$DIR/ready" &
server=$!
i=0; while [ ! -e "$DIR/ready" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
getent ahosts "$NAME" || true
kill $server
`;

export interface GlibcRun {
  /** getent's output. */
  readonly output: string;
  /** Every query the server received, in order. */
  readonly queries: ReadonlyArray<{
    name: string;
    type: number;
    edns: boolean;
    transport: 'udp' | 'tcp';
    flags: number;
  }>;
}

export function canUnshareNet(): boolean {
  try {
    execFileSync('unshare', ['-n', '-m', 'sh', '-c', 'ip link set lo up && command -v getent'], {
      stdio: 'ignore',
      timeout: 5000,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * `replies` maps `name|type|edns|transport` (name lower case, absolute; edns 0 or 1; udp or tcp)
 * to the reply's hex.
 * `resolvConf` is the pod's file; its nameserver lines are pointed at 127.0.0.1.
 */
export function runGetent(input: {
  readonly name: string;
  readonly resolvConf: string;
  readonly hosts: string;
  readonly replies: Record<string, string>;
  /** Give the namespace a global IPv6 address too (else AI_ADDRCONFIG narrows to IPv4). */
  readonly ipv6: boolean;
}): Promise<GlibcRun> {
  const dir = mkdtempSync(join(tmpdir(), 'svclab-glibc-'));
  const resolv = input.resolvConf.replace(/^nameserver .*$/gm, 'nameserver 127.0.0.1');
  writeFileSync(join(dir, 'resolv.conf'), resolv);
  writeFileSync(join(dir, 'hosts'), input.hosts);
  writeFileSync(join(dir, 'nsswitch.conf'), 'hosts: files dns\n');
  writeFileSync(join(dir, 'map.json'), JSON.stringify(input.replies));
  writeFileSync(join(dir, 'server.mjs'), SERVER);
  writeFileSync(join(dir, 'log'), '');
  return new Promise((resolve, reject) => {
    execFile(
      'unshare',
      ['-n', '-m', 'sh', '-c', SCRIPT],
      {
        timeout: 20000,
        env: {
          ...process.env,
          DIR: dir,
          NODE: process.execPath,
          NAME: input.name,
          IPV6: input.ipv6 ? '1' : '0',
        },
      },
      (error, stdout, stderr) => {
        try {
          if (error) throw new Error(`${error.message}: ${stderr}`);
          const queries = readFileSync(join(dir, 'log'), 'utf8')
            .split('\n')
            .filter((l) => l !== '')
            .map((l) => JSON.parse(l));
          resolve({ output: stdout, queries });
        } catch (e) {
          reject(e);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}
