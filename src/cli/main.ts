import { commands } from './commands/index.ts';
import { type CliIo, EXIT_OK, EXIT_USAGE } from './io.ts';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'svclab — Kubernetes Services as kube-proxy, CoreDNS and kubectl see them',
    '',
    'Usage: svclab <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    '',
    'FILE is a scenario: Kubernetes YAML or JSON (several documents, or a List); - reads stdin.',
    "Run 'svclab help <command>' for a command's arguments.",
    '',
  ].join('\n');
}

/** The whole CLI as a function: argv in, exit code out, all I/O through `io`. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = commands.find((c) => c.name === topic);
    io.stdout(command ? `Usage: ${command.usage}\n` : helpText());
    return topic !== undefined && !command ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`svclab: unknown command "${name}" (see 'svclab --help')\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n`);
    return EXIT_OK;
  }
  return command.run(rest, io);
}
