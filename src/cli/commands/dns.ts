import { type Command, EXIT_USAGE } from '../io.ts';

export const dnsCommand: Command = {
  name: 'dns',
  summary: "CoreDNS's answer, printed as dig prints it",
  usage:
    'svclab dns FILE QNAME [QTYPE] [--from NS/POD] [--format dig|wire|json] [--query-hex HEX] [@SERVER] [+short] [-x IP]',
  run(_args, io) {
    io.stderr('svclab dns: not available yet in this build\n');
    return EXIT_USAGE;
  },
};
