/**
 * The UI's one door into the core. Every function the store and the panels call goes through
 * here, so the UI computes no networking of its own.
 *
 * The core is being written alongside the UI: an API that has not landed yet is `null` here and
 * the panel that needs it says "waiting for …" instead of showing made-up output. Each lookup is
 * by the exported name in src/core/index.ts; when an API lands, its real type replaces the
 * local one below.
 */
import * as core from '../core/index.ts';
import {
  type Applied,
  applyScenario,
  type Cluster,
  type Diagnostic,
  KubeProxyCompiler,
  nodeRuleset,
  printSave,
} from '../core/index.ts';

export type { Applied };

const exports = core as unknown as Readonly<Record<string, unknown>>;

/** The exported function `name`, or null while that area has not published it. */
function lookup<F>(name: string): F | null {
  const f = exports[name];
  return typeof f === 'function' ? (f as F) : null;
}

export type ApplyScenario = (text: string) => Applied;

/** The model's `applyScenario`: the cluster after `kubectl apply` of the whole text. */
export function applyScenarioApi(): ApplyScenario | null {
  return applyScenario;
}

/** Names of APIs still missing, for the "waiting for …" notes. */
export function waitingFor(...names: string[]): string[] {
  return names.filter((n) => lookup(n) === null);
}

// ---- kube-proxy ------------------------------------------------------------------------------

/** The subset of the rule IR the Rules view reads (src/core/iptables/types.ts). */
export interface RulesetView {
  readonly tables: readonly {
    readonly name: string;
    readonly rules: readonly {
      readonly id: string;
      readonly chain: string;
      readonly provenance: {
        readonly sources: readonly { readonly object: string; readonly field?: string }[];
        readonly sentence: string;
      };
    }[];
  }[];
}

export interface NodeRules {
  /** What `iptables-save` prints on the node, and the rules behind it (with the built-in jumps). */
  readonly save: string;
  readonly saveRuleset: RulesetView;
  /** What kube-proxy writes through `iptables-restore`, and its rules. */
  readonly restore: string;
  readonly restoreRuleset: RulesetView;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * kube-proxy's rules on one node: the restore text kube-proxy writes and, through nodeRuleset
 * and printSave, what iptables-save lists (with the built-in chain jumps and canaries).
 * One KubeProxyCompiler per node, so an edit recompiles only the service ports it touched, as
 * kube-proxy's partial sync does.
 */
const compilers = new Map<string, KubeProxyCompiler>();

export function nodeRules(cluster: Cluster, node: string): NodeRules | null {
  let compiler = compilers.get(node);
  if (!compiler) {
    compiler = new KubeProxyCompiler();
    compilers.set(node, compiler);
  }
  const r = compiler.compile(cluster, { node });
  if (!r.ok) return null;
  const saveRuleset = nodeRuleset(r.value);
  return {
    save: printSave(saveRuleset),
    saveRuleset,
    restore: r.value.restoreText,
    restoreRuleset: r.value.ruleset,
    diagnostics: r.diagnostics,
  };
}
