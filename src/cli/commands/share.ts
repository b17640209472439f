import { encodeShareLink } from '../../core/index.ts';
import { type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readInput } from '../io.ts';

const USAGE = 'svclab share FILE [--base URL]';
/** Where `npm run dev` serves the app; pass --base for the hosted site. */
export const DEFAULT_SHARE_BASE = 'http://localhost:5173/';

/**
 * `svclab share FILE [--base URL]`: the link that opens the scenario in the app. The link holds
 * the scenario without the fields the model re-derives, so it applies to the same cluster.
 */
export const shareCommand: Command = {
  name: 'share',
  summary: 'the shareable link for a scenario',
  usage: USAGE,
  run(args, io) {
    let file: string | undefined;
    let base = DEFAULT_SHARE_BASE;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? '';
      const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
      if (flag === '--base') {
        const value = inline ?? args[++i];
        if (value === undefined || value === '') {
          io.stderr(`svclab share: --base needs a URL (usage: ${USAGE})\n`);
          return EXIT_USAGE;
        }
        base = value;
      } else if (arg.startsWith('-') && arg !== '-') {
        io.stderr(`svclab share: unknown flag ${arg} (usage: ${USAGE})\n`);
        return EXIT_USAGE;
      } else if (file === undefined) file = arg;
      else {
        io.stderr(`svclab share: unexpected argument ${arg} (usage: ${USAGE})\n`);
        return EXIT_USAGE;
      }
    }
    const text = readInput(io, 'share', file);
    if (text === null) return EXIT_USAGE;
    const link = encodeShareLink({ scenario: text }, { base });
    if (!link.ok) {
      for (const d of link.diagnostics) io.stderr(`error: ${d.message}\n`);
      return EXIT_INVALID;
    }
    io.stdout(`${link.url}\n`);
    if (link.sizeClass !== 'ok')
      io.stderr(
        link.sizeClass === 'warn'
          ? `Warning: the link is ${link.length} characters long; link shorteners and some chat apps cut links above 2048\n`
          : `Warning: the link is ${link.length} characters long; share the scenario file instead\n`,
      );
    return EXIT_OK;
  },
};
