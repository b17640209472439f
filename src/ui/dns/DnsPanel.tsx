/**
 * The DNS tab: pick a Pod, type a name and a type, and read what `dig` prints in that Pod.
 * All DNS work goes through dns-adapter.ts.
 */

import { Trans } from 'react-i18next';
import { useT } from '../../i18n/index.ts';
import { useApplied } from '../../store/scenario.ts';
import { useUi } from '../../store/ui-store.ts';
import { Waiting } from '../app/Waiting.tsx';
import { DNS_TYPES, digFromPod, podKey, sourcePods, suggestedNames } from './dns-adapter.ts';

export function DnsPanel() {
  const t = useT();
  const applied = useApplied();
  const chosen = useUi((s) => s.dnsPod);
  const name = useUi((s) => s.dnsName);
  const type = useUi((s) => s.dnsType);
  const set = useUi((s) => s.set);
  if (!applied) return <Waiting what={t('app.waitingApply')} />;
  const cluster = applied.cluster;
  const pods = sourcePods(cluster).map(podKey);
  const pod = pods.includes(chosen) ? chosen : (pods[0] ?? '');
  const out = pod && name.trim() ? digFromPod(cluster, { pod, name, type }) : null;

  return (
    <div className="panel-body dns-panel">
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('dns.query')}>
        <label className="field-inline">
          <span>{t('dns.fromPod')}</span>
          <select
            value={pod}
            onChange={(e) => set({ dnsPod: e.target.value })}
            data-testid="dns-pod"
          >
            {pods.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline dns-name">
          <span>{t('dns.name')}</span>
          <input
            type="text"
            value={name}
            spellCheck={false}
            onChange={(e) => set({ dnsName: e.target.value })}
            list="dns-names"
            data-testid="dns-name"
          />
          <datalist id="dns-names">
            {suggestedNames(cluster).map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </label>
        <label className="field-inline">
          <span>{t('dns.type')}</span>
          <select
            value={type}
            onChange={(e) => set({ dnsType: e.target.value })}
            data-testid="dns-type"
          >
            {DNS_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {ty}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p className="flow-muted dns-note" data-testid="dns-note">
        <Trans i18nKey="dns.note" components={{ code: <code /> }} />
      </p>
      {pods.length === 0 ? (
        <p className="flow-muted">{t('dns.noPod')}</p>
      ) : (
        <pre className="output" data-testid="dns-output" aria-live="polite">
          {out && <span className="prompt">$ {out.command}</span>}
          {'\n'}
          {out?.ok === true && out.text}
          {out?.ok === false && <span className="stderr">{out.error}</span>}
        </pre>
      )}
      {out?.ok === true && out.walk && (
        <details open className="dns-extra">
          <summary>{t('dns.walk')}</summary>
          <pre className="output" data-testid="dns-walk">
            {out.walk}
          </pre>
        </details>
      )}
      {out?.ok === true && (
        <details className="dns-extra">
          <summary>{t('dns.resolvConf')}</summary>
          <pre className="output" data-testid="dns-resolv-conf">
            {out.resolvConf}
          </pre>
        </details>
      )}
    </div>
  );
}
