import type { Provenance } from '../iptables/types.ts';
import type { NodeContext } from './node-context.ts';
import type { RuleWriter } from './rule-writer.ts';
import { KUBE_MARK_MASQ, KUBE_SERVICES } from './service-rules.ts';

/**
 * The rules kube-proxy writes on every sync whatever the Services are (proxier.go): masquerade
 * plumbing in nat, the forwarding rules in filter, the localnet guard (1.27+), and the
 * KUBE-SERVICES tail that sends node-port traffic to KUBE-NODEPORTS.
 */

const CONFIG = 'KubeProxyConfiguration';

function why(sentence: string, field?: string): Provenance {
  return { sources: field ? [{ object: CONFIG, field }] : [], sentence };
}

export function fixedNatRules(nat: RuleWriter, ctx: NodeContext): void {
  const mark = ctx.mark;
  nat.write(
    'KUBE-POSTROUTING',
    [{ kind: 'mark', value: mark, mask: mark, negated: true }],
    { kind: 'RETURN' },
    why(
      "Packets without the masquerade mark leave kube-proxy's SNAT chain untouched.",
      'iptables.masqueradeBit',
    ),
  );
  nat.write(
    'KUBE-POSTROUTING',
    [],
    { kind: 'MARK', op: 'xor', value: mark },
    why(
      'Clears the masquerade mark, so a packet that passes POSTROUTING again is not SNATed twice.',
      'iptables.masqueradeBit',
    ),
  );
  nat.write(
    'KUBE-POSTROUTING',
    [{ kind: 'comment', text: 'kubernetes service traffic requiring SNAT' }],
    { kind: 'MASQUERADE', randomFully: true },
    why('Marked packets are SNATed to the outgoing interface address (random source ports).'),
  );
  nat.write(
    KUBE_MARK_MASQ,
    [],
    { kind: 'MARK', op: 'or', value: mark },
    why(
      'Sets the masquerade mark; KUBE-POSTROUTING SNATs packets that carry it.',
      'iptables.masqueradeBit',
    ),
  );
}

export const fixedFilterRules = {
  /** 1.27+, IPv4 with localhost NodePorts: kube-proxy's copy of the kubelet's localnet guard. */
  kubeFirewall(filter: RuleWriter, ctx: NodeContext): boolean {
    if (!ctx.profile.kubeFirewallChain || ctx.family !== 'IPv4' || !ctx.localhostNodePorts) {
      return false;
    }
    filter.write(
      'KUBE-FIREWALL',
      [
        { kind: 'comment', text: 'block incoming localnet connections' },
        { kind: 'dest', cidr: '127.0.0.0/8', negated: false },
        { kind: 'source', cidr: '127.0.0.0/8', negated: true },
        { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED', 'DNAT'], negated: true },
      ],
      { kind: 'DROP' },
      why(
        'route_localnet lets NodePorts answer on 127.0.0.1; this drops packets to 127.0.0.0/8 that come from elsewhere (CVE-2020-8558).',
        'iptables.localhostNodePorts',
      ),
    );
    return true;
  },

  forward(filter: RuleWriter, ctx: NodeContext): void {
    filter.write(
      'KUBE-FORWARD',
      [{ kind: 'conntrack', states: ['INVALID'], negated: false }],
      { kind: 'DROP' },
      why('Drops packets conntrack cannot place, which would otherwise reset connections.'),
    );
    filter.write(
      'KUBE-FORWARD',
      [
        { kind: 'comment', text: 'kubernetes forwarding rules' },
        { kind: 'mark', value: ctx.mark, mask: ctx.mark, negated: false },
      ],
      { kind: 'ACCEPT' },
      why(
        'Forwards Service traffic marked for SNAT even if the FORWARD policy is DROP.',
        'iptables.masqueradeBit',
      ),
    );
    filter.write(
      'KUBE-FORWARD',
      [
        { kind: 'comment', text: 'kubernetes forwarding conntrack rule' },
        { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED'], negated: false },
      ],
      { kind: 'ACCEPT' },
      why('Forwards the rest of connections the rule above accepted.'),
    );
  },
};

export function nodePortsTailRules(nat: RuleWriter, ctx: NodeContext): void {
  for (const matches of ctx.nodePortDestinations) {
    const dest = matches.find((m) => m.kind === 'dest' && !m.negated);
    nat.write(
      KUBE_SERVICES,
      [
        {
          kind: 'comment',
          text: 'kubernetes service nodeports; NOTE: this must be the last rule in this chain',
        },
        ...matches,
      ],
      { kind: 'jump', chain: 'KUBE-NODEPORTS' },
      why(
        dest && dest.kind === 'dest'
          ? `Packets to ${dest.cidr} (listed in nodePortAddresses) that matched no Service IP are checked for node ports.`
          : 'Packets to any address of this node that matched no Service IP are checked for node ports.',
        'nodePortAddresses',
      ),
    );
  }
}
