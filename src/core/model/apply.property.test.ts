/**
 * Property tests (fast-check): whatever text or objects come in — random, or real manifests
 * mutated — applyScenario returns data, never throws and never hits its internal-error net
 * (SVCLAB-1999, which would mean a bug caught); every document ends applied, kept or rejected,
 * and a rejected one is explained by a diagnostic; the same input gives the same output; and the
 * kubectl views render every resulting cluster.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { describeService } from '../kubectl/describe-service.ts';
import { kubectlGet } from '../kubectl/get.ts';
import { kubectlGetOutput } from '../kubectl/objects.ts';
import { type Applied, applyObjects, applyScenario } from './apply.ts';
import { ModelCode } from './codes.ts';
import { exampleFiles, kubeProxyFixtures } from './test-support/fixtures.ts';

const INTERNAL = 'SVCLAB-1999';
const seeds = [...Object.values(kubeProxyFixtures), ...Object.values(exampleFiles)];
const RUNS = 60;

/** The invariants every result must keep. */
function checkApplied(applied: Applied): void {
  expect(applied.diagnostics.filter((d) => d.code === INTERNAL)).toEqual([]);
  for (const d of applied.diagnostics) {
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.code).toMatch(/^SVCLAB-\d{4}$/);
  }
  for (const doc of applied.documents) {
    expect(['applied', 'kept', 'rejected']).toContain(doc.status);
    if (doc.status !== 'rejected') continue;
    // Rejected: a diagnostic about this document, or a later document for the same object won.
    const explained = applied.diagnostics.some(
      (d) =>
        (d.document === doc.document && d.severity !== 'info') ||
        (d.code === ModelCode.duplicateObject &&
          doc.object !== undefined &&
          d.object === doc.object),
    );
    expect(explained, `document ${doc.document} (${doc.object}) rejected without a reason`).toBe(
      true,
    );
  }
  const { cluster } = applied;
  for (const resource of ['pods', 'services', 'endpointslices'] as const) {
    kubectlGet(cluster, resource, { allNamespaces: true, wide: true });
    kubectlGetOutput(cluster, resource, 'yaml', { allNamespaces: true });
  }
  for (const svc of cluster.services) describeService(svc, cluster);
}

/** Text edits a user makes by accident: cut, paste, retype, re-indent. */
const textMutation = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string(),
      fc.constantFrom(
        ':',
        '-',
        '---\n',
        '  ',
        '\t',
        '{',
        '[',
        '"',
        "'",
        '#',
        '\n',
        '0',
        'None',
        '&a',
        '*a',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, m: TextMutation): string {
  switch (m.kind) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'duplicateLine': {
      const lines = text.split('\n');
      const at = m.at % lines.length;
      lines.splice(at, 0, lines[at] ?? '');
      return lines.join('\n');
    }
  }
}

/** Values of every JSON shape, biased towards the ones manifests hold. */
const jsonValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    80,
    70000,
    30080,
    1.5,
    '',
    'None',
    'TCP',
    'tcp',
    'Local',
    'LoadBalancer',
    'NodePort',
    'ExternalName',
    '10.96.0.10',
    '10.96.0.300',
    '::1',
    'http',
    '8080',
  ),
  fc.string(),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

/** Every path to a value inside an object, for picking one to change. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setPath(
  root: unknown,
  path: (string | number)[],
  value: unknown,
  remove: boolean,
): unknown {
  if (path.length === 0) return remove ? {} : value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    if (rest.length === 0 && remove) copy.splice(head as number, 1);
    else copy[head as number] = setPath(copy[head as number], rest, value, remove);
    return copy;
  }
  const copy = { ...(root as Record<string, unknown>) };
  if (rest.length === 0 && remove) delete copy[head as string];
  else copy[head as string] = setPath(copy[head as string], rest, value, remove);
  return copy;
}

const seedObjects = seeds.map((text) => applyScenario(text).objects as unknown[]);

describe('applyScenario properties', () => {
  it('random text: never throws, every result is objects or diagnostics', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 200 }), fc.json()),
        (text) => {
          checkApplied(applyScenario(text));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('real manifests with text mutations (YAML): data out, same output twice', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(textMutation, { minLength: 1, maxLength: 4 }),
        (i, mutations) => {
          const text = mutations.reduce(mutateText, seeds[i] ?? '');
          const first = applyScenario(text);
          checkApplied(first);
          expect(JSON.stringify(applyScenario(text))).toBe(JSON.stringify(first));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('real objects with field mutations (as YAML and as JSON): data out, deterministic', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: seedObjects.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), jsonValue, fc.boolean()), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
        (i, edits, asJson) => {
          let objects = seedObjects[i] ?? [];
          for (const [which, where, value, remove] of edits) {
            if (objects.length === 0) break;
            const o = which % objects.length;
            const all = paths(objects[o]);
            const path = all[where % all.length] ?? [];
            objects = objects.map((x, j) => (j === o ? setPath(x, path, value, remove) : x));
          }
          const text = asJson
            ? JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects })
            : objects.map((o) => stringify(o)).join('---\n');
          const first = applyScenario(text);
          checkApplied(first);
          expect(JSON.stringify(applyScenario(text))).toBe(JSON.stringify(first));
          checkApplied(applyObjects(objects));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('applying the applied objects again gives the same cluster (allocations are kept)', () => {
    for (const text of seeds) {
      const once = applyScenario(text);
      const twice = applyScenario(once.objects.map((o) => stringify(o)).join('---\n'));
      expect(twice.cluster).toEqual(once.cluster);
    }
  });
});
