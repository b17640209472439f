/**
 * The kubectl tab: what `kubectl get` / `kubectl describe svc` print for the current scenario,
 * exactly as kubectl prints it, recomputed after every edit.
 */

import { useT } from '../../i18n/index.ts';
import { useApplied } from '../../store/scenario.ts';
import { useUi } from '../../store/ui-store.ts';
import { Waiting } from '../app/Waiting.tsx';
import {
  ALL_NAMESPACES,
  type KubectlView,
  namespacesOf,
  runKubectl,
  serviceKeys,
  VIEWS,
} from './kubectl-views.ts';

export function KubectlPanel() {
  const t = useT();
  const applied = useApplied();
  const view = useUi((s) => s.kubectlView);
  const namespace = useUi((s) => s.kubectlNamespace);
  const service = useUi((s) => s.kubectlService);
  const set = useUi((s) => s.set);
  if (!applied) return <Waiting what={t('app.waitingApply')} />;
  const cluster = applied.cluster;
  const services = serviceKeys(cluster);
  // The chosen Service, or the first one (e.g. after the chosen one was deleted).
  const svc = services.includes(service) ? service : (services[0] ?? '');
  const run = runKubectl(cluster, { view, namespace, service: svc });

  return (
    <div className="panel-body kubectl-panel">
      <div className="toolbar">
        <label className="field-inline">
          <span>{t('kubectl.command')}</span>
          <select
            value={view}
            onChange={(e) => set({ kubectlView: e.target.value as KubectlView })}
            data-testid="kubectl-view"
          >
            {VIEWS.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        {view === 'describe' ? (
          <label className="field-inline">
            <span>{t('kubectl.service')}</span>
            <select
              value={svc}
              onChange={(e) => set({ kubectlService: e.target.value })}
              data-testid="kubectl-service"
            >
              {services.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field-inline">
            <span>{t('kubectl.namespace')}</span>
            <select
              value={namespace}
              onChange={(e) => set({ kubectlNamespace: e.target.value })}
              data-testid="kubectl-namespace"
            >
              {namespacesOf(cluster).map((ns) => (
                <option key={ns} value={ns}>
                  {ns}
                </option>
              ))}
              <option value={ALL_NAMESPACES}>{t('kubectl.allNamespaces')}</option>
            </select>
          </label>
        )}
      </div>
      <pre className="output" data-testid="kubectl-output">
        <span className="prompt">$ {run.command}</span>
        {'\n'}
        {run.stdout}
        {run.stderr && <span className="stderr">{run.stderr}</span>}
      </pre>
    </div>
  );
}
