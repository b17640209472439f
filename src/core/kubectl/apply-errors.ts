/**
 * What `kubectl apply -f FILE` prints on stderr for the problems `applyScenario` reports
 * (kubectl's cmd/util/helpers.go checkErr; reference §1.1): one block per failed object, in
 * document order — `The Service "web" is invalid: <cause>` for one cause, the bulleted form for
 * several, `Error from server (BadRequest|InternalError): error when creating "FILE": ...` for
 * decode and allocation-internal errors. Warnings print as `Warning: ...` lines.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { ModelCode } from '../model/codes.ts';

function kindAndName(object: string | undefined): { kind: string; name: string } {
  const [kind = '', ref = ''] = (object ?? '').split(' ');
  return { kind, name: ref.slice(ref.indexOf('/') + 1) };
}

/**
 * kubectl's form of a YAML error (`error converting YAML to JSON: yaml: line N: ...`), with the
 * column too, and the parser's own sentence without its trailing position.
 */
function syntaxText(d: Diagnostic): string {
  const where =
    d.line === undefined
      ? ''
      : `line ${d.line}${d.column !== undefined ? `, column ${d.column}` : ''}: `;
  const sentence = d.message.replace(/ at line \d+, column \d+:?$/, '');
  return `error converting YAML to JSON: yaml: ${where}${sentence}`;
}

export function formatApplyErrors(diagnostics: readonly Diagnostic[], file: string): string {
  const out: string[] = [];
  const groups = new Map<string, Diagnostic[]>();
  const order: string[] = [];
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const key =
      d.code === ModelCode.invalid || d.code === ModelCode.allocation
        ? `invalid|${d.document ?? ''}|${d.object ?? ''}`
        : `single|${order.length}`;
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    groups.get(key)?.push(d);
  }
  for (const key of order) {
    const ds = groups.get(key) ?? [];
    const first = ds[0];
    if (!first) continue;
    if (key.startsWith('invalid|')) {
      const { kind, name } = kindAndName(first.object);
      const head = name ? `The ${kind} "${name}" is invalid: ` : `The ${kind} "" is invalid: `;
      if (ds.length === 1) out.push(`${head}${first.message}`);
      else out.push(head, ...ds.map((d) => `* ${d.message}`));
      continue;
    }
    switch (first.code) {
      case ModelCode.decode:
        out.push(`Error from server (BadRequest): error when creating "${file}": ${first.message}`);
        break;
      case ModelCode.internal:
        out.push(
          `Error from server (InternalError): error when creating "${file}": ${first.message}`,
        );
        break;
      case ModelCode.syntax:
        out.push(`error: error parsing ${file}: ${syntaxText(first)}`);
        break;
      case ModelCode.missingTypeMeta:
        out.push(
          `error: error validating "${file}": ${first.message}; if you choose to ignore these errors, turn validation off with --validate=false`,
        );
        break;
      default:
        out.push(
          first.severity === 'error' ? `error: ${first.message}` : `Warning: ${first.message}`,
        );
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
