// The client for the real-kernel test: `node probe-client.mjs HOST PORT COUNT TIMEOUT_MS [MODE]`
// opens COUNT TCP connections — at once, or one after another with MODE `sequential` (session
// affinity: each must see the `recent` entry the previous one set) — each from its own source
// port, so each is a new conntrack entry and a new draw of kube-proxy's `statistic` rules, and
// prints one JSON array: per connection the local address it used and the server's answer, or
// the error (refused, timeout, reset).
import net from 'node:net';

const [host, portText, countText, timeoutText, mode = 'parallel'] = process.argv.slice(2);
const port = Number(portText);
const timeoutMs = Number(timeoutText);

function probe() {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let data = '';
    let local = null;
    const done = (result) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ local, ...result });
    };
    const timer = setTimeout(() => done({ error: 'timeout' }), timeoutMs);
    socket.on('connect', () => {
      local = `${socket.localAddress}:${socket.localPort}`;
    });
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('end', () => {
      try {
        done({ answer: JSON.parse(data) });
      } catch {
        done({ error: `bad answer ${JSON.stringify(data)}` });
      }
    });
    socket.on('error', (e) => {
      const code = e.code === 'ECONNREFUSED' ? 'refused' : (e.code ?? e.message);
      done({ error: code });
    });
  });
}

const count = Number(countText);
const results = [];
if (mode === 'sequential') {
  for (let i = 0; i < count; i++) results.push(await probe());
} else {
  results.push(...(await Promise.all(Array.from({ length: count }, () => probe()))));
}
process.stdout.write(`${JSON.stringify(results)}\n`);
