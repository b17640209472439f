import { decodeShareFragment } from '../../core/index.ts';
import { type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../io.ts';

const USAGE = 'svclab open LINK';

/**
 * `svclab open LINK`: the scenario a share link holds, as YAML documents separated by `---`
 * (what `svclab apply` reads back to the same cluster). The view state the link carries, if any,
 * is printed as a leading comment. LINK may be the whole URL, its fragment, or - for stdin.
 */
export const openCommand: Command = {
  name: 'open',
  summary: 'the scenario a link holds, as YAML',
  usage: USAGE,
  run(args, io) {
    if (args.length !== 1 || (args[0]?.startsWith('-') && args[0] !== '-')) {
      io.stderr(`svclab open: expected one LINK (usage: ${USAGE})\n`);
      return EXIT_USAGE;
    }
    const arg = args[0] ?? '';
    const link = arg === '-' ? io.readFile('-') : arg;
    if (link === null) {
      io.stderr('svclab open: cannot read the link from standard input\n');
      return EXIT_USAGE;
    }
    const decoded = decodeShareFragment(link);
    if (!decoded.ok) {
      for (const d of decoded.diagnostics) io.stderr(`error: ${d.message}\n`);
      return EXIT_INVALID;
    }
    for (const d of decoded.diagnostics) io.stderr(`Warning: ${d.message}\n`);
    const view = decoded.state.view;
    const header = Object.keys(view).length > 0 ? `# view: ${JSON.stringify(view)}\n` : '';
    io.stdout(header + decoded.state.scenario);
    return EXIT_OK;
  },
};
