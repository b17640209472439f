/**
 * The API server's decode stage (reference §1.6): a manifest is unmarshalled into Go structs before
 * anything else happens, so a wrong JSON type or (with kubectl's default strict field validation)
 * an unknown field rejects the whole object with HTTP 400, before defaulting and validation.
 *
 * Messages follow encoding/json (`json: cannot unmarshal string into Go struct field
 * ServicePort.spec.ports.port of type int32`: the innermost struct's Go name, then the JSON path
 * without list indexes) and apimachinery's strict decoder (`strict decoding error: unknown field
 * "spec.ports[0].nodeport"`, all unknown fields joined by ", "). Like encoding/json, the first
 * type error wins; unknown fields are reported only when there is none.
 */
import { isRecord } from './manifest.ts';
import type { Schema } from './schema.ts';

export interface Decoded {
  /** The value with `null`s dropped (JSON null decodes to the zero value). */
  readonly value: Record<string, unknown>;
  /** `json: cannot unmarshal ...`, or the strict decoding error, or undefined. */
  readonly error?: string;
}

interface State {
  typeError?: string;
  unknown: string[];
}

export function decode(value: Record<string, unknown>, schema: Schema): Decoded {
  const state: State = { unknown: [] };
  const out = walk(value, schema, { goStruct: '', jsonPath: '', fieldPath: '' }, state);
  const clean = isRecord(out) ? out : {};
  if (state.typeError !== undefined) return { value: clean, error: state.typeError };
  if (state.unknown.length > 0) {
    const list = state.unknown.map((f) => `unknown field "${f}"`).join(', ');
    return { value: clean, error: `strict decoding error: ${list}` };
  }
  return { value: clean };
}

interface Where {
  /** Go name of the struct holding the current field. */
  readonly goStruct: string;
  /** Dotted JSON path without indexes, as encoding/json reports it. */
  readonly jsonPath: string;
  /** Path with indexes, as the strict decoder reports unknown fields. */
  readonly fieldPath: string;
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function goType(schema: Schema): string {
  switch (schema.t) {
    case 'string':
      return 'string';
    case 'int32':
      return 'int32';
    case 'int64':
      return 'int64';
    case 'bool':
      return 'bool';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'any':
      return 'interface {}';
    case 'map':
    case 'array':
      return schema.go;
    case 'struct':
      return `v1.${schema.go}`;
  }
}

function typeError(state: State, where: Where, found: string, schema: Schema): undefined {
  if (state.typeError === undefined) {
    const field = where.goStruct
      ? ` into Go struct field ${where.goStruct}.${where.jsonPath}`
      : ' into Go value';
    state.typeError = `json: cannot unmarshal ${found}${field} of type ${goType(schema)}`;
  }
  return undefined;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function walk(v: unknown, schema: Schema, where: Where, state: State): unknown {
  if (v === null || v === undefined) return undefined;
  switch (schema.t) {
    case 'any':
      return v;
    case 'string':
      return typeof v === 'string' ? v : typeError(state, where, jsonKind(v), schema);
    case 'bool':
      return typeof v === 'boolean' ? v : typeError(state, where, jsonKind(v), schema);
    case 'int32':
    case 'int64': {
      if (typeof v !== 'number') return typeError(state, where, jsonKind(v), schema);
      const fits =
        Number.isInteger(v) &&
        (schema.t === 'int64' ? Number.isSafeInteger(v) : v >= INT32_MIN && v <= INT32_MAX);
      return fits ? v : typeError(state, where, `number ${v}`, schema);
    }
    case 'intOrString':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX)
        return v;
      return typeError(state, where, typeof v === 'number' ? `number ${v}` : jsonKind(v), schema);
    case 'map': {
      if (!isRecord(v)) return typeError(state, where, jsonKind(v), schema);
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        const decoded = walk(item, schema.of, where, state);
        // encoding/json stores null map values as the zero value ("").
        out[k] = decoded === undefined && item === null ? '' : decoded;
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(v)) return typeError(state, where, jsonKind(v), schema);
      // encoding/json decodes a null element as the element type's zero value.
      return v.map((item, i) =>
        item === null
          ? zeroValue(schema.of)
          : walk(item, schema.of, { ...where, fieldPath: `${where.fieldPath}[${i}]` }, state),
      );
    }
    case 'struct': {
      if (!isRecord(v)) return typeError(state, where, jsonKind(v), schema);
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        const child = schema.fields[k];
        const fieldPath = where.fieldPath ? `${where.fieldPath}.${k}` : k;
        if (!child) {
          if (schema.open) out[k] = item;
          else state.unknown.push(fieldPath);
          continue;
        }
        const jsonPath = where.jsonPath ? `${where.jsonPath}.${k}` : k;
        const decoded = walk(item, child, { goStruct: schema.go, jsonPath, fieldPath }, state);
        if (decoded !== undefined) out[k] = decoded;
      }
      return out;
    }
  }
}

/** Go's zero value of a decoded type, for a JSON null inside a list. */
function zeroValue(schema: Schema): unknown {
  switch (schema.t) {
    case 'string':
      return '';
    case 'int32':
    case 'int64':
    case 'intOrString':
      return 0;
    case 'bool':
      return false;
    case 'struct':
    case 'map':
      return {};
    case 'array':
      return [];
    case 'any':
      return null;
  }
}
