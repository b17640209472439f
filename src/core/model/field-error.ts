/**
 * apimachinery's field errors (`k8s.io/apimachinery/pkg/util/validation/field`) and how the API
 * server renders them: `<field>: <type text>[: <value>][: <detail>]`.
 *
 * Values print as Go prints them: strings quoted (`%q`), numbers and booleans bare, and anything
 * else (slices, structs, nil) with `%#v` up to Kubernetes 1.33 (`[]string{"10.96.0.10"}`) and as
 * JSON since 1.34 (`["10.96.0.10"]`) — reference errata 1.
 */
export type ErrorType =
  | 'Required'
  | 'Forbidden'
  | 'Invalid'
  | 'NotSupported'
  | 'Duplicate'
  | 'TooMany'
  | 'TooLong'
  | 'Internal';

const TYPE_TEXT: Record<ErrorType, string> = {
  Required: 'Required value',
  Forbidden: 'Forbidden',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  TooMany: 'Too many',
  TooLong: 'Too long',
  Internal: 'Internal error',
};

/** The StatusCause reason for each type (what `details.causes[].reason` holds). */
export const CAUSE_REASON: Record<ErrorType, string> = {
  Required: 'FieldValueRequired',
  Forbidden: 'FieldValueForbidden',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  TooMany: 'FieldValueTooMany',
  TooLong: 'FieldValueTooLong',
  Internal: 'InternalError',
};

/** The internal core.ServicePort, as the duplicate-port error prints it. */
export interface GoServicePort {
  readonly Name: string;
  readonly Protocol: string;
  readonly Port: number;
}

/** A Go value as a validation function passes it to field.Invalid & co. */
export type GoValue =
  | { readonly go: 'string'; readonly v: string }
  | { readonly go: 'int'; readonly v: number }
  | { readonly go: 'bool'; readonly v: boolean }
  | { readonly go: 'slice'; readonly type: string; readonly v: readonly string[] | null }
  | { readonly go: 'servicePort'; readonly v: GoServicePort }
  | { readonly go: 'nil' };

export const str = (v: string): GoValue => ({ go: 'string', v });
export const int = (v: number): GoValue => ({ go: 'int', v });
export const bool = (v: boolean): GoValue => ({ go: 'bool', v });
export const strings = (v: readonly string[] | null, type = '[]string'): GoValue => ({
  go: 'slice',
  type,
  v,
});

export interface FieldError {
  readonly type: ErrorType;
  readonly field: string;
  readonly value?: GoValue;
  readonly detail?: string;
}

export function required(field: string, detail = ''): FieldError {
  return { type: 'Required', field, detail };
}
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, detail };
}
export function invalid(field: string, value: GoValue, detail: string): FieldError {
  return { type: 'Invalid', field, value, detail };
}
export function duplicate(field: string, value: GoValue): FieldError {
  return { type: 'Duplicate', field, value };
}
export function notSupported(
  field: string,
  value: GoValue,
  supported: readonly string[],
): FieldError {
  const detail =
    supported.length > 0 ? `supported values: ${supported.map((s) => goQuote(s)).join(', ')}` : '';
  return { type: 'NotSupported', field, value, detail };
}
export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: 'TooMany', field, value: int(actual), detail: `must have at most ${max} items` };
}
export function internal(field: string, detail: string): FieldError {
  return { type: 'Internal', field, detail };
}

/** Go's strconv.Quote for the strings that occur here (printable ASCII and UTF-8). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Whether the scenario's version renders non-scalar values as JSON (apimachinery ≥ 0.34). */
export function rendersJson(minor: number): boolean {
  return minor >= 34;
}

export function renderValue(value: GoValue, minor: number): string {
  switch (value.go) {
    case 'string':
      return goQuote(value.v);
    case 'int':
      return String(value.v);
    case 'bool':
      return String(value.v);
    case 'nil':
      return 'null';
    case 'slice':
      if (rendersJson(minor)) return value.v === null ? 'null' : JSON.stringify(value.v);
      if (value.v === null) return `${value.type}(nil)`;
      return `${value.type}{${value.v.map(goQuote).join(', ')}}`;
    case 'servicePort': {
      const p = value.v;
      if (rendersJson(minor))
        return `{"Name":${JSON.stringify(p.Name)},"Protocol":${JSON.stringify(p.Protocol)},"AppProtocol":null,"Port":${p.Port},"TargetPort":0,"NodePort":0}`;
      return `core.ServicePort{Name:${goQuote(p.Name)}, Protocol:${goQuote(p.Protocol)}, AppProtocol:(*string)(nil), Port:${p.Port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
    }
  }
}

/** `ErrorBody()`: the message without the field path. */
export function errorBody(e: FieldError, minor: number): string {
  let s = TYPE_TEXT[e.type];
  const printsValue = e.type !== 'Required' && e.type !== 'Forbidden' && e.type !== 'Internal';
  if (printsValue && e.type !== 'TooLong' && e.value) s += `: ${renderValue(e.value, minor)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `Error()`: `<field>: <body>`. */
export function renderFieldError(e: FieldError, minor: number): string {
  return `${e.field}: ${errorBody(e, minor)}`;
}
