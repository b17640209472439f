import {
  applyScenario,
  describeService,
  hasErrors,
  kubectlGet,
  kubectlGetOutput,
  notFoundErrors,
  parseLabelSelector,
  parseResource,
} from '../../core/index.ts';
import { type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readInput } from '../io.ts';

const USAGE =
  'svclab kubectl FILE get pods|services|endpointslices [NAME...] [-o wide|yaml|json] [-n NS|-A] [-l SELECTOR] [--show-labels] | describe service NAME [-n NS]';

interface Flags {
  output?: string;
  namespace?: string;
  selector?: string;
  showLabels: boolean;
  all: boolean;
  rest: string[];
}

function parseFlags(args: readonly string[]): Flags | string {
  const flags: Flags = { all: false, showLabels: false, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`flag needs an argument: ${a}`);
      return v;
    };
    try {
      if (a === '-o' || a === '--output') flags.output = value();
      else if (a.startsWith('-o=') || a.startsWith('--output='))
        flags.output = a.slice(a.indexOf('=') + 1);
      else if (a === '-n' || a === '--namespace') flags.namespace = value();
      else if (a.startsWith('--namespace=')) flags.namespace = a.slice(12);
      else if (a === '-A' || a === '--all-namespaces') flags.all = true;
      else if (a === '-l' || a === '--selector') flags.selector = value();
      else if (a.startsWith('-l=') || a.startsWith('--selector='))
        flags.selector = a.slice(a.indexOf('=') + 1);
      else if (a === '--show-labels') flags.showLabels = true;
      else if (a.startsWith('-')) return `unknown flag: ${a}`;
      else flags.rest.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return flags;
}

/** `svclab kubectl FILE get|describe ...`: kubectl's views of the applied scenario. */
export const kubectlCommand: Command = {
  name: 'kubectl',
  summary: "kubectl's views of the scenario",
  usage: USAGE,
  run(args, io) {
    const [file, ...rest] = args;
    const flags = parseFlags(rest);
    if (typeof flags === 'string') {
      io.stderr(`svclab kubectl: ${flags}\n`);
      return EXIT_USAGE;
    }
    const [verb, resourceName, ...names] = flags.rest;
    const name = names[0];
    if (verb !== 'get' && verb !== 'describe') {
      io.stderr(`svclab kubectl: expected get or describe (usage: ${USAGE})\n`);
      return EXIT_USAGE;
    }
    const resource = parseResource(resourceName ?? '');
    if (!resource) {
      io.stderr(
        `error: the server doesn't have a resource type "${resourceName ?? ''}" (svclab models pods, services, endpointslices)\n`,
      );
      return EXIT_USAGE;
    }
    const text = readInput(io, 'kubectl', file);
    if (text === null) return EXIT_USAGE;
    const applied = applyScenario(text);
    if (hasErrors(applied.diagnostics))
      io.stderr(
        `svclab kubectl: some objects in ${file} were not applied (see: svclab apply ${file})\n`,
      );
    const cluster = applied.cluster;
    const selector = parseLabelSelector(flags.selector ?? '');
    if (typeof selector === 'string') {
      io.stderr(`error: ${selector}\n`);
      return EXIT_USAGE;
    }
    const scope = {
      ...(flags.namespace ? { namespace: flags.namespace } : {}),
      ...(names.length > 0 ? { names } : {}),
      ...(flags.selector ? { selector } : {}),
      allNamespaces: flags.all,
    };
    if (verb === 'describe') {
      if (resource !== 'services' || name === undefined) {
        io.stderr(`svclab kubectl: describe supports: describe service NAME [-n NS]\n`);
        return EXIT_USAGE;
      }
      const ns = flags.namespace ?? 'default';
      const svc = cluster.services.find(
        (s) => s.metadata.name === name && s.metadata.namespace === ns,
      );
      if (!svc) {
        io.stderr(`Error from server (NotFound): services "${name}" not found\n`);
        return EXIT_INVALID;
      }
      io.stdout(describeService(svc, cluster));
      return EXIT_OK;
    }
    const output = flags.output;
    const missing = notFoundErrors(cluster, resource, scope);
    if (output === 'yaml' || output === 'json') {
      const found = names.length === 0 || missing.split('\n').length - 1 < names.length;
      if (found) io.stdout(kubectlGetOutput(cluster, resource, output, scope));
      io.stderr(missing);
      return missing ? EXIT_INVALID : EXIT_OK;
    }
    if (output !== undefined && output !== 'wide') {
      io.stderr(
        `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,wide,yaml\n`,
      );
      return EXIT_USAGE;
    }
    const out = kubectlGet(cluster, resource, {
      ...scope,
      wide: output === 'wide',
      showLabels: flags.showLabels,
    });
    io.stdout(out.stdout);
    io.stderr(out.stderr);
    return missing ? EXIT_INVALID : EXIT_OK;
  },
};
