/** What a command may do to the outside world; passed in so tests call commands as functions. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The file's text, or null when it cannot be read. `-` means standard input. */
  readonly readFile: (path: string) => string | null;
}

export interface Command {
  readonly name: string;
  /** One line for `svclab --help`. */
  readonly summary: string;
  /** The synopsis printed by `svclab help NAME` and on a usage error. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => number | Promise<number>;
}

/** Exit codes: 0 success, 1 the input is invalid (as kubectl exits), 2 a usage error. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** Reads the scenario file named on the command line, or reports a one-line error. */
export function readInput(io: CliIo, command: string, path: string | undefined): string | null {
  if (path === undefined) {
    io.stderr(`svclab ${command}: missing FILE (use - for standard input)\n`);
    return null;
  }
  const text = io.readFile(path);
  if (text === null) io.stderr(`svclab ${command}: cannot read ${path}: no such file\n`);
  return text;
}
