import { assertNever } from '../result.ts';
import type { Match, Rule, Ruleset, Table, Target } from './types.ts';

/**
 * The `restore` printer: a Ruleset as kube-proxy writes it to `iptables-restore`
 * (pkg/proxy/iptables/proxier.go, syncProxyRules): per table `*NAME`, every chain line
 * `:NAME - [0:0]` in declaration order, every rule `-A CHAIN ...` in write order, `COMMIT`.
 * Arguments appear in the order they were written; marks use kube-proxy's `%#08x`
 * (`0x00004000`); a comment is quoted only when it contains a space, as kube-proxy quotes it.
 */

/** kube-proxy's masquerade mark spelling: `fmt.Sprintf("%#08x", 1<<bit)`. */
export function kubeProxyMark(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

function quoteIfSpaced(text: string): string {
  return /\s/.test(text) || text === '' ? `"${text}"` : text;
}

function not(negated: boolean): string {
  return negated ? '! ' : '';
}

export function restoreMatch(m: Match): string {
  switch (m.kind) {
    case 'comment':
      return `-m comment --comment ${quoteIfSpaced(m.text)}`;
    case 'protocol':
      return `${not(m.negated)}-p ${m.protocol}`;
    case 'source':
      return `${not(m.negated)}-s ${m.cidr}`;
    case 'dest':
      return `${not(m.negated)}-d ${m.cidr}`;
    case 'module':
      return `-m ${m.protocol}`;
    case 'dport':
      return `${not(m.negated)}--dport ${m.port}`;
    case 'addrtype': {
      const parts = ['-m addrtype'];
      if (m.srcType) parts.push(`${not(m.negated)}--src-type ${m.srcType}`);
      if (m.dstType) parts.push(`${not(m.negated)}--dst-type ${m.dstType}`);
      return parts.join(' ');
    }
    case 'mark':
      return `-m mark ${not(m.negated)}--mark ${kubeProxyMark(m.value)}/${kubeProxyMark(m.mask)}`;
    case 'conntrack':
      return `-m conntrack ${not(m.negated)}--ctstate ${m.states.join(',')}`;
    case 'statistic':
      return `-m statistic --mode ${m.mode} --probability ${m.probability}`;
    case 'recent':
      return m.action === 'set'
        ? `-m recent --name ${m.name} --set`
        : `-m recent --name ${m.name} --rcheck${m.seconds === undefined ? '' : ` --seconds ${m.seconds}`}${m.reap ? ' --reap' : ''}`;
    case 'nfacct':
      return `-m nfacct --nfacct-name ${m.name}`;
    default:
      return assertNever(m, 'match');
  }
}

/** `ip:port`, or `[ip]:port` for IPv6 (net.JoinHostPort). */
export function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function restoreTarget(t: Target): string {
  switch (t.kind) {
    case 'jump':
      return `-j ${t.chain}`;
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return `-j ${t.kind}`;
    case 'REJECT':
      return t.with === undefined ? '-j REJECT' : `-j REJECT --reject-with ${t.with}`;
    case 'DNAT':
      return `-j DNAT --to-destination ${hostPort(t.ip, t.port)}`;
    case 'MARK':
      return `-j MARK --${t.op}-mark ${kubeProxyMark(t.value)}`;
    case 'MASQUERADE':
      return t.randomFully ? '-j MASQUERADE --random-fully' : '-j MASQUERADE';
    case 'none':
      return '';
    default:
      return assertNever(t, 'target');
  }
}

/** One `-A CHAIN ...` line (no newline). */
export function restoreRule(rule: Pick<Rule, 'chain' | 'matches' | 'target'>): string {
  // Joined once into a flat string: lines are kept for as long as the rules, and a chain of
  // `+=` pieces would keep every piece alive.
  const parts = ['-A', rule.chain];
  for (const m of rule.matches) parts.push(restoreMatch(m));
  const target = restoreTarget(rule.target);
  if (target !== '') parts.push(target);
  return parts.join(' ');
}

export function restoreChainLine(name: string): string {
  return `:${name} - [0:0]`;
}

export function printRestoreTable(table: Table): string {
  const lines = [`*${table.name}`];
  for (const chain of table.chains) lines.push(restoreChainLine(chain.name));
  for (const rule of table.rules) lines.push(restoreRule(rule));
  lines.push('COMMIT');
  return `${lines.join('\n')}\n`;
}

/** The whole iptables-restore input, table by table. */
export function printRestore(ruleset: Ruleset): string {
  return ruleset.tables.map(printRestoreTable).join('');
}
