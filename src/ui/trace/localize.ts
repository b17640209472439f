/**
 * The Trace tab's choices and step titles are built in English by the store (trace-api.ts,
 * trace-steps.ts); these put our own words in them into the current language. Addresses, names,
 * chain names, table/hook names and iptables targets are left as they are.
 */
import type { TFunction } from 'i18next';

/** `pod ns/name (10.244.1.5, node1)`, `external client (203.0.113.7)`, `node node1`. */
export function localizeSource(label: string, t: TFunction): string {
  const pod = /^pod (\S+) \((.*), (.*)\)$/.exec(label);
  if (pod) {
    const [, key, ip = '', node = ''] = pod;
    const addr =
      ip === 'host network'
        ? t('trace.choice.hostNetwork')
        : ip === 'no IP'
          ? t('trace.choice.noIP')
          : ip;
    const where = node === 'unscheduled' ? t('trace.choice.unscheduled') : node;
    return `pod ${key} (${addr}, ${where})`;
  }
  const ext = /^external client \((.*)\)$/.exec(label);
  if (ext) return `${t('trace.choice.externalClient')} (${ext[1]})`;
  return label;
}

/** `name.ns.svc.cluster.local:80 (DNS name)`, `10.0.0.2:30080 (NodePort default/web:http on node1)`. */
export function localizeDestination(label: string, t: TFunction): string {
  if (label.endsWith(' (DNS name)'))
    return `${label.slice(0, -' (DNS name)'.length)} (${t('trace.choice.dnsName')})`;
  const np = /^(\S+) \(NodePort (\S+) on (\S+)\)$/.exec(label);
  if (np) return `${np[1]} (${t('trace.choice.nodePortOn', { tag: np[2], node: np[3] })})`;
  return label;
}

/** `node1 · nat PREROUTING · KUBE-SERVICES rule 3 → KUBE-SVC-…` (or `policy`). */
export function localizeStepTitle(title: string, t: TFunction): string {
  return title
    .replace(/ rule (\d+) → /, (_, n: string) => ` ${t('trace.step.rule', { n })} → `)
    .replace(/ policy → /, () => ` ${t('trace.step.policy')} → `);
}
