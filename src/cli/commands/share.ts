import { type Command, EXIT_USAGE } from '../io.ts';

export const shareCommand: Command = {
  name: 'share',
  summary: 'the shareable link for a scenario',
  usage: 'svclab share FILE [--base URL]',
  run(_args, io) {
    io.stderr('svclab share: not available yet in this build\n');
    return EXIT_USAGE;
  },
};
