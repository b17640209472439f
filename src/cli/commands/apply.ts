import { type Command, EXIT_USAGE } from '../io.ts';

export const applyCommand: Command = {
  name: 'apply',
  summary:
    'print the objects as the API server stores them (defaults, allocations, EndpointSlices)',
  usage: 'svclab apply FILE',
  run(_args, io) {
    io.stderr('svclab apply: not available yet in this build\n');
    return EXIT_USAGE;
  },
};
