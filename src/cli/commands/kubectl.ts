import { type Command, EXIT_USAGE } from '../io.ts';

export const kubectlCommand: Command = {
  name: 'kubectl',
  summary: "kubectl's views of the scenario",
  usage:
    'svclab kubectl FILE get pods|services|endpointslices [-o wide|yaml|json] [-n NS|-A] | describe service NAME [-n NS]',
  run(_args, io) {
    io.stderr('svclab kubectl: not available yet in this build\n');
    return EXIT_USAGE;
  },
};
