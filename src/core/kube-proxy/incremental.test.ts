import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster, Endpoint, EndpointSlice, Service } from '../index.ts';
import { applyScenario, compileKubeProxy, KubeProxyCompiler } from '../index.ts';
import { readGolden } from './test-support/fixtures.ts';

/**
 * A KubeProxyCompiler reuses the blocks of unchanged service ports. Over random sequences of
 * edits — to Services, EndpointSlices, the KubeProxyConfiguration, the version, or the whole
 * Cluster re-made with equal content (what applyScenario does on every apply) — each
 * incremental result must be byte-identical to a fresh compilation, rule ids included.
 */

const base = applyScenario(readGolden('iptables', 'external-ips-itp-local.yaml')).cluster;
const extra = applyScenario(readGolden('iptables', 'loadbalancer-source-ranges.yaml')).cluster;
const start: Cluster = {
  ...base,
  services: [...base.services, ...extra.services],
  endpointSlices: [...base.endpointSlices, ...extra.endpointSlices],
};

type Edit = (c: Cluster) => Cluster;

function replaceAt<T>(list: readonly T[], i: number, f: (x: T) => T): T[] {
  const out = [...list];
  const at = i % Math.max(1, out.length);
  const x = out[at];
  if (x !== undefined) out[at] = f(x);
  return out;
}

function editEndpoint(i: number, j: number, f: (e: Endpoint) => Endpoint): Edit {
  return (c) => ({
    ...c,
    endpointSlices: replaceAt(c.endpointSlices, i, (s: EndpointSlice) => ({
      ...s,
      endpoints: replaceAt(s.endpoints, j, f),
    })),
  });
}

function editService(i: number, f: (s: Service) => Service): Edit {
  return (c) => ({ ...c, services: replaceAt(c.services, i, f) });
}

const index = fc.nat(20);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .tuple(index, index, fc.boolean())
    .map(([i, j, ready]) =>
      editEndpoint(i, j, (e) => ({ ...e, conditions: { ...e.conditions, ready } })),
    ),
  fc
    .tuple(index, index, fc.boolean(), fc.boolean())
    .map(([i, j, serving, terminating]) =>
      editEndpoint(i, j, (e) => ({ ...e, conditions: { ready: false, serving, terminating } })),
    ),
  fc
    .tuple(index, index, fc.constantFrom('node1', 'node2'))
    .map(([i, j, nodeName]) => editEndpoint(i, j, (e) => ({ ...e, nodeName }))),
  fc.tuple(index, index).map(
    ([i, j]): Edit =>
      (c) => ({
        ...c,
        endpointSlices: replaceAt(c.endpointSlices, i, (s) => ({
          ...s,
          endpoints: s.endpoints.filter((_, k) => k !== j % Math.max(1, s.endpoints.length)),
        })),
      }),
  ),
  fc
    .tuple(index, fc.constantFrom<'Local' | 'Cluster'>('Local', 'Cluster'))
    .map(([i, p]) =>
      editService(i, (s) => ({ ...s, spec: { ...s.spec, internalTrafficPolicy: p } })),
    ),
  fc
    .tuple(index, fc.constantFrom<'None' | 'ClientIP'>('None', 'ClientIP'))
    .map(([i, a]) => editService(i, (s) => ({ ...s, spec: { ...s.spec, sessionAffinity: a } }))),
  fc.tuple(index, fc.integer({ min: 1, max: 65535 })).map(([i, port]) =>
    editService(i, (s) => ({
      ...s,
      spec: { ...s.spec, ports: replaceAt(s.spec.ports ?? [], 0, (p) => ({ ...p, port })) },
    })),
  ),
  index.map(
    (i): Edit =>
      (c) => ({ ...c, services: c.services.filter((_, k) => k !== i % c.services.length) }),
  ),
  fc.boolean().map(
    (masqueradeAll): Edit =>
      (c) => ({ ...c, proxy: { ...c.proxy, iptables: { ...c.proxy.iptables, masqueradeAll } } }),
  ),
  fc.constantFrom('v1.26.0', 'v1.34.0').map(
    (kubernetesVersion): Edit =>
      (c) => ({ ...c, kubernetesVersion }),
  ),
  // Equal content in new objects, as every applyScenario returns.
  fc.constant<Edit>((c) => structuredClone(c)),
);

describe('KubeProxyCompiler: incremental equals fresh', () => {
  it('over random edit sequences, on both nodes', () => {
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('node1', 'node2'),
        (edits, node) => {
          const compiler = new KubeProxyCompiler();
          let cluster = start;
          compiler.compile(cluster, { node });
          for (const e of edits) {
            cluster = e(cluster);
            const incremental = compiler.compile(cluster, { node });
            const fresh = compileKubeProxy(cluster, { node });
            expect(incremental.ok && fresh.ok).toBe(true);
            if (!incremental.ok || !fresh.ok) return;
            expect(incremental.value.restoreText).toBe(fresh.value.restoreText);
            expect(incremental.value.ruleset).toEqual(fresh.value.ruleset);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('reuses the blocks of unchanged service ports (same rule objects)', () => {
    const compiler = new KubeProxyCompiler();
    const first = compiler.compile(start, { node: 'node1' });
    const edited = editEndpoint(0, 0, (e) => ({ ...e, conditions: { ready: false } }))(start);
    const second = compiler.compile(structuredClone(edited), { node: 'node1' });
    if (!first.ok || !second.ok) throw new Error('compile failed');
    const before = new Set(first.value.ruleset.tables.flatMap((t) => t.rules));
    const after = second.value.ruleset.tables.flatMap((t) => t.rules);
    const reused = after.filter((r) => before.has(r)).length;
    // Only the edited Service's rules (and the fixed ones) are new objects.
    expect(reused).toBeGreaterThan(after.length / 2);
    expect(second.value.restoreText).not.toBe(first.value.restoreText);
  });
});
