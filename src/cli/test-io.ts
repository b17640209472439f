import type { CliIo } from './io.ts';

/** An in-memory CliIo for tests: files from a map, output captured. */
export function memoryIo(files: Record<string, string> = {}): CliIo & {
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readFile: (path) => files[path] ?? null,
    out: () => out,
    err: () => err,
  };
}
