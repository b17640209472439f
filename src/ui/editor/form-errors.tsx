/**
 * The API server's messages, shown next to the field they name. A Diagnostic's `field` is the
 * path inside the object (`spec.ports[0].nodePort`); a form input declares the path it edits,
 * and shows every message whose path starts with it. Messages no input claims go at the top.
 */
import type { Diagnostic } from '../../core/index.ts';

export function errorsFor(diagnostics: readonly Diagnostic[], path: string): Diagnostic[] {
  return diagnostics.filter(
    (d) =>
      d.severity === 'error' &&
      d.field !== undefined &&
      (d.field === path || d.field.startsWith(`${path}.`) || d.field.startsWith(`${path}[`)),
  );
}

export function unclaimed(
  diagnostics: readonly Diagnostic[],
  paths: readonly string[],
): Diagnostic[] {
  return diagnostics.filter(
    (d) => d.severity === 'error' && !paths.some((p) => errorsFor([d], p).length > 0),
  );
}

export function FieldErrors({
  diagnostics,
  path,
  except,
}: {
  diagnostics: readonly Diagnostic[];
  path: string;
  /** Paths shown by inputs inside this one (e.g. each port's row), so no message shows twice. */
  except?: readonly string[];
}) {
  const list = errorsFor(diagnostics, path).filter(
    (d) => !except?.some((p) => errorsFor([d], p).length > 0),
  );
  if (list.length === 0) return null;
  return (
    <div className="field-errors" role="alert" data-testid={`error-${path}`}>
      {list.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed per submit
        <div key={i}>{d.message}</div>
      ))}
    </div>
  );
}

export function FormErrors({
  diagnostics,
  paths,
}: {
  diagnostics: readonly Diagnostic[];
  paths: readonly string[];
}) {
  const list = unclaimed(diagnostics, paths);
  if (list.length === 0) return null;
  return (
    <div className="field-errors form-errors" role="alert" data-testid="form-errors">
      {list.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed per submit
        <div key={i}>{d.message}</div>
      ))}
    </div>
  );
}
