import {
  applyScenario,
  formatApplyErrors,
  hasErrors,
  ModelCode,
  toYaml,
} from '../../core/index.ts';
import { type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readInput } from '../io.ts';

/**
 * `svclab apply FILE`: the objects as the API server returns them (defaults and allocations filled
 * in, EndpointSlices derived), one YAML document each; what `kubectl apply` would print for the
 * objects it refuses goes to stderr, and the exit code is 1 then. Output re-applies to the same
 * cluster: allocated values are written into the objects.
 */
export const applyCommand: Command = {
  name: 'apply',
  summary:
    'print the objects as the API server stores them (defaults, allocations, EndpointSlices)',
  usage: 'svclab apply FILE',
  run(args, io) {
    const files = args.filter((a) => a !== '-f');
    if (files.length > 1) {
      io.stderr(`svclab apply: expected one FILE, got ${files.length}\n`);
      return EXIT_USAGE;
    }
    const file = files[0];
    const text = readInput(io, 'apply', file);
    if (text === null) return EXIT_USAGE;
    const applied = applyScenario(text);
    const given = new Set(applied.objects);
    const derived = applied.cluster.endpointSlices.filter((s) => !given.has(s));
    const docs = [...applied.objects, ...derived].map((o) => toYaml(o));
    io.stdout(docs.join('---\n'));
    const shown = applied.diagnostics.filter((d) => d.code !== ModelCode.defaultNodes);
    const errors = formatApplyErrors(shown, file === '-' ? 'STDIN' : (file ?? ''));
    if (errors) io.stderr(errors);
    return hasErrors(applied.diagnostics) ? EXIT_INVALID : EXIT_OK;
  },
};
