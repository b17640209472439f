import type {
  Chain,
  Match,
  Provenance,
  Rule,
  Ruleset,
  Table,
  TableName,
} from '../iptables/types.ts';
import { BUILTIN_CHAINS } from '../iptables/types.ts';
import type { KubeProxyRules } from './compile.ts';
import { RuleWriter } from './rule-writer.ts';

/**
 * What the node's netfilter holds because of kube-proxy, as `iptables-save` would list it: the
 * restored tables plus what kube-proxy sets up outside the restore input —
 *  - the jumps from the built-in chains (proxier.go `iptablesJumpChains`, then in 1.27+
 *    `iptablesKubeletJumpChains`), each ensured with `-I CHAIN 1`, so later ones end up on top;
 *  - the empty KUBE-PROXY-CANARY chains in mangle, nat and filter (utiliptables Monitor);
 *  - 1.26 only: the empty nat KUBE-MARK-DROP chain (`iptablesEnsureChains`).
 * The kubelet's and the CNI plugin's own chains are not modelled.
 */

interface Jump {
  readonly table: TableName;
  readonly chain: string;
  readonly from: string;
  readonly comment: string;
  readonly newOnly: boolean;
}

const JUMPS: readonly Jump[] = [
  j(
    'filter',
    'KUBE-EXTERNAL-SERVICES',
    'INPUT',
    'kubernetes externally-visible service portals',
    true,
  ),
  j(
    'filter',
    'KUBE-EXTERNAL-SERVICES',
    'FORWARD',
    'kubernetes externally-visible service portals',
    true,
  ),
  j('filter', 'KUBE-NODEPORTS', 'INPUT', 'kubernetes health check service ports', false),
  j('filter', 'KUBE-SERVICES', 'FORWARD', 'kubernetes service portals', true),
  j('filter', 'KUBE-SERVICES', 'OUTPUT', 'kubernetes service portals', true),
  j('filter', 'KUBE-FORWARD', 'FORWARD', 'kubernetes forwarding rules', false),
  j('filter', 'KUBE-PROXY-FIREWALL', 'INPUT', 'kubernetes load balancer firewall', true),
  j('filter', 'KUBE-PROXY-FIREWALL', 'OUTPUT', 'kubernetes load balancer firewall', true),
  j('filter', 'KUBE-PROXY-FIREWALL', 'FORWARD', 'kubernetes load balancer firewall', true),
  j('nat', 'KUBE-SERVICES', 'OUTPUT', 'kubernetes service portals', false),
  j('nat', 'KUBE-SERVICES', 'PREROUTING', 'kubernetes service portals', false),
  j('nat', 'KUBE-POSTROUTING', 'POSTROUTING', 'kubernetes postrouting rules', false),
];

/** 1.27+: kube-proxy also ensures the kubelet's KUBE-FIREWALL jumps (no comment). */
const KUBELET_JUMPS: readonly Jump[] = [
  j('filter', 'KUBE-FIREWALL', 'INPUT', '', false),
  j('filter', 'KUBE-FIREWALL', 'OUTPUT', '', false),
];

function j(table: TableName, chain: string, from: string, comment: string, newOnly: boolean): Jump {
  return { table, chain, from, comment, newOnly };
}

const CANARY = 'KUBE-PROXY-CANARY';

function jumpMatches(jump: Jump): Match[] {
  const m: Match[] = [];
  if (jump.newOnly) m.push({ kind: 'conntrack', states: ['NEW'], negated: false });
  if (jump.comment !== '') m.push({ kind: 'comment', text: jump.comment });
  return m;
}

function jumpWhy(jump: Jump): Provenance {
  return {
    sources: [],
    sentence: `kube-proxy inserts this jump at the top of ${jump.from} so that ${jump.table} traffic passes ${jump.chain}.`,
  };
}

export function nodeRuleset(rules: KubeProxyRules): Ruleset {
  const jumps = rules.profile.kubeFirewallChain ? [...JUMPS, ...KUBELET_JUMPS] : JUMPS;
  const tables: Table[] = [builtinTable('mangle', [CANARY], [])];
  for (const restored of rules.ruleset.tables) {
    const extra = [CANARY];
    const tableJumps = jumps.filter((x) => x.table === restored.name);
    for (const x of tableJumps) extra.push(x.chain);
    if (restored.name === 'nat' && rules.profile.ensuresKubeMarkDrop) extra.push('KUBE-MARK-DROP');
    // Each jump is inserted at position 1, so the last one ensured is the first rule.
    const writer = new RuleWriter(restored.name);
    for (const x of [...tableJumps].reverse()) {
      writer.write(x.from, jumpMatches(x), { kind: 'jump', chain: x.chain }, jumpWhy(x));
    }
    const base = builtinTable(restored.name, extra, writer.rules);
    const names = new Set(base.chains.map((c) => c.name));
    tables.push({
      name: restored.name,
      chains: [...base.chains, ...restored.chains.filter((c) => !names.has(c.name))],
      rules: [...base.rules, ...restored.rules],
    });
  }
  return { tables };
}

function builtinTable(
  name: TableName,
  userChains: readonly string[],
  rules: readonly Rule[],
): Table {
  const chains: Chain[] = BUILTIN_CHAINS[name].map((c) => ({ name: c, policy: 'ACCEPT' }));
  for (const c of userChains) {
    if (!chains.some((x) => x.name === c)) chains.push({ name: c, policy: null });
  }
  return { name, chains, rules };
}

/**
 * The iptables commands kube-proxy runs outside its iptables-restore input, in order: the canary
 * chains at start-up, then per full sync EnsureChain (`-N`) and EnsureRule (`-I CHAIN 1 ...`) for
 * every jump. Arguments as passed to `iptables`; used to reproduce a node in a network namespace.
 */
export function setupCommands(rules: KubeProxyRules): string[][] {
  const cmds: string[][] = [];
  for (const t of ['mangle', 'nat', 'filter']) cmds.push(['-t', t, '-N', CANARY]);
  const jumps = rules.profile.kubeFirewallChain ? [...JUMPS, ...KUBELET_JUMPS] : JUMPS;
  for (const x of jumps) {
    cmds.push(['-t', x.table, '-N', x.chain]);
    const args: string[] = [];
    if (x.newOnly) args.push('-m', 'conntrack', '--ctstate', 'NEW');
    if (x.comment !== '') args.push('-m', 'comment', '--comment', x.comment);
    cmds.push(['-t', x.table, '-I', x.from, '1', ...args, '-j', x.chain]);
  }
  if (rules.profile.ensuresKubeMarkDrop) cmds.push(['-t', 'nat', '-N', 'KUBE-MARK-DROP']);
  return cmds;
}
