/**
 * Errors are data. Every user-caused problem the core finds is a Diagnostic with a stable code,
 * the field path it concerns and the message a user would see from the real tool (the API
 * server's own wording where one exists).
 *
 * NOTE (compatibility): codes are part of the public surface (tests, the UI and the CLI match on
 * them). Never reuse or renumber a code; add new ones.
 *   SVCLAB-1xxx  reading manifests (YAML/JSON syntax, unknown kinds)
 *   SVCLAB-2xxx  API validation and allocation (Service, Pod, Node, ...)
 *   SVCLAB-3xxx  kube-proxy compilation
 *   SVCLAB-4xxx  DNS
 *   SVCLAB-5xxx  packet walk
 *   SVCLAB-6xxx  scenario links and codec
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable code, e.g. `SVCLAB-2001`. */
  readonly code: string;
  readonly severity: Severity;
  /** The text the user sees, verbatim as the real tool prints it where one exists. */
  readonly message: string;
  /** Field path inside the object, e.g. `spec.ports[0].nodePort`. */
  readonly field?: string;
  /** The object concerned, e.g. `Service default/web`. */
  readonly object?: string;
  /** Index of the YAML document (0-based) the problem was found in. */
  readonly document?: number;
  /** 1-based line and column in the scenario text, where known. */
  readonly line?: number;
  readonly column?: number;
}

export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  where: Omit<Diagnostic, 'code' | 'severity' | 'message'> = {},
): Diagnostic {
  return { code, severity, message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
