import { applyScenario, formatTraceText, hasErrors, tracePacket } from '../../core/index.ts';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readInput } from '../io.ts';

const USAGE =
  'svclab trace FILE --from pod:NS/NAME|node:NAME|external[:IP] --to HOST:PORT [--protocol tcp|udp|sctp] [--seed N | --endpoint IP:PORT] [--via NODE] [--now SECONDS] [--format text|json]';

interface Args {
  file?: string;
  from?: string;
  to?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
  seed?: number;
  endpoint?: string;
  via?: string;
  now?: number;
  format: 'text' | 'json';
}

const VALUED = new Set([
  '--from',
  '--to',
  '--protocol',
  '--seed',
  '--endpoint',
  '--via',
  '--now',
  '--format',
]);

function parse(args: readonly string[], io: CliIo): Args | null {
  const out: Args = { protocol: 'tcp', format: 'text' };
  const fail = (msg: string) => {
    io.stderr(`svclab trace: ${msg} (usage: ${USAGE})\n`);
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag = '', inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (VALUED.has(flag)) {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') return fail(`${flag} needs a value`);
      if (flag === '--from') out.from = v;
      else if (flag === '--to') out.to = v;
      else if (flag === '--endpoint') out.endpoint = v;
      else if (flag === '--via') out.via = v;
      else if (flag === '--protocol') {
        const p = v.toLowerCase();
        if (p !== 'tcp' && p !== 'udp' && p !== 'sctp') return fail(`unknown protocol "${v}"`);
        out.protocol = p;
      } else if (flag === '--format') {
        if (v !== 'text' && v !== 'json') return fail(`unknown format "${v}" (text or json)`);
        out.format = v;
      } else {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) return fail(`${flag} takes a whole number, not "${v}"`);
        if (flag === '--seed') out.seed = n;
        else out.now = n;
      }
    } else if (arg.startsWith('-') && arg !== '-') return fail(`unknown flag ${arg}`);
    else if (out.file === undefined) out.file = arg;
    else return fail(`unexpected argument ${arg}`);
  }
  if (out.from === undefined) return fail('--from is required');
  if (out.to === undefined) return fail('--to is required');
  if (out.seed !== undefined && out.endpoint !== undefined)
    return fail('--seed and --endpoint exclude each other');
  return out;
}

/** `svclab trace`: one packet through the compiled rules, routes and conntrack, and its reply. */
export const traceCommand: Command = {
  name: 'trace',
  summary: "walk a packet through the node's rules, routes and conntrack",
  usage: USAGE,
  run(argv, io) {
    const args = parse(argv, io);
    if (!args) return EXIT_USAGE;
    const text = readInput(io, 'trace', args.file);
    if (text === null) return EXIT_USAGE;
    const applied = applyScenario(text);
    if (hasErrors(applied.diagnostics)) {
      io.stderr(
        `svclab trace: some objects in ${args.file} were not applied (see: svclab apply ${args.file})\n`,
      );
    }
    const result = tracePacket(applied.cluster, {
      from: args.from as string,
      to: args.to as string,
      protocol: args.protocol,
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      ...(args.endpoint !== undefined ? { endpoint: args.endpoint } : {}),
      ...(args.via !== undefined ? { via: args.via } : {}),
      ...(args.now !== undefined ? { now: args.now } : {}),
    });
    for (const d of result.diagnostics) io.stderr(`svclab trace: ${d.message}\n`);
    if (!result.ok) return EXIT_INVALID;
    io.stdout(
      args.format === 'json'
        ? `${JSON.stringify(result.value, null, 2)}\n`
        : formatTraceText(result.value),
    );
    return EXIT_OK;
  },
};
