import { type Command, EXIT_USAGE } from '../io.ts';

export const openCommand: Command = {
  name: 'open',
  summary: 'the scenario a link holds, as YAML',
  usage: 'svclab open LINK',
  run(_args, io) {
    io.stderr('svclab open: not available yet in this build\n');
    return EXIT_USAGE;
  },
};
