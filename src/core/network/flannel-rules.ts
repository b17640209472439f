/**
 * The rules flannel (v0.2x, `--ip-masq`, iptables mode) installs on every node, as IR: the
 * masquerade for pod traffic leaving the pod network (nat FLANNEL-POSTRTG) and the forward
 * accept (filter FLANNEL-FWD). From flannel's pkg/trafficmngr/iptables `masqRules` and
 * `forwardRules`, in their order; both jumps are appended (`-A`), after kube-proxy's.
 * Shown in traces as the CNI's rules, distinct from kube-proxy's.
 */
import type { Match, Rule, Ruleset, Target } from '../iptables/types.ts';
import { RuleWriter } from '../kube-proxy/rule-writer.ts';

const MASQ = 'flanneld masq';
const FWD = 'flanneld forward';

const comment = (text: string): Match => ({ kind: 'comment', text });
const src = (cidr: string, negated = false): Match => ({ kind: 'source', cidr, negated });
const dst = (cidr: string, negated = false): Match => ({ kind: 'dest', cidr, negated });

export function flannelRules(clusterCidr: string, podCidr: string | null): Ruleset {
  const nat = new RuleWriter('nat');
  const why = (sentence: string) => ({ sources: [], sentence });
  const w = (chain: string, m: Match[], t: Target, sentence: string) =>
    nat.write(chain, m, t, why(sentence));
  const masq: Target = { kind: 'MASQUERADE', randomFully: true };
  w(
    'POSTROUTING',
    [comment(MASQ)],
    { kind: 'jump', chain: 'FLANNEL-POSTRTG' },
    'flannel sends every packet leaving the node through its masquerade chain.',
  );
  w(
    'FLANNEL-POSTRTG',
    [{ kind: 'mark', value: 0x4000, mask: 0x4000, negated: false }, comment(MASQ)],
    { kind: 'RETURN' },
    'flannel leaves packets kube-proxy marked for masquerade to kube-proxy.',
  );
  if (podCidr) {
    w(
      'FLANNEL-POSTRTG',
      [src(podCidr), dst(clusterCidr), comment(MASQ)],
      { kind: 'RETURN' },
      'Pod-to-pod traffic inside the cluster network keeps its source address.',
    );
    w(
      'FLANNEL-POSTRTG',
      [src(clusterCidr), dst(podCidr), comment(MASQ)],
      { kind: 'RETURN' },
      "Traffic from the pod network to this node's pods keeps its source address.",
    );
    w(
      'FLANNEL-POSTRTG',
      [src(clusterCidr, true), dst(podCidr), comment(MASQ)],
      { kind: 'RETURN' },
      "Outside traffic arriving for this node's pods keeps its source address.",
    );
  }
  w(
    'FLANNEL-POSTRTG',
    [src(clusterCidr), dst('224.0.0.0/4', true), comment(MASQ)],
    masq,
    "Pod traffic leaving the pod network is masqueraded to the node's address.",
  );
  w(
    'FLANNEL-POSTRTG',
    [src(clusterCidr, true), dst(clusterCidr), comment(MASQ)],
    masq,
    "The node's own traffic to remote pods is masqueraded to the VTEP address.",
  );
  const filter = new RuleWriter('filter');
  const f = (chain: string, m: Match[], t: Target, sentence: string) =>
    filter.write(chain, m, t, why(sentence));
  f(
    'FORWARD',
    [comment(FWD)],
    { kind: 'jump', chain: 'FLANNEL-FWD' },
    'flannel checks forwarded traffic against its network.',
  );
  f(
    'FLANNEL-FWD',
    [src(clusterCidr), comment(FWD)],
    { kind: 'ACCEPT' },
    'flannel forwards traffic from the pod network.',
  );
  f(
    'FLANNEL-FWD',
    [dst(clusterCidr), comment(FWD)],
    { kind: 'ACCEPT' },
    'flannel forwards traffic to the pod network.',
  );
  return {
    tables: [
      {
        name: 'filter',
        chains: [{ name: 'FLANNEL-FWD', policy: null }],
        rules: filter.rules as Rule[],
      },
      {
        name: 'nat',
        chains: [{ name: 'FLANNEL-POSTRTG', policy: null }],
        rules: nat.rules as Rule[],
      },
    ],
  };
}
