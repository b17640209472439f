import {
  applyScenario,
  type Cluster,
  type EndpointSlice,
  KubeProxyCompiler,
  nodeRuleset,
  printSave,
} from '../../src/core/index.ts';
import type { Row, Section } from '../harness.ts';
import { measure, measureOnce } from '../harness.ts';
import { servicesScenario } from '../scenarios/services.ts';

/**
 * The kube-proxy rule compiler (issue 4): N ClusterIP Services × 10 endpoints on two nodes,
 * compiled for node1 — the scenario read by applyScenario, the rule IR with kube-proxy's restore
 * text, the iptables-save text — then single edits recompiled by a warm KubeProxyCompiler.
 */

const SIZES = [100, 1_000, 10_000] as const;
const ENDPOINTS = 10;
const EDIT_SIZE = 1_000;

function compileOnce(cluster: Cluster) {
  const result = new KubeProxyCompiler().compile(cluster, { node: 'node1' });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.value;
}

/** A copy of the cluster whose i-th EndpointSlice has its first endpoint's readiness flipped. */
function withSliceEdited(cluster: Cluster, i: number): Cluster {
  const slices = [...cluster.endpointSlices];
  const index = i % slices.length;
  const slice = slices[index] as EndpointSlice;
  const [first, ...rest] = slice.endpoints;
  if (!first) return cluster;
  const ready = first.conditions.ready ?? true;
  slices[index] = {
    ...slice,
    endpoints: [{ ...first, conditions: { ...first.conditions, ready: !ready } }, ...rest],
  };
  return { ...cluster, endpointSlices: slices };
}

function runSizes(report: (row: Row) => void): void {
  for (const n of SIZES) {
    const big = n >= 10_000;
    const options = big ? { runs: 3, warmup: 0 } : { runs: 7 };
    const spec = { services: n, endpointsPerService: ENDPOINTS };
    const text = servicesScenario(spec);
    report(measure('scenario YAML generated', n, () => spec, servicesScenario, options));
    let cluster: Cluster;
    if (big) {
      // applyScenario takes long at this size: one run, whose Cluster the next rows use.
      const [row, applied] = measureOnce('applyScenario (YAML → Cluster)', n, () =>
        applyScenario(text),
      );
      report(row);
      cluster = applied.cluster;
    } else {
      report(measure('applyScenario (YAML → Cluster)', n, () => text, applyScenario, { runs: 3 }));
      cluster = applyScenario(text).cluster;
    }
    report(measure('compile: Cluster → IR + restore text', n, () => cluster, compileOnce, options));
    // Fresh rules for every run: the save printer remembers each rule's line.
    report(
      measure(
        'print: iptables-save text',
        n,
        () => compileOnce(cluster),
        (r) => printSave(nodeRuleset(r)),
        options,
      ),
    );
    report(
      measure(
        'full: Cluster → IR → restore + save text',
        n,
        () => cluster,
        (c) => {
          const r = compileOnce(c);
          return { r, save: printSave(nodeRuleset(r)) };
        },
        options,
      ),
    );
  }
}

function runEdits(report: (row: Row) => void): void {
  const n = EDIT_SIZE;
  const text = servicesScenario({ services: n, endpointsPerService: ENDPOINTS });
  const base = applyScenario(text).cluster;
  const compiler = new KubeProxyCompiler();
  const compile = (c: Cluster) => {
    const r = compiler.compile(c, { node: 'node1' });
    if (!r.ok) throw new Error('compile failed');
    return r.value;
  };
  let edit = 0;
  const edited = () => {
    compile(base);
    edit += 7;
    return withSliceEdited(base, edit);
  };
  const options = { runs: 15, warmup: 3 };
  report(measure('edit: unchanged Cluster recompiled', n, () => base, compile, options));
  report(measure('edit: one EndpointSlice → IR + restore', n, edited, compile, options));
  report(
    measure(
      'edit: one EndpointSlice → IR + restore + save',
      n,
      edited,
      (c) => printSave(nodeRuleset(compile(c))),
      options,
    ),
  );
  // The text path: applyScenario makes every object anew, so unchanged Services are found by content.
  const editedText = text.replace('ready: true', 'ready: false');
  report(
    measure(
      'edit: re-applied YAML (all objects new) → IR + restore',
      n,
      () => {
        compile(base);
        return applyScenario(editedText).cluster;
      },
      compile,
      { runs: 5 },
    ),
  );
}

export const kubeProxySection: Section = {
  name: 'kube-proxy',
  title: `kube-proxy rule compiler: ClusterIP Services × ${ENDPOINTS} endpoints, node1 of 2`,
  run(report) {
    runSizes(report);
    runEdits(report);
  },
};
