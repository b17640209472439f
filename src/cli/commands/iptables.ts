import {
  applyScenario,
  compileKubeProxy,
  type Diagnostic,
  nodeRuleset,
  printSave,
} from '../../core/index.ts';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readInput } from '../io.ts';

const USAGE = 'svclab iptables FILE [--node NAME] [--format restore|save]';

interface Args {
  file?: string;
  node?: string;
  format: 'restore' | 'save';
}

function parse(args: readonly string[], io: CliIo): Args | null {
  const out: Args = { format: 'restore' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === '--node' || flag === '--format') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') {
        io.stderr(`svclab iptables: ${flag} needs a value (usage: ${USAGE})\n`);
        return null;
      }
      if (flag === '--node') out.node = value;
      else if (value === 'restore' || value === 'save') out.format = value;
      else {
        io.stderr(`svclab iptables: unknown format "${value}" (restore or save)\n`);
        return null;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      io.stderr(`svclab iptables: unknown flag ${arg} (usage: ${USAGE})\n`);
      return null;
    } else if (out.file === undefined) out.file = arg;
    else {
      io.stderr(`svclab iptables: unexpected argument ${arg} (usage: ${USAGE})\n`);
      return null;
    }
  }
  return out;
}

function report(io: CliIo, diagnostics: readonly Diagnostic[]): boolean {
  let failed = false;
  for (const d of diagnostics) {
    if (d.severity === 'error') {
      failed = true;
      io.stderr(`error: ${d.message}\n`);
    } else if (d.severity === 'warning') io.stderr(`Warning: ${d.message}\n`);
  }
  return failed;
}

/** The text `svclab iptables` prints, or null with the diagnostics that prevented it. */
export function iptablesText(
  scenario: string,
  node: string | undefined,
  format: 'restore' | 'save',
): { text: string | null; diagnostics: readonly Diagnostic[] } {
  const applied = applyScenario(scenario);
  const compiled = compileKubeProxy(applied.cluster, node === undefined ? {} : { node });
  const diagnostics = [...applied.diagnostics, ...compiled.diagnostics];
  if (!compiled.ok) return { text: null, diagnostics };
  const text =
    format === 'restore' ? compiled.value.restoreText : printSave(nodeRuleset(compiled.value));
  return { text, diagnostics };
}

export const iptablesCommand: Command = {
  name: 'iptables',
  summary: 'the rules kube-proxy writes on a node',
  usage: USAGE,
  run(args, io) {
    const parsed = parse(args, io);
    if (!parsed) return EXIT_USAGE;
    const scenario = readInput(io, 'iptables', parsed.file);
    if (scenario === null) return EXIT_USAGE;
    const { text, diagnostics } = iptablesText(scenario, parsed.node, parsed.format);
    if (text !== null) io.stdout(text);
    const failed = report(io, diagnostics);
    return failed || text === null ? EXIT_INVALID : EXIT_OK;
  },
};
