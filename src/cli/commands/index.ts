import type { Command } from '../io.ts';
import { applyCommand } from './apply.ts';
import { dnsCommand } from './dns.ts';
import { iptablesCommand } from './iptables.ts';
import { kubectlCommand } from './kubectl.ts';
import { openCommand } from './open.ts';
import { resolvConfCommand } from './resolv-conf.ts';
import { shareCommand } from './share.ts';
import { traceCommand } from './trace.ts';

/** Every command, in the order `svclab --help` lists them. Each lives in its own file. */
export const commands: readonly Command[] = [
  applyCommand,
  kubectlCommand,
  iptablesCommand,
  dnsCommand,
  resolvConfCommand,
  traceCommand,
  shareCommand,
  openCommand,
];
