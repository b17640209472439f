import { type Command, EXIT_USAGE } from '../io.ts';

export const traceCommand: Command = {
  name: 'trace',
  summary: "walk a packet through the node's rules, routes and conntrack",
  usage:
    'svclab trace FILE --from pod:NS/NAME|node:NAME|external[:IP] --to HOST:PORT [--protocol tcp|udp|sctp] [--seed N | --endpoint IP:PORT] [--format text|json]',
  run(_args, io) {
    io.stderr('svclab trace: not available yet in this build\n');
    return EXIT_USAGE;
  },
};
