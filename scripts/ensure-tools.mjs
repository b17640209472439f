// The real tools our tests hold the output against (dig, iptables, conntrack, ip). Installed with
// apt when missing and we are root; otherwise the tests that need them skip with a message.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = [
  ['/usr/bin/dig', 'bind9-dnsutils'],
  ['/usr/sbin/iptables', 'iptables'],
  ['/usr/sbin/conntrack', 'conntrack'],
  ['/usr/sbin/ip', 'iproute2'],
];
const missing = tools.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (missing.length === 0) process.exit(0);
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log(`tools: installing ${missing.join(' ')} with apt-get`);
  try {
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
      { stdio: 'inherit', shell: '/bin/bash' },
    );
  } catch {
    console.log('tools: could not install them; the tests that need them will be skipped');
  }
} else {
  console.log(`tools: missing ${missing.join(' ')}; tests that compare with them will be skipped`);
}
