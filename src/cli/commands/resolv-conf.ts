import { type Command, EXIT_USAGE } from '../io.ts';

export const resolvConfCommand: Command = {
  name: 'resolv-conf',
  summary: "a pod's /etc/resolv.conf",
  usage: 'svclab resolv-conf FILE NS/POD',
  run(_args, io) {
    io.stderr('svclab resolv-conf: not available yet in this build\n');
    return EXIT_USAGE;
  },
};
