// A pod's server for the real-kernel test: `node answer-server.mjs POD_IP PORT... ` listens on
// every port and answers each connection with one JSON line — its own address and the peer
// address the kernel hands it (what the pod "sees") — then closes. Prints "ready" once listening.
// Exits by itself after LIFETIME_MS so nothing outlives a crashed test.
import net from 'node:net';

const LIFETIME_MS = 120_000;
const [ip, ...ports] = process.argv.slice(2);
let listening = 0;
for (const port of ports.map(Number)) {
  const server = net.createServer((socket) => {
    const answer = {
      server: `${socket.localAddress}:${socket.localPort}`,
      pod: ip,
      peer: `${socket.remoteAddress}:${socket.remotePort}`,
    };
    socket.on('error', () => {});
    socket.end(`${JSON.stringify(answer)}\n`);
  });
  server.on('error', (e) => {
    process.stderr.write(`${ip}:${port}: ${e.message}\n`);
    process.exit(1);
  });
  server.listen({ host: '0.0.0.0', port, backlog: 511 }, () => {
    listening++;
    if (listening === ports.length) process.stdout.write('ready\n');
  });
}
setTimeout(() => process.exit(0), LIFETIME_MS).unref();
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
