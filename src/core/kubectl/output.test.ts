import { describe, expect, it } from 'vitest';
import { toJson, toYaml } from './output.ts';

describe('-o json / -o yaml printers', () => {
  it('json: four-space indent, sorted keys, HTML characters escaped as Go does', () => {
    expect(toJson({ b: 1, a: { note: '<a&b>' } })).toBe(
      '{\n    "a": {\n        "note": "\\u003ca\\u0026b\\u003e"\n    },\n    "b": 1\n}\n',
    );
  });

  it('yaml: sorted keys, lists not indented, strings that YAML 1.1 reads as other types quoted', () => {
    expect(toYaml({ z: ['x'], a: 'True', t: '2024-07-14T08:00:00Z', port: '80', n: 'on' })).toBe(
      'a: "True"\n"n": "on"\nport: "80"\nt: "2024-07-14T08:00:00Z"\nz:\n- x\n',
    );
  });

  it('a placeholder EndpointSlice prints endpoints: null, as stored', () => {
    expect(toYaml({ kind: 'EndpointSlice', endpoints: [] })).toBe(
      'endpoints: null\nkind: EndpointSlice\n',
    );
  });
});
