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
import { type Applied, applyScenario, type Cluster, type Diagnostic } from '../core/index.ts';

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
  readonly ruleset: RulesetView;
  /** What `iptables-save` prints on the node. */
  readonly save: string;
  /** What kube-proxy writes through `iptables-restore`. */
  readonly restore: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The names the kube-proxy area publishes; the Rules tab waits for them. */
export const KUBE_PROXY_APIS = ['compileNode', 'printSave', 'printRestore'] as const;

/** kube-proxy's rules on one node, or null while the kube-proxy area has not published them. */
export function nodeRulesApi(): ((cluster: Cluster, node: string) => NodeRules) | null {
  return null;
}
