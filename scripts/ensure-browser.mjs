// Makes sure e2e has a Chromium: Debian's package (installed with apt when we are root and it is
// missing), or Playwright's own browser where one was installed. Otherwise says what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.PW_CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
];
const found = candidates.find((p) => p && existsSync(p));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

if (process.env.PW_BUNDLED) {
  console.log("e2e: using Playwright's bundled Chromium (PW_BUNDLED is set)");
} else if (found) {
  console.log(`e2e: using ${found}`);
} else if (isRoot && hasApt) {
  console.log("e2e: Chromium is missing; installing Debian's chromium package with apt-get");
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
} else {
  console.error(
    [
      'e2e: no Chromium found. Install one of:',
      '  Debian/Ubuntu:   sudo apt-get install -y chromium',
      '  anywhere else:   npx playwright install --with-deps chromium   (then run with PW_BUNDLED=1)',
      '  or point PW_CHROMIUM_PATH at a Chrome/Chromium binary.',
    ].join('\n'),
  );
  process.exit(1);
}
