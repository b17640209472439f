import { type Command, EXIT_USAGE } from '../io.ts';

export const iptablesCommand: Command = {
  name: 'iptables',
  summary: 'the rules kube-proxy writes on a node',
  usage: 'svclab iptables FILE [--node NAME] [--format restore|save]',
  run(_args, io) {
    io.stderr('svclab iptables: not available yet in this build\n');
    return EXIT_USAGE;
  },
};
